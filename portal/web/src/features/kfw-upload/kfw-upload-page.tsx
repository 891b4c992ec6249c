/**
 * `/verwaltung/import` for admins (lazy chunk): drop the KfW file on the area or choose it with
 * the button; the upload shows its progress, then the import run that the file started (polled
 * until it ends) with its result and the row report download.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/api-error.js';
import { apiFetch } from '../../api/http-client.js';
import type { ImportRun, Page, UploadReceipt } from '../../api/types.js';
import { RunSummary } from '../import-runs/run-summary.js';
import { uploadWithProgress } from './upload-with-progress.js';

/** Polls the runs of the uploaded file until its run has ended. */
function useRunOf(receipt: UploadReceipt | undefined) {
  const [run, setRun] = useState<ImportRun>();
  useEffect(() => {
    if (!receipt) return;
    setRun(undefined);
    let stopped = false;
    // The import runs in a worker; the page follows it by polling the run list of this file.
    const poll = async () => {
      const runs = await apiFetch<Page<ImportRun>>(receipt.runs);
      const latest = runs.items[0];
      if (stopped) return;
      if (latest) setRun(latest);
      if (latest && latest.status !== 'LAEUFT') window.clearInterval(timer);
    };
    const timer = window.setInterval(() => void poll().catch(() => undefined), 1500);
    void poll().catch(() => undefined);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [receipt]);
  return run;
}

/** The upload page. */
export default function KfwUploadPage() {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<number>();
  const [receipt, setReceipt] = useState<UploadReceipt>();
  const [error, setError] = useState<string>();
  const run = useRunOf(receipt);
  useEffect(() => {
    document.title = `${t('imports.uploadHeading')} – ${t('app.title')}`;
  }, [t]);

  const send = async (file: File) => {
    setError(undefined);
    setReceipt(undefined);
    setProgress(0);
    try {
      setReceipt(await uploadWithProgress<UploadReceipt>('/api/imports', file, setProgress));
    } catch (e) {
      const failure = e as ApiError;
      const details = failure.fieldErrors?.map((f) => f.message).join('; ');
      setError(details ? `${failure.message}: ${details}` : failure.message);
      setProgress(undefined);
    }
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void send(file);
  };

  return (
    <Box>
      <Typography variant="h1" sx={{ fontSize: { xs: '1.6rem', sm: '2rem' }, mb: 2 }}>
        {t('imports.uploadHeading')}
      </Typography>
      <Box
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="drop-zone"
        sx={{
          border: 2,
          borderStyle: 'dashed',
          borderColor: dragging ? 'primary.main' : 'grey.600',
          bgcolor: dragging ? 'action.hover' : 'background.paper',
          borderRadius: 1,
          p: { xs: 2, sm: 4 },
          textAlign: 'center',
          mb: 2,
        }}
      >
        <Typography sx={{ mb: 2 }}>{t('imports.dropHint')}</Typography>
        <input
          ref={input}
          id="kfw-file"
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void send(file);
            e.target.value = '';
          }}
        />
        <Button variant="contained" onClick={() => input.current?.click()}>
          {t('imports.chooseFile')}
        </Button>
      </Box>
      {progress !== undefined && (
        <Box sx={{ mb: 2 }}>
          <Typography id="upload-progress-label">
            {t('imports.uploaded', { percent: Math.round(progress * 100) })}
          </Typography>
          <LinearProgress
            variant="determinate"
            value={progress * 100}
            aria-labelledby="upload-progress-label"
          />
        </Box>
      )}
      {error && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          {error}
        </Alert>
      )}
      {receipt && (
        <Box aria-live="polite">
          {run ? <RunSummary run={run} /> : <Typography>{t('imports.waitingForRun')}</Typography>}
        </Box>
      )}
    </Box>
  );
}
