/**
 * `/aufgaben/:taskKey`: a task's form as a wizard. Each section of the form is a step (MUI
 * Stepper), then a review step, then the submission. Drafts are saved as the person types; the
 * server's field errors are shown at the fields, and the wizard returns to the first step with
 * one. Focus moves to the step heading on every step change, so keyboard and screen reader users
 * keep their place.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import Form from '@rjsf/mui';
import type { ErrorSchema } from '@rjsf/utils';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/api-error.js';
import { apiFetch } from '../../api/http-client.js';
import type { TaskWithForm } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { startPathOf } from '../../app/home-page.js';
import { ErrorView, Loading } from '../../app/status-views.js';
import { hasRole, useMe } from '../../app/use-me.js';
import { enhanceUiSchema } from '../../forms/enhance-ui-schema.js';
import { formSteps, stepOfPointer } from '../../forms/form-steps.js';
import { pruneFormData } from '../../forms/prune-empty.js';
import { portalValidator, toErrorSchema, type FieldProblem } from '../../forms/schema-validator.js';
import { ReviewSummary } from './review-summary.js';
import {
  portalFields,
  portalTemplates,
  portalWidgets,
  translateString,
} from './task-form-registry.js';
import { useAutosave } from './use-autosave.js';

/** Server field errors (`/body/data/a/b`) as problems at form paths. */
function serverProblems(error: ApiError): FieldProblem[] {
  return error.fieldErrors
    .filter((e) => e.path.startsWith('/body/data'))
    .map((e) => ({
      path: e.path.slice('/body/data'.length).split('/').filter(Boolean),
      message: e.message,
    }));
}

/** The wizard page (lazy chunk). */
export default function TaskWizardPage() {
  const { taskKey = '' } = useParams();
  const { t, i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const narrow = useMediaQuery('(max-width:600px)');
  const loaded = useApi<TaskWithForm>(`/api/tasks/${encodeURIComponent(taskKey)}`);
  const [data, setData] = useState<Record<string, unknown>>();
  const [active, setActive] = useState(0);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [submitError, setSubmitError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const [claimed, setClaimed] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  useEffect(() => {
    if (loaded.data) setData(loaded.data.data ?? {});
  }, [loaded.data]);
  const form = loaded.data?.form;
  const steps = useMemo(
    () => (form ? formSteps(form.schema, enhanceUiSchema(form.schema, form.ui)) : []),
    [form],
  );
  const autosave = useAutosave(taskKey, data, !!form && !submitting);
  const title = loaded.data?.task.name ?? '';
  useEffect(() => {
    if (title) document.title = `${title} – ${t('app.title')}`;
  }, [title, t]);
  useEffect(() => {
    if (moved.current) headingRef.current?.focus();
  }, [active]);

  if (loaded.error) return <ErrorView error={loaded.error} retry={loaded.reload} />;
  if (!loaded.data || !data) return <Loading />;
  if (!form) return <Alert severity="info">{t('wizard.noForm')}</Alert>;

  const task = loaded.data.task;
  const reviewIndex = steps.length;
  const go = (index: number) => {
    moved.current = true;
    setActive(index);
    window.scrollTo({ top: 0 });
  };
  const errorSchema = toErrorSchema<unknown>(problems) as ErrorSchema;
  const needsClaim =
    !hasRole(me, 'applicant') && !task.assignee && !claimed && task.state === 'CREATED';

  const submit = async () => {
    setSubmitting(true);
    setSubmitError(undefined);
    try {
      await apiFetch(`/api/tasks/${task.key}/completion`, { method: 'POST', body: { data } });
      navigate(startPathOf(me), { state: { submitted: task.name } });
    } catch (failure) {
      if (failure instanceof ApiError) {
        const fieldProblems = serverProblems(failure);
        if (fieldProblems.length) {
          setProblems(fieldProblems);
          setSubmitError(t('wizard.serverErrors', { count: fieldProblems.length }));
          const first = fieldProblems
            .map((p) => stepOfPointer(steps, `/${p.path.join('/')}`))
            .filter((i) => i >= 0)
            .sort((a, b) => a - b)[0];
          if (first !== undefined) go(first);
        } else setSubmitError(failure.message);
      } else setSubmitError((failure as Error).message);
    } finally {
      setSubmitting(false);
    }
  };
  const step = steps[active];
  const stepTitle =
    active === reviewIndex ? t('wizard.review') : (step?.title ?? t('wizard.otherFields'));

  return (
    <Paper sx={{ p: { xs: 1.5, sm: 3 }, maxWidth: 960, mx: 'auto' }}>
      <Typography variant="h1" sx={{ fontSize: { xs: '1.5rem', sm: '2rem' }, mb: 1 }}>
        {title}
      </Typography>
      {needsClaim && (
        <Alert
          severity="info"
          sx={{ mb: 2 }}
          action={
            <Button
              color="inherit"
              onClick={() =>
                void apiFetch(`/api/tasks/${task.key}/claim`, { method: 'POST' }).then(() =>
                  setClaimed(true),
                )
              }
            >
              {t('tasks.claim')}
            </Button>
          }
        >
          {t('tasks.assignee')}: {t('tasks.unassigned')}
        </Alert>
      )}
      <Stepper
        activeStep={active}
        orientation={narrow ? 'vertical' : 'horizontal'}
        alternativeLabel={!narrow}
        sx={{ mb: 3 }}
        aria-label={t('wizard.step', { current: active + 1, total: steps.length + 1 })}
      >
        {steps.map((s, index) => (
          <Step key={s.fields.join(',')} completed={index < active}>
            <StepLabel>{s.title ?? t('wizard.otherFields')}</StepLabel>
          </Step>
        ))}
        <Step>
          <StepLabel>{t('wizard.review')}</StepLabel>
        </Step>
      </Stepper>
      <Typography
        variant="h2"
        ref={headingRef}
        tabIndex={-1}
        sx={{ fontSize: '1.3rem', fontWeight: 600, mb: 1, outline: 'none' }}
      >
        {stepTitle}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t('wizard.step', { current: active + 1, total: steps.length + 1 })}
      </Typography>
      {submitError && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          {submitError}
        </Alert>
      )}
      {step && active < reviewIndex && (
        <Form
          key={active}
          schema={step.schema}
          uiSchema={{ ...step.uiSchema, 'ui:submitButtonOptions': { norender: true } }}
          formData={data}
          validator={portalValidator}
          widgets={portalWidgets}
          fields={portalFields}
          templates={portalTemplates}
          translateString={translateString(i18n.language)}
          extraErrors={errorSchema}
          showErrorList={false}
          // No answer is chosen for the person: rjsf would otherwise preselect the first choice
          // of every `oneOf`, tick every `const: true` box (the privacy consent among them) and
          // add empty optional sections whose required fields then block the step.
          experimental_defaultFormStateBehavior={{
            constAsDefaults: 'never',
            emptyObjectFields: 'skipEmptyDefaults',
          }}
          focusOnFirstError
          noHtml5Validate
          onChange={(event) => {
            setData((current) =>
              pruneFormData({ ...current, ...(event.formData as Record<string, unknown>) }),
            );
            setProblems((current) => current.filter((p) => !step.fields.includes(p.path[0] ?? '')));
          }}
          onSubmit={() => go(active + 1)}
        >
          <Box sx={{ display: 'flex', gap: 2, mt: 3, flexWrap: 'wrap' }}>
            {active > 0 && (
              <Button variant="outlined" onClick={() => go(active - 1)}>
                {t('wizard.previous')}
              </Button>
            )}
            <Button type="submit" variant="contained">
              {t('wizard.next')}
            </Button>
          </Box>
        </Form>
      )}
      {active === reviewIndex && (
        <>
          <ReviewSummary steps={steps} data={data} onEdit={go} />
          <Box sx={{ display: 'flex', gap: 2, mt: 3, flexWrap: 'wrap' }}>
            <Button variant="outlined" onClick={() => go(active - 1)}>
              {t('wizard.previous')}
            </Button>
            <Button
              variant="contained"
              onClick={() => void submit()}
              disabled={submitting || needsClaim}
            >
              {t('wizard.submit')}
            </Button>
          </Box>
        </>
      )}
      <Typography role="status" color="text.secondary" sx={{ mt: 2, minHeight: '1.5em' }}>
        {autosave === 'saving'
          ? t('wizard.saving')
          : autosave === 'saved'
            ? t('wizard.saved')
            : autosave === 'failed'
              ? t('wizard.saveFailed')
              : ''}
      </Typography>
    </Paper>
  );
}
