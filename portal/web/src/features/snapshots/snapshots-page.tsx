/**
 * `/snapshots` for analysts (and admins), lazy chunk: request an anonymised snapshot, follow its
 * progress (polled every two seconds while one runs), list the finished ones and download them.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../../api/http-client.js';
import type { SnapshotProgress } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { ErrorView, Loading } from '../../app/status-views.js';

type Ready = Extract<SnapshotProgress, { state: 'ready' }>;
interface SnapshotList {
  ready: Ready[];
  running: string[];
}

const megabytes = (bytes: number, language: string) =>
  (bytes / 1024 / 1024).toLocaleString(language === 'en' ? 'en-GB' : 'de-DE', {
    maximumFractionDigits: 2,
  });

/** Progress of the snapshots that are not ready yet; reloads the list when one finishes. */
function useRunning(ids: string[], onFinished: () => void) {
  const [progress, setProgress] = useState<Record<string, SnapshotProgress>>({});
  const signature = ids.join(',');
  useEffect(() => {
    if (ids.length === 0) return;
    let stopped = false;
    // The API has no push channel for snapshot progress, so the page polls while one runs.
    const poll = async () => {
      const results = await Promise.all(
        ids.map((id) => apiFetch<SnapshotProgress>(`/api/snapshots/${id}`)),
      );
      if (stopped) return;
      setProgress(Object.fromEntries(results.map((r) => [r.snapshotId, r])));
      if (results.some((r) => r.state === 'ready')) onFinished();
    };
    const timer = window.setInterval(() => void poll().catch(() => undefined), 2000);
    void poll().catch(() => undefined);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
    // the signature stands for the id list (a new array each render)
  }, [signature]);
  return progress;
}

/** The snapshots page. */
export default function SnapshotsPage() {
  const { t, i18n } = useTranslation();
  const list = useApi<SnapshotList>('/api/snapshots');
  const [started, setStarted] = useState<string[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  useEffect(() => {
    document.title = `${t('snapshots.heading')} – ${t('app.title')}`;
  }, [t]);
  const readyIds = new Set((list.data?.ready ?? []).map((s) => s.snapshotId));
  const running = [...new Set([...(list.data?.running ?? []), ...started])].filter(
    (id) => !readyIds.has(id),
  );
  const progress = useRunning(running, list.reload);

  const start = async () => {
    try {
      const { snapshotId } = await apiFetch<{ snapshotId: string }>('/api/snapshots', {
        method: 'POST',
      });
      setStarted((s) => [...s, snapshotId]);
      setMessage({ ok: true, text: t('snapshots.started', { id: snapshotId }) });
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).message });
    }
  };

  return (
    <Box>
      <Typography variant="h1" sx={{ fontSize: { xs: '1.6rem', sm: '2rem' }, mb: 2 }}>
        {t('snapshots.heading')}
      </Typography>
      <Typography sx={{ mb: 2 }}>{t('snapshots.intro')}</Typography>
      <Button variant="contained" onClick={() => void start()} sx={{ mb: 2 }}>
        {t('snapshots.start')}
      </Button>
      {message && (
        <Alert severity={message.ok ? 'success' : 'error'} role="alert" sx={{ mb: 2 }}>
          {message.text}
        </Alert>
      )}
      {running.length > 0 && (
        <Box sx={{ mb: 3 }} aria-live="polite">
          <Typography variant="h2" sx={{ fontSize: '1.3rem', mb: 1 }}>
            {t('snapshots.running')}
          </Typography>
          {running.map((id) => {
            const p = progress[id];
            return (
              <Box key={id} sx={{ mb: 1 }} data-testid="snapshot-running">
                <Typography>
                  {id}:{' '}
                  {p?.state === 'running'
                    ? t('snapshots.progress', {
                        tables: p.tablesDone,
                        rows: p.rowsDone,
                        table: p.lastTable ?? '–',
                      })
                    : t('snapshots.requested')}
                </Typography>
                <LinearProgress aria-label={t('snapshots.progressLabel', { id })} />
              </Box>
            );
          })}
        </Box>
      )}
      <Typography variant="h2" sx={{ fontSize: '1.3rem', mb: 1 }}>
        {t('snapshots.ready')}
      </Typography>
      {list.loading && !list.data && <Loading />}
      {list.error && <ErrorView error={list.error} retry={list.reload} />}
      {list.data && list.data.ready.length === 0 && <Typography>{t('snapshots.none')}</Typography>}
      {list.data && list.data.ready.length > 0 && (
        <TableContainer tabIndex={0}>
          <Table size="small" aria-label={t('snapshots.ready')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('snapshots.id')}</TableCell>
                <TableCell align="right">{t('snapshots.tables')}</TableCell>
                <TableCell align="right">{t('snapshots.rows')}</TableCell>
                <TableCell align="right">{t('snapshots.size')}</TableCell>
                <TableCell>{t('snapshots.kAnonymity')}</TableCell>
                <TableCell>{t('snapshots.download')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {list.data.ready.map((s) => (
                <TableRow key={s.snapshotId}>
                  <TableCell>{s.snapshotId}</TableCell>
                  <TableCell align="right">{s.tables}</TableCell>
                  <TableCell align="right">{s.rows}</TableCell>
                  <TableCell align="right">{megabytes(s.bytes, i18n.language)} MB</TableCell>
                  <TableCell>
                    {s.kAnonymity
                      ? t('snapshots.k', { k: s.kAnonymity.k, rows: s.kAnonymity.suppressedRows })
                      : '–'}
                  </TableCell>
                  <TableCell>
                    <Button
                      size="small"
                      href={`/api/snapshots/${s.snapshotId}/dump`}
                      download
                      aria-label={t('snapshots.downloadOf', { id: s.snapshotId })}
                    >
                      {t('snapshots.download')}
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
