/**
 * `/verwaltung/programme` for admins (lazy chunk): the funding programmes with their rules;
 * add one or change one (the code stays). The form is rendered by rjsf like the task forms;
 * the server's field errors are shown at the fields.
 */
import Alert from '@mui/material/Alert';
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
import Form from '@rjsf/mui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error.js';
import { apiFetch } from '../../api/http-client.js';
import { useApi } from '../../api/use-api.js';
import { ErrorView, Loading } from '../../app/status-views.js';
import { portalValidator, toErrorSchema, type FieldProblem } from '../../forms/schema-validator.js';
import {
  portalTemplates,
  portalWidgets,
  translateString,
} from '../task-wizard/task-form-registry.js';
import {
  programmeSchema,
  programmeUiSchema,
  toBody,
  toFormData,
  type Programme,
} from './programme-form-schema.js';

/** Server field errors (`/body/<field>`) as rjsf problems. */
const problemsOf = (error: ApiError): FieldProblem[] =>
  error.fieldErrors.map((f) => ({
    path: f.path
      .replace(/^\/body\/?/, '')
      .split('/')
      .filter(Boolean),
    message: f.message,
  }));

function ProgrammeForm(props: { editing: Programme | null; onDone: (text: string) => void }) {
  const { t, i18n } = useTranslation();
  const [data, setData] = useState<Record<string, unknown>>(
    props.editing ? toFormData(props.editing) : {},
  );
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [error, setError] = useState<string>();
  const save = async (formData: Record<string, unknown>) => {
    try {
      if (props.editing)
        await apiFetch(`/api/programmes/${props.editing.code}`, {
          method: 'PATCH',
          body: toBody(formData),
        });
      else await apiFetch('/api/programmes', { method: 'POST', body: toBody(formData) });
      props.onDone(t('programmes.saved', { name: String(formData.name ?? '') }));
    } catch (e) {
      const failure = e as ApiError;
      setError(failure.message);
      if (failure instanceof ApiError) setProblems(problemsOf(failure));
    }
  };
  return (
    <Paper variant="outlined" component="section" sx={{ p: 2, mb: 3 }}>
      <Typography variant="h2" sx={{ fontSize: '1.3rem', mb: 2 }}>
        {props.editing ? t('programmes.change', { name: props.editing.name }) : t('programmes.add')}
      </Typography>
      {error && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          {error}
        </Alert>
      )}
      <Form
        schema={programmeSchema(t, !props.editing)}
        uiSchema={{
          ...programmeUiSchema,
          'ui:submitButtonOptions': { submitText: t('programmes.save') },
        }}
        formData={data}
        validator={portalValidator}
        widgets={portalWidgets}
        templates={portalTemplates}
        translateString={translateString(i18n.language)}
        extraErrors={toErrorSchema(problems)}
        showErrorList={false}
        focusOnFirstError
        noHtml5Validate
        onChange={(event) => setData(event.formData as Record<string, unknown>)}
        onSubmit={(event) => void save(event.formData as Record<string, unknown>)}
      />
    </Paper>
  );
}

/** The programmes page. */
export default function ProgrammesPage() {
  const { t } = useTranslation();
  const list = useApi<Programme[]>('/api/programmes');
  const [editing, setEditing] = useState<Programme | null | undefined>(undefined);
  const [message, setMessage] = useState<string>();
  useEffect(() => {
    document.title = `${t('programmes.heading')} – ${t('app.title')}`;
  }, [t]);
  const done = (text: string) => {
    setEditing(undefined);
    setMessage(text);
    list.reload();
  };
  return (
    <Box>
      <Typography variant="h1" sx={{ fontSize: { xs: '1.6rem', sm: '2rem' }, mb: 2 }}>
        {t('programmes.heading')}
      </Typography>
      {message && (
        <Alert severity="success" role="status" sx={{ mb: 2 }}>
          {message}
        </Alert>
      )}
      {editing === undefined ? (
        <Button variant="contained" sx={{ mb: 2 }} onClick={() => setEditing(null)}>
          {t('programmes.add')}
        </Button>
      ) : (
        <ProgrammeForm key={editing?.code ?? 'new'} editing={editing} onDone={done} />
      )}
      {list.loading && !list.data && <Loading />}
      {list.error && <ErrorView error={list.error} retry={list.reload} />}
      {list.data && (
        <TableContainer tabIndex={0}>
          <Table size="small" aria-label={t('programmes.heading')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('programmes.fields.code')}</TableCell>
                <TableCell>{t('programmes.fields.name')}</TableCell>
                <TableCell>{t('programmes.fields.kfwProgrammnummer')}</TableCell>
                <TableCell>{t('programmes.fields.berichtsrhythmus')}</TableCell>
                <TableCell>{t('programmes.fields.aktiv')}</TableCell>
                <TableCell>{t('versions.actions')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {list.data.map((p) => (
                <TableRow key={p.code}>
                  <TableCell>{p.code}</TableCell>
                  <TableCell>{p.name}</TableCell>
                  <TableCell>{p.kfwProgrammnummer ?? '–'}</TableCell>
                  <TableCell>{p.berichtsrhythmus}</TableCell>
                  <TableCell>{p.aktiv ? t('monitor.yes') : t('monitor.no')}</TableCell>
                  <TableCell>
                    <Button
                      size="small"
                      onClick={() => setEditing(p)}
                      aria-label={t('programmes.change', { name: p.name })}
                    >
                      {t('programmes.edit')}
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
