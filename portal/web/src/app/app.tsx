/**
 * The application: theme, the logged-in person, and the routes. Features that only officers,
 * process owners or admins use are loaded lazily, so an applicant's phone downloads only the
 * dashboard (and the wizard when a task is opened).
 */
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ApiError } from '../api/api-error.js';
import type { Me } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { DashboardPage } from '../features/dashboard/dashboard-page.js';
import { LegalPage } from '../features/legal/legal-page.js';
import { AppShell } from './app-shell.js';
import { HomePage } from './home-page.js';
import { Loading, NotFound } from './status-views.js';
import { MeContext } from './use-me.js';
import { portalTheme } from './theme.js';

const TaskWizardPage = lazy(() => import('../features/task-wizard/task-wizard-page.js'));
const TaskListPage = lazy(() => import('../features/task-list/task-list-page.js'));
const ModelerPage = lazy(() => import('../features/modeler/modeler-page.js'));
const ProcessVersionsPage = lazy(
  () => import('../features/process-versions/process-versions-page.js'),
);
const MonitorPage = lazy(() => import('../features/process-monitor/monitor-page.js'));
const InstancePage = lazy(() => import('../features/process-monitor/instance-page.js'));
const FormEditorPage = lazy(() => import('../features/form-editor/form-editor-page.js'));
const KfwUploadPage = lazy(() => import('../features/kfw-upload/kfw-upload-page.js'));
const ImportRunsPage = lazy(() => import('../features/import-runs/import-runs-page.js'));
const KfwExportPage = lazy(() => import('../features/kfw-export/kfw-export-page.js'));
const ProgrammesPage = lazy(() => import('../features/programmes/programmes-page.js'));
const MailboxPage = lazy(() => import('../features/mailbox/mailbox-page.js'));
const SnapshotsPage = lazy(() => import('../features/snapshots/snapshots-page.js'));

/** The whole front end. */
export function App() {
  const { i18n } = useTranslation();
  const theme = useMemo(() => portalTheme(i18n.language), [i18n.language]);
  const me = useApi<Me>('/api/me');
  const anonymous = me.error instanceof ApiError && me.error.status === 401;
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <MeContext.Provider value={me.data ?? null}>
        <BrowserRouter>
          <AppShell>
            {me.loading && !me.data && !me.error ? (
              <Loading />
            ) : (
              <Suspense fallback={<Loading />}>
                <Routes>
                  <Route path="/" element={<HomePage anonymous={anonymous} />} />
                  <Route path="/faelle" element={<DashboardPage />} />
                  <Route path="/faelle/:caseId" element={<DashboardPage />} />
                  <Route path="/aufgaben" element={<TaskListPage />} />
                  <Route path="/aufgaben/:taskKey" element={<TaskWizardPage />} />
                  <Route path="/prozesse" element={<ModelerPage />} />
                  <Route path="/prozesse/versionen" element={<ProcessVersionsPage />} />
                  <Route path="/prozesse/instanzen" element={<MonitorPage />} />
                  <Route path="/prozesse/instanzen/:key" element={<InstancePage />} />
                  <Route path="/formulare" element={<FormEditorPage />} />
                  <Route path="/verwaltung/import" element={<KfwUploadPage />} />
                  <Route path="/verwaltung/importlaeufe" element={<ImportRunsPage />} />
                  <Route path="/verwaltung/export" element={<KfwExportPage />} />
                  <Route path="/verwaltung/programme" element={<ProgrammesPage />} />
                  <Route path="/verwaltung/postfach" element={<MailboxPage />} />
                  <Route path="/verwaltung/postfach/:mailId" element={<MailboxPage />} />
                  <Route path="/snapshots" element={<SnapshotsPage />} />
                  <Route path="/impressum" element={<LegalPage page="impressum" />} />
                  <Route path="/datenschutz" element={<LegalPage page="datenschutz" />} />
                  <Route path="/barrierefreiheit" element={<LegalPage page="barrierefreiheit" />} />
                  <Route path="*" element={<NotFound />} />
                </Routes>
              </Suspense>
            )}
          </AppShell>
        </BrowserRouter>
      </MeContext.Provider>
    </ThemeProvider>
  );
}
