/** Small shared views: loading, error with retry, not found. */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';

/** A spinner with its text announced politely. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <Box role="status" sx={{ display: 'flex', gap: 2, alignItems: 'center', p: 3 }}>
      <CircularProgress size={24} aria-hidden="true" />
      <Typography>{t('app.loading')}</Typography>
    </Box>
  );
}

/** An error with a retry button. */
export function ErrorView({ error, retry }: { error: Error; retry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      severity="error"
      action={
        retry && (
          <Button color="inherit" onClick={retry}>
            {t('app.retry')}
          </Button>
        )
      }
    >
      {t('app.error', { message: error.message })}
    </Alert>
  );
}

/** The answer to an unknown path. */
export function NotFound() {
  const { t } = useTranslation();
  return (
    <Box sx={{ p: 2 }}>
      <Typography variant="h1" sx={{ fontSize: '1.75rem', mb: 2 }}>
        {t('app.notFound')}
      </Typography>
      <Button component={RouterLink} to="/">
        {t('app.back')}
      </Button>
    </Box>
  );
}
