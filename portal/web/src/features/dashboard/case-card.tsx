/** One Förderfall as a card: status, Reporting-ID, next step with its deadline, actions. */
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActions from '@mui/material/CardActions';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { CaseSummary, Task } from '../../api/types.js';
import { formatDate } from './format.js';

const reportForms = new Set(['nutzungsbericht', 'upload-ladevorgaenge']);

/** The card of one case with the open tasks of that case. */
export function CaseCard({ summary, tasks }: { summary: CaseSummary; tasks: Task[] }) {
  const { t, i18n } = useTranslation();
  const next = tasks[0];
  const report = tasks.find((task) => task.formId && reportForms.has(task.formId));
  const deadline = next?.dueDate ?? summary.naechsteFrist;
  const headingId = `fall-${summary.id}`;
  return (
    <Card component="article" aria-labelledby={headingId} data-case-id={summary.id}>
      <CardContent>
        <Typography id={headingId} variant="h2" sx={{ fontSize: '1.2rem', fontWeight: 600 }}>
          {summary.empfaenger}
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 1 }}>
          {t('dashboard.antragsnummer')}: {summary.antragsnummer} · {summary.programm}
        </Typography>
        <Chip
          label={t(`caseStatus.${summary.status}`, { defaultValue: summary.status })}
          color="primary"
          variant="outlined"
          sx={{ mb: 1 }}
        />
        <Typography>
          {t('dashboard.reportingId')}:{' '}
          <strong data-testid="reporting-id">
            {summary.reportingId ?? t('dashboard.reportingIdPending')}
          </strong>
        </Typography>
        <Typography>
          {t('dashboard.ladepunkte')}: {summary.anzahlLadepunkteBeantragt}
        </Typography>
        <Typography variant="h3" sx={{ fontSize: '1rem', fontWeight: 600, mt: 2 }}>
          {t('dashboard.nextStep')}
        </Typography>
        <Typography data-testid="next-step">
          {next ? next.name : t('dashboard.noNextStep')}
        </Typography>
        {deadline && (
          <Typography color="text.secondary">
            {t('dashboard.deadline', { date: formatDate(deadline, i18n.language) })}
          </Typography>
        )}
      </CardContent>
      <CardActions sx={{ flexWrap: 'wrap', gap: 1 }}>
        {next && (
          <Button
            variant="contained"
            component={RouterLink}
            to={`/aufgaben/${next.key}`}
            aria-label={`${next.name}: ${t('dashboard.open')}`}
          >
            {t('dashboard.open')}
          </Button>
        )}
        {report && (
          <Button variant="outlined" component={RouterLink} to={`/aufgaben/${report.key}`}>
            {t('dashboard.createReport')}
          </Button>
        )}
      </CardActions>
    </Card>
  );
}
