/**
 * The live preview: the edited schema rendered by rjsf with the portal's widgets and validator,
 * as applicants will see it. A schema rjsf cannot render is caught by the boundary and named,
 * so the editor stays usable while the text is half written.
 */
import Alert from '@mui/material/Alert';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import Form from '@rjsf/mui';
import { Component, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { portalValidator } from '../../forms/schema-validator.js';
import {
  portalFields,
  portalTemplates,
  portalWidgets,
  translateString,
} from '../task-wizard/task-form-registry.js';

class PreviewBoundary extends Component<
  { children: ReactNode; fallback: (message: string) => ReactNode },
  { message: string | null }
> {
  override state = { message: null as string | null };
  static getDerivedStateFromError(error: Error) {
    return { message: error.message };
  }
  override render() {
    return this.state.message === null
      ? this.props.children
      : this.props.fallback(this.state.message);
  }
}

/** Renders `schema` with `ui`; `version` changes remount the boundary after a fix. */
export function FormPreview(props: { schema: RJSFSchema; ui: UiSchema | null; version: string }) {
  const { t, i18n } = useTranslation();
  const [data, setData] = useState<unknown>({});
  return (
    <PreviewBoundary
      key={props.version}
      fallback={(message) => (
        <Alert severity="error">{t('formEditor.previewFailed', { message })}</Alert>
      )}
    >
      <Form
        schema={props.schema}
        uiSchema={{
          ...(props.ui ?? {}),
          'ui:submitButtonOptions': { submitText: t('formEditor.checkPreview') },
        }}
        formData={data}
        validator={portalValidator}
        widgets={portalWidgets}
        fields={portalFields}
        templates={portalTemplates}
        translateString={translateString(i18n.language)}
        noHtml5Validate
        onChange={(event) => setData(event.formData)}
      />
    </PreviewBoundary>
  );
}
