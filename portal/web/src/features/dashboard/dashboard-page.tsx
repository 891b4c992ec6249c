/** `/faelle`: the applicant's Förderfälle as cards, each with its open tasks. */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { caseIdOfTask, type CaseSummary, type Page, type Task } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { ErrorView, Loading } from '../../app/status-views.js';
import { CaseCard } from './case-card.js';

/** The applicant's dashboard. */
export function DashboardPage() {
  const { t } = useTranslation();
  const cases = useApi<CaseSummary[]>('/api/cases/mine');
  const tasks = useApi<Page<Task>>('/api/tasks?limit=200&sort=dueDate');
  // Set by the wizard after a submission: confirm it where the person lands.
  const submitted = (useLocation().state as { submitted?: string } | null)?.submitted;
  useEffect(() => {
    document.title = `${t('dashboard.heading')} – ${t('app.title')}`;
  }, [t]);
  const error = cases.error ?? tasks.error;
  return (
    <Box>
      <Typography variant="h1" sx={{ fontSize: { xs: '1.6rem', sm: '2rem' }, mb: 2 }}>
        {t('dashboard.heading')}
      </Typography>
      {submitted && (
        <Alert severity="success" role="status" sx={{ mb: 2 }}>
          {t('wizard.submitted')}
        </Alert>
      )}
      {error && (
        <ErrorView
          error={error}
          retry={() => {
            cases.reload();
            tasks.reload();
          }}
        />
      )}
      {(cases.loading || tasks.loading) && !error && <Loading />}
      {cases.data && tasks.data && cases.data.length === 0 && (
        <Typography>{t('dashboard.empty')}</Typography>
      )}
      {cases.data && tasks.data && (
        <Box
          sx={{
            display: 'grid',
            gap: 2,
            gridTemplateColumns: { xs: '1fr', md: '1fr 1fr', lg: '1fr 1fr 1fr' },
          }}
        >
          {cases.data.map((summary) => (
            <CaseCard
              key={summary.id}
              summary={summary}
              tasks={tasks.data!.items.filter((task) => caseIdOfTask(task) === summary.id)}
            />
          ))}
        </Box>
      )}
    </Box>
  );
}
