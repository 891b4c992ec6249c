/** `/`: the welcome and login for anonymous visitors; everyone else goes to their start page. */
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { hasRole, useMe } from './use-me.js';

/** The start page for a role. */
export function startPathOf(me: ReturnType<typeof useMe>): string {
  if (hasRole(me, 'applicant')) return '/faelle';
  if (hasRole(me, 'case-officer', 'admin', 'analyst')) return '/aufgaben';
  if (hasRole(me, 'process-owner')) return '/prozesse';
  return '/faelle';
}

/** Welcome and login, or a redirect to the start page. */
export function HomePage({ anonymous }: { anonymous: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  if (me && !anonymous) return <Navigate to={startPathOf(me)} replace />;
  return (
    <Paper sx={{ p: { xs: 2, sm: 4 }, maxWidth: 640, mx: 'auto' }}>
      <Typography variant="h1" sx={{ fontSize: { xs: '1.6rem', sm: '2rem' }, mb: 2 }}>
        {t('welcome.heading')}
      </Typography>
      <Typography sx={{ mb: 2 }}>{t('welcome.text')}</Typography>
      <Typography sx={{ mb: 3 }}>{t('welcome.loginHint')}</Typography>
      <Button variant="contained" size="large" href="/auth/login?returnTo=/">
        {t('app.login')}
      </Button>
    </Paper>
  );
}
