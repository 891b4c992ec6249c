/**
 * `/prozesse/instanzen/:key` (lazy chunk): one instance on its version's diagram with badges for
 * active tokens and incidents, its variables and incidents; process owners retry an incident
 * and cancel a running instance.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { apiFetch } from '../../api/http-client.js';
import type { ProcessInstanceDetail } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { ErrorView, Loading } from '../../app/status-views.js';
import { hasRole, useMe } from '../../app/use-me.js';
import { DiagramBox } from './diagram-box.js';
import { ElementCountsTable } from './element-counts-table.js';
import { formatDateTime } from './format.js';
import { useDiagramViewer } from './use-diagram-viewer.js';

/** The instance detail page. */
export default function InstancePage() {
  const { t, i18n } = useTranslation();
  const { key = '' } = useParams();
  const me = useMe();
  const owner = hasRole(me, 'process-owner');
  const detail = useApi<ProcessInstanceDetail>(`/api/process-instances/${key}`);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const diagram = useDiagramViewer(detail.data?.instance.processDefinitionKey ?? null);
  useEffect(() => {
    document.title = `${t('monitor.instanceHeading', { key })} – ${t('app.title')}`;
  }, [t, key]);
  useEffect(() => {
    if (!detail.data || diagram.ready !== detail.data.instance.processDefinitionKey) return;
    diagram.viewer.current?.showTokens(detail.data.overlays, {
      active: t('monitor.activeTokens'),
      incidents: t('monitor.incidents'),
    });
  }, [detail.data, diagram.ready, diagram.viewer, t]);

  const act = async (path: string, body: unknown, done: string) => {
    try {
      await apiFetch(path, { method: 'POST', body });
      setMessage({ ok: true, text: done });
      detail.reload();
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).message });
    }
  };

  if (detail.error) return <ErrorView error={detail.error} retry={detail.reload} />;
  if (!detail.data) return <Loading />;
  const { instance, overlays, variables, incidents } = detail.data;
  const open = incidents.filter((i) => i.state === 'ACTIVE');
  return (
    <Box>
      <Button component={RouterLink} to="/prozesse/instanzen" sx={{ mb: 1 }}>
        {t('monitor.backToList')}
      </Button>
      <Typography variant="h1" sx={{ fontSize: { xs: '1.6rem', sm: '2rem' }, mb: 1 }}>
        {t('monitor.instanceHeading', { key })}
      </Typography>
      <Typography sx={{ mb: 2 }} data-testid="instance-summary">
        {instance.processDefinitionId} v{instance.processDefinitionVersion} ·{' '}
        {t(`monitor.states.${instance.state}`)} · {t('monitor.started')}{' '}
        {formatDateTime(instance.startDate, i18n.language)}
      </Typography>
      {message && (
        <Alert severity={message.ok ? 'success' : 'error'} role="alert" sx={{ mb: 2 }}>
          {message.text}
        </Alert>
      )}
      {owner && instance.state === 'ACTIVE' && (
        <Button
          variant="outlined"
          color="error"
          sx={{ mb: 2 }}
          onClick={() => {
            if (window.confirm(t('monitor.cancelConfirm')))
              void act(
                `/api/process-instances/${key}/cancellation`,
                undefined,
                t('monitor.cancelled'),
              );
          }}
        >
          {t('monitor.cancel')}
        </Button>
      )}
      {diagram.error && <ErrorView error={diagram.error} />}
      <DiagramBox boxRef={diagram.container} label={t('monitor.diagramLabel')} />
      <ElementCountsTable
        caption={t('monitor.elementTable')}
        columns={[t('monitor.activeTokens'), t('monitor.completed'), t('monitor.incidents')]}
        rows={overlays.map((o) => ({
          elementId: o.elementId,
          values: [o.active, o.completed, o.incidents],
        }))}
      />

      <Typography variant="h2" sx={{ fontSize: '1.3rem', mb: 1 }}>
        {t('monitor.incidentsHeading', { count: open.length })}
      </Typography>
      {incidents.length === 0 && <Typography sx={{ mb: 2 }}>{t('monitor.noIncidents')}</Typography>}
      {incidents.map((i) => (
        <Alert
          key={i.incidentKey}
          severity={i.state === 'ACTIVE' ? 'error' : 'info'}
          sx={{ mb: 1 }}
          action={
            owner &&
            i.state === 'ACTIVE' && (
              <Button
                color="inherit"
                onClick={() =>
                  void act(
                    `/api/process-instances/${key}/incidents/${i.incidentKey}/retry`,
                    { retries: 1 },
                    t('monitor.retried'),
                  )
                }
              >
                {t('monitor.retry')}
              </Button>
            )
          }
        >
          <strong>{i.elementId}</strong> ({i.errorType}): {i.errorMessage}
        </Alert>
      ))}

      <Typography variant="h2" sx={{ fontSize: '1.3rem', mt: 2, mb: 1 }}>
        {t('monitor.variables')}
      </Typography>
      <TableContainer tabIndex={0}>
        <Table size="small" aria-label={t('monitor.variables')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('monitor.variableName')}</TableCell>
              <TableCell>{t('monitor.variableValue')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {variables.map((v) => (
              <TableRow key={`${v.scopeKey}:${v.name}`}>
                <TableCell>{v.name}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
                  {v.value}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Box>
  );
}
