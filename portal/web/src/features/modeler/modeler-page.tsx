/**
 * `/prozesse` for process owners (lazy chunk, with the modeler in a further chunk): choose a
 * process, edit its newest version in Camunda's modeler (`camunda-bpmn-js`, Zeebe properties
 * panel), deploy it with a version note. The server lints and deploys (`POST /api/processes`);
 * its errors name the element.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/api-error.js';
import { apiFetch, apiText } from '../../api/http-client.js';
import type { Page } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { ErrorView, Loading } from '../../app/status-views.js';
import type { DiagramEditor } from './diagram-editor.js';

interface Definition {
  processDefinitionKey: string;
  processDefinitionId: string;
  name: string;
  version: number;
}

/** The process owner's page. */
export default function ModelerPage() {
  const { t } = useTranslation();
  const definitions = useApi<Page<Definition>>('/api/processes?latest=true&limit=200');
  const [selected, setSelected] = useState<string>('');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const canvas = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const editor = useRef<DiagramEditor>(null);
  useEffect(() => {
    document.title = `${t('modeler.heading')} – ${t('app.title')}`;
  }, [t]);
  useEffect(() => {
    const first = definitions.data?.items[0];
    if (first && !selected) setSelected(first.processDefinitionKey);
  }, [definitions.data, selected]);
  useEffect(() => {
    // The modeler starts with a new diagram at once; a chosen process replaces it.
    let cancelled = false;
    void (async () => {
      const [{ createDiagramEditor }, xml] = await Promise.all([
        import('./diagram-editor.js'),
        selected ? apiText(`/api/processes/${selected}/xml`) : Promise.resolve(undefined),
      ]);
      if (cancelled || !canvas.current || !panel.current) return;
      editor.current ??= createDiagramEditor(canvas.current, panel.current);
      await (xml === undefined ? editor.current.create() : editor.current.open(xml));
    })().catch((e: Error) => setMessage({ ok: false, text: e.message }));
    return () => {
      cancelled = true;
    };
  }, [selected]);
  useEffect(() => () => editor.current?.destroy(), []);

  const deploy = async () => {
    if (!editor.current) return;
    try {
      const xml = await editor.current.xml();
      await apiFetch('/api/processes', { method: 'POST', body: { xml, note } });
      setMessage({ ok: true, text: t('modeler.deployed') });
      definitions.reload();
    } catch (e) {
      const error = e as ApiError;
      const details = error.fieldErrors?.map((f) => `${f.path}: ${f.message}`).join('; ');
      setMessage({ ok: false, text: details ? `${error.message}: ${details}` : error.message });
    }
  };

  return (
    <Box>
      <Typography variant="h1" sx={{ fontSize: { xs: '1.6rem', sm: '2rem' }, mb: 2 }}>
        {t('modeler.heading')}
      </Typography>
      {definitions.error && <ErrorView error={definitions.error} retry={definitions.reload} />}
      {definitions.loading && <Loading />}
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mb: 2 }}>
        <TextField
          select
          label={t('tasks.process')}
          value={selected}
          onChange={(e) => setSelected(e.target.value)}
          sx={{ minWidth: 240 }}
        >
          {(definitions.data?.items ?? []).map((d) => (
            <MenuItem key={d.processDefinitionKey} value={d.processDefinitionKey}>
              {d.name || d.processDefinitionId} (v{d.version})
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label="Versionsnotiz"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          sx={{ minWidth: 280, flexGrow: 1 }}
        />
        <Button variant="contained" onClick={() => void deploy()} disabled={!note.trim()}>
          {t('modeler.deploy')}
        </Button>
      </Box>
      {message && (
        <Alert severity={message.ok ? 'success' : 'error'} role="alert" sx={{ mb: 2 }}>
          {message.text}
        </Alert>
      )}
      <Box
        sx={{
          display: 'flex',
          height: '70vh',
          border: 1,
          borderColor: 'divider',
          bgcolor: 'background.paper',
        }}
      >
        <Box ref={canvas} sx={{ flexGrow: 1 }} />
        <Box
          ref={panel}
          sx={{ width: 320, overflow: 'auto', borderLeft: 1, borderColor: 'divider' }}
        />
      </Box>
    </Box>
  );
}
