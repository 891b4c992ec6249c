/**
 * `/formulare` for process owners (admins read), lazy chunk: choose a form, edit its JSON
 * Schema and UI schema side by side (plain textareas: accessible, keyboard friendly and light)
 * with a live preview, save as a new version with a note; the server compiles the schema and
 * names problems by JSON pointer; the versions list below.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/api-error.js';
import { apiFetch } from '../../api/http-client.js';
import type { FormVersionMeta } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { ErrorView, Loading } from '../../app/status-views.js';
import { hasRole, useMe } from '../../app/use-me.js';
import { FormPreview } from './form-preview.js';
import { parseJsonObject } from './parse-json.js';

interface FormListItem {
  formId: string;
  version: number;
  title: string | null;
}
interface FormVersion extends FormVersionMeta {
  schema: Record<string, unknown>;
  ui: Record<string, unknown> | null;
}

const pretty = (value: unknown) => (value == null ? '' : JSON.stringify(value, null, 2));

/** The form editor page. */
export default function FormEditorPage() {
  const { t, i18n } = useTranslation();
  const owner = hasRole(useMe(), 'process-owner');
  const forms = useApi<FormListItem[]>('/api/forms');
  const [formId, setFormId] = useState('');
  const current = useApi<FormVersion>(formId ? `/api/forms/${formId}` : null);
  const versions = useApi<FormVersionMeta[]>(formId ? `/api/forms/${formId}/versions` : null);
  const [schemaText, setSchemaText] = useState('');
  const [uiText, setUiText] = useState('');
  const [note, setNote] = useState('');
  const [result, setResult] = useState<{ ok: boolean; text: string; paths?: string[] }>();
  useEffect(() => {
    document.title = `${t('formEditor.heading')} – ${t('app.title')}`;
  }, [t]);
  useEffect(() => {
    const first = forms.data?.[0];
    if (first && !formId) setFormId(first.formId);
  }, [forms.data, formId]);
  useEffect(() => {
    if (!current.data) return;
    setSchemaText(pretty(current.data.schema));
    setUiText(pretty(current.data.ui));
    setResult(undefined);
  }, [current.data]);

  const schema = parseJsonObject(schemaText, false);
  const ui = parseJsonObject(uiText, true);
  const valid = schema.ok && ui.ok;

  const save = async () => {
    if (!schema.ok || !ui.ok) return;
    try {
      const saved = await apiFetch<FormVersion>(`/api/forms/${formId}/versions`, {
        method: 'POST',
        body: { schema: schema.value, ui: ui.value, note: note.trim() || null },
      });
      setResult({ ok: true, text: t('formEditor.saved', { version: saved.version }) });
      setNote('');
      versions.reload();
    } catch (e) {
      const failure = e as ApiError;
      setResult({
        ok: false,
        text: failure.message,
        paths: failure.fieldErrors?.map((f) => `${f.path}: ${f.message}`),
      });
    }
  };

  const syntax = (parsed: typeof schema) =>
    parsed.ok ? undefined : t('formEditor.syntaxError', { message: parsed.message });
  return (
    <Box>
      <Typography variant="h1" sx={{ fontSize: { xs: '1.6rem', sm: '2rem' }, mb: 2 }}>
        {t('formEditor.heading')}
      </Typography>
      {forms.error && <ErrorView error={forms.error} retry={forms.reload} />}
      <TextField
        select
        label={t('formEditor.form')}
        value={formId}
        onChange={(e) => setFormId(e.target.value)}
        sx={{ minWidth: 260, mb: 2 }}
      >
        {(forms.data ?? []).map((f) => (
          <MenuItem key={f.formId} value={f.formId}>
            {f.title ?? f.formId} (v{f.version})
          </MenuItem>
        ))}
      </TextField>
      {(forms.loading || current.loading) && <Loading />}
      {current.error && <ErrorView error={current.error} retry={current.reload} />}
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' },
          mb: 2,
        }}
      >
        <TextField
          label={t('formEditor.schema')}
          multiline
          minRows={16}
          maxRows={32}
          value={schemaText}
          onChange={(e) => setSchemaText(e.target.value)}
          error={!schema.ok}
          helperText={syntax(schema)}
          slotProps={{ htmlInput: { spellCheck: false } }}
          sx={{ '& textarea': { fontFamily: 'monospace', fontSize: 13 } }}
        />
        <TextField
          label={t('formEditor.ui')}
          multiline
          minRows={16}
          maxRows={32}
          value={uiText}
          onChange={(e) => setUiText(e.target.value)}
          error={!ui.ok}
          helperText={syntax(ui) ?? t('formEditor.uiHint')}
          slotProps={{ htmlInput: { spellCheck: false } }}
          sx={{ '& textarea': { fontFamily: 'monospace', fontSize: 13 } }}
        />
      </Box>
      {owner && (
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mb: 2 }}>
          <TextField
            label={t('formEditor.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            sx={{ flexGrow: 1, minWidth: 240 }}
          />
          <Button variant="contained" disabled={!valid || !formId} onClick={() => void save()}>
            {t('formEditor.save')}
          </Button>
        </Box>
      )}
      {result && (
        <Alert severity={result.ok ? 'success' : 'error'} role="alert" sx={{ mb: 2 }}>
          {result.text}
          {result.paths && result.paths.length > 0 && (
            <Box component="ul" sx={{ m: 0, pl: 2 }} data-testid="schema-problems">
              {result.paths.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </Box>
          )}
        </Alert>
      )}
      <Typography variant="h2" sx={{ fontSize: '1.3rem', mb: 1 }}>
        {t('formEditor.preview')}
      </Typography>
      <Paper
        variant="outlined"
        component="section"
        aria-label={t('formEditor.preview')}
        sx={{ p: 2, mb: 3 }}
      >
        {schema.ok && ui.ok ? (
          <FormPreview
            schema={schema.value as RJSFSchema}
            ui={ui.value as UiSchema | null}
            version={`${schemaText}\u0000${uiText}`}
          />
        ) : (
          <Typography>{t('formEditor.previewWaits')}</Typography>
        )}
      </Paper>
      <Typography variant="h2" sx={{ fontSize: '1.3rem', mb: 1 }}>
        {t('formEditor.versions')}
      </Typography>
      {versions.error && <ErrorView error={versions.error} retry={versions.reload} />}
      <List dense aria-label={t('formEditor.versions')}>
        {(versions.data ?? []).map((v) => (
          <ListItem key={v.version} divider>
            v{v.version}
            {v.savedAt
              ? ` · ${new Date(v.savedAt).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'de-DE')}`
              : ''}
            {v.savedBy ? ` · ${v.savedBy}` : ''}
            {v.note ? ` · ${v.note}` : v.version === 0 ? ` · ${t('formEditor.fromFile')}` : ''}
          </ListItem>
        ))}
      </List>
    </Box>
  );
}
