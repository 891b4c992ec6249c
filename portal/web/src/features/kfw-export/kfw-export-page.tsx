/**
 * `/verwaltung/export` for admins (lazy chunk): the export for the KfW (Reporting-ID, status and
 * charging points per application) as an xlsx or CSV download; the server streams the file.
 */
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The export page. */
export default function KfwExportPage() {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t('kfwExport.heading')} – ${t('app.title')}`;
  }, [t]);
  return (
    <Box>
      <Typography variant="h1" sx={{ fontSize: { xs: '1.6rem', sm: '2rem' }, mb: 2 }}>
        {t('kfwExport.heading')}
      </Typography>
      <Typography sx={{ mb: 2 }}>{t('kfwExport.intro')}</Typography>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <Button variant="contained" href="/api/exports/kfw?format=xlsx" download>
          {t('kfwExport.xlsx')}
        </Button>
        <Button variant="outlined" href="/api/exports/kfw?format=csv" download>
          {t('kfwExport.csv')}
        </Button>
      </Box>
    </Box>
  );
}
