/**
 * `/prozesse/instanzen` for process owners and admins (lazy chunk): instances filtered by
 * process, version, state and incident (the filters live in the address, so a view can be
 * shared), and for one chosen version the diagram with a heatmap of element counts over the
 * listed instances.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import type { Page, ProcessDefinition, ProcessInstance } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { ErrorView, Loading } from '../../app/status-views.js';
import { DiagramBox } from './diagram-box.js';
import { ElementCountsTable } from './element-counts-table.js';
import { formatDateTime } from './format.js';
import { HEATMAP_LIMIT, useHeatmap } from './use-heatmap.js';
import { useDiagramViewer } from './use-diagram-viewer.js';

const states = ['ACTIVE', 'COMPLETED', 'TERMINATED'] as const;

/** The monitor's list page. */
export default function MonitorPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const processId = params.get('processId') ?? '';
  const version = params.get('version') ?? '';
  const state = params.get('state') ?? '';
  const incident = params.get('incident') ?? '';
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name === 'processId') next.delete('version');
    setParams(next, { replace: true });
  };
  useEffect(() => {
    document.title = `${t('monitor.heading')} – ${t('app.title')}`;
  }, [t]);

  const latest = useApi<Page<ProcessDefinition>>('/api/processes?latest=true&limit=200');
  const versions = useApi<Page<ProcessDefinition>>(
    processId ? `/api/processes?processId=${encodeURIComponent(processId)}&limit=200` : null,
  );
  const query = new URLSearchParams({ limit: String(HEATMAP_LIMIT) });
  if (processId) query.set('processId', processId);
  if (processId && version) query.set('version', version);
  if (state) query.set('state', state);
  if (incident) query.set('hasIncident', incident);
  const instances = useApi<Page<ProcessInstance>>(`/api/process-instances?${query}`);

  const definition = versions.data?.items.find((d) => String(d.version) === version) ?? null;
  const diagram = useDiagramViewer(definition?.processDefinitionKey ?? null);
  const heat = useHeatmap(definition && instances.data ? instances.data.items : null);
  useEffect(() => {
    if (!heat.counts || diagram.ready !== definition?.processDefinitionKey) return;
    diagram.viewer.current?.showHeatmap(heat.counts, (count) => t('monitor.heatCount', { count }));
  }, [heat.counts, diagram.ready, diagram.viewer, definition, t]);

  const versionList = [...(versions.data?.items ?? [])].sort((a, b) => b.version - a.version);
  return (
    <Box>
      <Typography variant="h1" sx={{ fontSize: { xs: '1.6rem', sm: '2rem' }, mb: 2 }}>
        {t('monitor.heading')}
      </Typography>
      {latest.error && <ErrorView error={latest.error} retry={latest.reload} />}
      <Box
        component="form"
        role="search"
        aria-label={t('monitor.filters')}
        onSubmit={(e) => e.preventDefault()}
        sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mb: 2 }}
      >
        <TextField
          select
          label={t('monitor.process')}
          value={processId}
          onChange={(e) => set('processId', e.target.value)}
          sx={{ minWidth: 220 }}
        >
          <MenuItem value="">{t('monitor.all')}</MenuItem>
          {(latest.data?.items ?? []).map((d) => (
            <MenuItem key={d.processDefinitionId} value={d.processDefinitionId}>
              {d.name || d.processDefinitionId}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label={t('monitor.version')}
          value={version}
          disabled={!processId}
          onChange={(e) => set('version', e.target.value)}
          sx={{ minWidth: 140 }}
        >
          <MenuItem value="">{t('monitor.all')}</MenuItem>
          {versionList.map((d) => (
            <MenuItem key={d.processDefinitionKey} value={String(d.version)}>
              v{d.version}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label={t('monitor.state')}
          value={state}
          onChange={(e) => set('state', e.target.value)}
          sx={{ minWidth: 160 }}
        >
          <MenuItem value="">{t('monitor.all')}</MenuItem>
          {states.map((s) => (
            <MenuItem key={s} value={s}>
              {t(`monitor.states.${s}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label={t('monitor.incident')}
          value={incident}
          onChange={(e) => set('incident', e.target.value)}
          sx={{ minWidth: 160 }}
        >
          <MenuItem value="">{t('monitor.all')}</MenuItem>
          <MenuItem value="true">{t('monitor.withIncident')}</MenuItem>
          <MenuItem value="false">{t('monitor.withoutIncident')}</MenuItem>
        </TextField>
      </Box>

      {definition ? (
        <>
          <Typography variant="h2" sx={{ fontSize: '1.3rem', mb: 1 }}>
            {t('monitor.heatmap', { version: definition.version })}
          </Typography>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {t('monitor.heatmapHint', { count: heat.summed })}
          </Typography>
          {(diagram.error ?? heat.error) && <ErrorView error={(diagram.error ?? heat.error)!} />}
          <DiagramBox boxRef={diagram.container} label={t('monitor.diagramLabel')} />
          {heat.counts && (
            <ElementCountsTable
              caption={t('monitor.heatmapTable')}
              columns={[t('monitor.passes')]}
              rows={[...heat.counts].map(([elementId, n]) => ({ elementId, values: [n] }))}
            />
          )}
        </>
      ) : (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('monitor.chooseVersion')}
        </Alert>
      )}

      <Typography variant="h2" sx={{ fontSize: '1.3rem', mb: 1 }}>
        {t('monitor.instances', { count: instances.data?.total ?? 0 })}
      </Typography>
      {instances.loading && <Loading />}
      {instances.error && <ErrorView error={instances.error} retry={instances.reload} />}
      <TableContainer tabIndex={0}>
        <Table size="small" aria-label={t('monitor.instanceTable')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('monitor.instance')}</TableCell>
              <TableCell>{t('monitor.process')}</TableCell>
              <TableCell>{t('monitor.version')}</TableCell>
              <TableCell>{t('monitor.state')}</TableCell>
              <TableCell>{t('monitor.incident')}</TableCell>
              <TableCell>{t('monitor.started')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(instances.data?.items ?? []).map((i) => (
              <TableRow key={i.processInstanceKey}>
                <TableCell>
                  <Link component={RouterLink} to={`/prozesse/instanzen/${i.processInstanceKey}`}>
                    {i.processInstanceKey}
                  </Link>
                </TableCell>
                <TableCell>{i.processDefinitionId}</TableCell>
                <TableCell>v{i.processDefinitionVersion}</TableCell>
                <TableCell>{t(`monitor.states.${i.state}`)}</TableCell>
                <TableCell>{i.hasIncident ? t('monitor.yes') : t('monitor.no')}</TableCell>
                <TableCell>{formatDateTime(i.startDate, i18n.language)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Box>
  );
}
