/**
 * Impressum, Datenschutzerklärung and Erklärung zur Barrierefreiheit. The texts come from the
 * language files until the server offers admin-editable content for them.
 */
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** One of the legal pages. */
export function LegalPage({ page }: { page: 'impressum' | 'datenschutz' | 'barrierefreiheit' }) {
  const { t } = useTranslation();
  const title = t(`legal.${page}.title`);
  useEffect(() => {
    document.title = `${title} – ${t('app.title')}`;
  }, [title, t]);
  return (
    <Paper sx={{ p: { xs: 2, sm: 4 }, maxWidth: 800, mx: 'auto' }}>
      <Typography variant="h1" sx={{ fontSize: { xs: '1.6rem', sm: '2rem' }, mb: 2 }}>
        {title}
      </Typography>
      <Typography>{t(`legal.${page}.body`)}</Typography>
    </Paper>
  );
}
