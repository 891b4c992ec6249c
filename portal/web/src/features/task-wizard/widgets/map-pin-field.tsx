/**
 * `mapPin` (standort/position): latitude and longitude as German decimals. A map needs tiles
 * from a map server, which the strict CSP does not allow yet; the two fields are what the map
 * would fill in.
 */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { FieldProps, WidgetProps } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import { DecimalWidget } from './decimal-widget.js';

/** rjsf field `mapPin`. */
export function MapPinField(props: FieldProps) {
  const { t } = useTranslation();
  const value = (props.formData ?? {}) as Record<string, number | undefined>;
  const id = props.fieldPathId.$id;
  const errors = props.errorSchema as
    Record<string, { __errors?: string[] } | undefined> | undefined;
  const coordinate = (name: 'breitengrad' | 'laengengrad', label: string) => {
    const schema = (props.schema.properties?.[name] ?? { type: 'number' }) as WidgetProps['schema'];
    const widget: WidgetProps = {
      id: `${id}_${name}`,
      name,
      label,
      schema,
      value: value[name],
      required: props.schema.required?.includes(name) ?? false,
      disabled: props.disabled ?? false,
      readonly: props.readonly ?? false,
      autofocus: false,
      rawErrors: errors?.[name]?.__errors ?? [],
      options: {},
      registry: props.registry,
      onChange: (next: unknown) =>
        props.onChange({ ...value, [name]: next }, props.fieldPathId.path),
      onBlur: () => undefined,
      onFocus: () => undefined,
    } as unknown as WidgetProps;
    return <DecimalWidget {...widget} />;
  };
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, display: 'grid', gap: 2 }}>
      <Typography component="legend" sx={{ fontWeight: 600, mb: 1 }}>
        {props.schema.title}
      </Typography>
      {coordinate('breitengrad', t('widgets.latitude'))}
      {coordinate('laengengrad', t('widgets.longitude'))}
    </Box>
  );
}
