/**
 * `/verwaltung/importlaeufe` for admins (lazy chunk): the KfW import runs, newest first, with
 * progress (polled while one runs) and, for a chosen run, its rejected rows.
 */
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportRun, Page, RejectedRow } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { ErrorView, Loading } from '../../app/status-views.js';
import { RunSummary } from './run-summary.js';

function RejectedRows({ runId }: { runId: string }) {
  const { t } = useTranslation();
  const run = useApi<ImportRun & { rejected: Page<RejectedRow> }>(
    `/api/imports/${runId}?limit=200`,
  );
  if (run.error) return <ErrorView error={run.error} retry={run.reload} />;
  if (!run.data) return <Loading />;
  const rows = run.data.rejected.items;
  if (rows.length === 0) return <Typography>{t('imports.noRejected')}</Typography>;
  return (
    <TableContainer tabIndex={0}>
      <Table size="small" aria-label={t('imports.rejectedOf', { name: run.data.dateiname })}>
        <TableHead>
          <TableRow>
            <TableCell>{t('imports.row')}</TableCell>
            <TableCell>{t('imports.column')}</TableCell>
            <TableCell>{t('imports.value')}</TableCell>
            <TableCell>{t('imports.problem')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r, i) => (
            <TableRow key={`${r.zeile}-${r.spalte ?? ''}-${i}`}>
              <TableCell>{r.zeile}</TableCell>
              <TableCell>{r.spalte ?? '–'}</TableCell>
              <TableCell>{r.wert ?? '–'}</TableCell>
              <TableCell>
                {r.meldung} ({r.code})
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {run.data.rejected.total > rows.length && (
        <Typography variant="body2">
          {t('imports.moreRejected', { count: run.data.rejected.total - rows.length })}
        </Typography>
      )}
    </TableContainer>
  );
}

/** The import history page. */
export default function ImportRunsPage() {
  const { t } = useTranslation();
  const runs = useApi<Page<ImportRun>>('/api/imports?limit=50');
  const [open, setOpen] = useState<string>();
  useEffect(() => {
    document.title = `${t('imports.historyHeading')} – ${t('app.title')}`;
  }, [t]);
  const anyRunning = runs.data?.items.some((r) => r.status === 'LAEUFT') ?? false;
  const { reload } = runs;
  useEffect(() => {
    // No push channel for import progress: poll while a run is going.
    if (!anyRunning) return;
    const timer = window.setInterval(reload, 2000);
    return () => window.clearInterval(timer);
  }, [anyRunning, reload]);
  return (
    <Box>
      <Typography variant="h1" sx={{ fontSize: { xs: '1.6rem', sm: '2rem' }, mb: 2 }}>
        {t('imports.historyHeading')}
      </Typography>
      {runs.loading && !runs.data && <Loading />}
      {runs.error && <ErrorView error={runs.error} retry={runs.reload} />}
      {runs.data?.items.length === 0 && <Typography>{t('imports.none')}</Typography>}
      {runs.data?.items.map((run) => (
        <Paper key={run.id} variant="outlined" component="section" sx={{ p: 2, mb: 2 }}>
          <Typography variant="body2" color="text.secondary">
            {new Date(run.gestartetAm).toLocaleString('de-DE')}
          </Typography>
          <RunSummary run={run} />
          {run.abgelehnt > 0 && (
            <Button
              size="small"
              aria-expanded={open === run.id}
              onClick={() => setOpen(open === run.id ? undefined : run.id)}
            >
              {t('imports.showRejected', { count: run.abgelehnt })}
            </Button>
          )}
          {open === run.id && <RejectedRows runId={run.id} />}
        </Paper>
      ))}
    </Box>
  );
}
