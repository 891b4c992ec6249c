/** One import run in a few lines: status, progress bar, counts, error, row report link. */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ImportRun } from '../../api/types.js';

/** The run's state as a person reads it; used by the upload page and the history. */
export function RunSummary({ run }: { run: ImportRun }) {
  const { t } = useTranslation();
  const { done, total } = run.progress;
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;
  return (
    <Box data-testid="import-run">
      <Typography sx={{ fontWeight: 600 }}>
        {run.dateiname} – {t(`imports.status.${run.status}`, { defaultValue: run.status })}
      </Typography>
      {run.status === 'LAEUFT' && (
        <LinearProgress
          variant={total > 0 ? 'determinate' : 'indeterminate'}
          value={percent}
          aria-label={t('imports.progressLabel', { name: run.dateiname })}
          sx={{ my: 1 }}
        />
      )}
      <Typography variant="body2">
        {t('imports.counts', {
          done,
          total,
          neu: run.neu,
          aktualisiert: run.aktualisiert,
          unveraendert: run.unveraendert,
          abgelehnt: run.abgelehnt,
        })}
      </Typography>
      {run.fehlermeldung && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {run.fehlercode}: {run.fehlermeldung}
        </Alert>
      )}
      {run.status !== 'LAEUFT' && (
        <Button size="small" href={`/api/imports/${run.id}/report`} download sx={{ mt: 1 }}>
          {t('imports.report')}
        </Button>
      )}
    </Box>
  );
}
