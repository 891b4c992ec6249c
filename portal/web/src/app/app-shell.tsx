/**
 * The frame of every page: a skip link, the app bar (title, navigation by role, language,
 * logout), the main region and the footer with the legal pages a German public body must have.
 */
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import Link from '@mui/material/Link';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useApi } from '../api/use-api.js';
import { hasRole, useMe } from './use-me.js';

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const other = i18n.language === 'en' ? 'de' : 'en';
  return (
    <Button
      color="inherit"
      lang={other}
      title={t('app.language')}
      onClick={() => void i18n.changeLanguage(other)}
      sx={{ textTransform: 'none' }}
    >
      {other === 'en' ? 'English' : 'Deutsch'}
    </Button>
  );
}

/** Page frame around the routes. */
export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  // The development mailbox exists only without SMTP and never in production (404 otherwise).
  const mailbox = useApi<unknown[]>(hasRole(me, 'admin') ? '/api/dev-mailbox?limit=1' : null);
  const links = [
    ...(hasRole(me, 'applicant') ? [{ to: '/faelle', label: t('nav.dashboard') }] : []),
    ...(hasRole(me, 'case-officer', 'admin', 'analyst')
      ? [{ to: '/aufgaben', label: t('nav.tasks') }]
      : []),
    ...(hasRole(me, 'process-owner') ? [{ to: '/prozesse', label: t('nav.modeler') }] : []),
    ...(hasRole(me, 'process-owner', 'admin')
      ? [
          { to: '/prozesse/versionen', label: t('nav.versions') },
          { to: '/prozesse/instanzen', label: t('nav.monitor') },
          { to: '/formulare', label: t('nav.forms') },
        ]
      : []),
    ...(hasRole(me, 'admin')
      ? [
          { to: '/verwaltung/import', label: t('nav.kfwUpload') },
          { to: '/verwaltung/importlaeufe', label: t('nav.importRuns') },
          { to: '/verwaltung/export', label: t('nav.kfwExport') },
          { to: '/verwaltung/programme', label: t('nav.programmes') },
          ...(mailbox.data ? [{ to: '/verwaltung/postfach', label: t('nav.mailbox') }] : []),
        ]
      : []),
    ...(hasRole(me, 'analyst', 'admin') ? [{ to: '/snapshots', label: t('nav.snapshots') }] : []),
  ];
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <Link
        href="#inhalt"
        sx={{
          position: 'absolute',
          left: -9999,
          '&:focus': { left: 8, top: 8, zIndex: 2000, bgcolor: 'background.paper', p: 1 },
        }}
      >
        {t('app.skipToContent')}
      </Link>
      <AppBar position="static" component="header">
        <Toolbar sx={{ flexWrap: 'wrap', gap: 1 }}>
          <Typography
            component={RouterLink}
            to="/"
            sx={{ color: 'inherit', textDecoration: 'none', fontWeight: 600, flexGrow: 1 }}
          >
            {t('app.title')}
          </Typography>
          {links.length > 0 && (
            <Box
              component="nav"
              aria-label={t('nav.main')}
              sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}
            >
              {links.map((link) => (
                <Button key={link.to} color="inherit" component={RouterLink} to={link.to}>
                  {link.label}
                </Button>
              ))}
            </Box>
          )}
          <LanguageSwitch />
          {me && (
            <form method="post" action="/auth/logout">
              <Button type="submit" color="inherit">
                {t('app.logout')}
              </Button>
            </form>
          )}
        </Toolbar>
      </AppBar>
      <Container
        component="main"
        id="inhalt"
        tabIndex={-1}
        maxWidth="lg"
        sx={{ flexGrow: 1, py: { xs: 2, sm: 4 }, px: { xs: 1, sm: 3 } }}
      >
        {children}
      </Container>
      <Box component="footer" sx={{ py: 2, px: 2, bgcolor: 'grey.200' }}>
        <Box
          component="nav"
          aria-label={t('footer.label')}
          sx={{ display: 'flex', gap: 3, flexWrap: 'wrap', justifyContent: 'center' }}
        >
          <Link component={RouterLink} to="/impressum" color="text.primary">
            {t('footer.impressum')}
          </Link>
          <Link component={RouterLink} to="/datenschutz" color="text.primary">
            {t('footer.datenschutz')}
          </Link>
          <Link component={RouterLink} to="/barrierefreiheit" color="text.primary">
            {t('footer.barrierefreiheit')}
          </Link>
        </Box>
      </Box>
    </Box>
  );
}
