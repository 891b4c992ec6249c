/**
 * `/prozesse/versionen` for process owners and admins (lazy chunk): choose a process, see every
 * deployed version with when, by whom and the note it was deployed with.
 */
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { Page, ProcessDefinition } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { ErrorView, Loading } from '../../app/status-views.js';

const dateTime = (iso: string, language: string) =>
  new Date(iso).toLocaleString(language === 'en' ? 'en-GB' : 'de-DE', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });

/** The versions page. */
export default function ProcessVersionsPage() {
  const { t, i18n } = useTranslation();
  const latest = useApi<Page<ProcessDefinition>>('/api/processes?latest=true&limit=200');
  const [processId, setProcessId] = useState('');
  const versions = useApi<Page<ProcessDefinition>>(
    processId ? `/api/processes?processId=${encodeURIComponent(processId)}&limit=200` : null,
  );
  useEffect(() => {
    document.title = `${t('versions.heading')} – ${t('app.title')}`;
  }, [t]);
  useEffect(() => {
    const first = latest.data?.items[0];
    if (first && !processId) setProcessId(first.processDefinitionId);
  }, [latest.data, processId]);
  const rows = [...(versions.data?.items ?? [])].sort((a, b) => b.version - a.version);
  return (
    <Box>
      <Typography variant="h1" sx={{ fontSize: { xs: '1.6rem', sm: '2rem' }, mb: 2 }}>
        {t('versions.heading')}
      </Typography>
      {latest.error && <ErrorView error={latest.error} retry={latest.reload} />}
      <TextField
        select
        label={t('monitor.process')}
        value={processId}
        onChange={(e) => setProcessId(e.target.value)}
        sx={{ minWidth: 260, mb: 2 }}
      >
        {(latest.data?.items ?? []).map((d) => (
          <MenuItem key={d.processDefinitionId} value={d.processDefinitionId}>
            {d.name || d.processDefinitionId}
          </MenuItem>
        ))}
      </TextField>
      {(latest.loading || versions.loading) && <Loading />}
      {versions.error && <ErrorView error={versions.error} retry={versions.reload} />}
      {rows.length > 0 && (
        <TableContainer tabIndex={0}>
          <Table size="small" aria-label={t('versions.heading')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('versions.version')}</TableCell>
                <TableCell>{t('versions.deployedAt')}</TableCell>
                <TableCell>{t('versions.deployedBy')}</TableCell>
                <TableCell>{t('versions.note')}</TableCell>
                <TableCell>{t('versions.actions')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((d) => (
                <TableRow key={d.processDefinitionKey}>
                  <TableCell>v{d.version}</TableCell>
                  <TableCell>
                    {d.note ? dateTime(d.note.deployedAt, i18n.language) : t('versions.fromFile')}
                  </TableCell>
                  <TableCell>{d.note?.deployedBy ?? '–'}</TableCell>
                  <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{d.note?.note ?? '–'}</TableCell>
                  <TableCell>
                    <Button
                      size="small"
                      component={RouterLink}
                      to={`/prozesse/instanzen?processId=${encodeURIComponent(d.processDefinitionId)}&version=${d.version}`}
                      aria-label={t('versions.monitorOf', { version: d.version })}
                    >
                      {t('versions.monitor')}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Box>
  );
}
