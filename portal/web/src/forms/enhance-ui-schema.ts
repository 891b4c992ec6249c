/**
 * Chooses the portal's widgets where the form does not name one: PLZ fields, German dates for
 * `format: date`, German decimals for numbers (with `kWh`, `kW`, `kWp` from the field name), and
 * the card layout with "Gruppe duplizieren" for arrays of objects.
 */
import type { RJSFSchema, UiSchema } from '@rjsf/utils';

const unitOf = (name: string): string | undefined => {
  if (/kwh$/i.test(name)) return 'kWh';
  if (/kwp$/i.test(name)) return 'kWp';
  if (/kw$/i.test(name)) return 'kW';
  return undefined;
};

function enhance(schema: RJSFSchema, ui: UiSchema, name: string): UiSchema {
  const out: UiSchema = { ...ui };
  const widget = out['ui:widget'] as string | undefined;
  const field = out['ui:field'] as string | undefined;
  if (schema.type === 'object' && schema.properties && !field) {
    for (const [child, childSchema] of Object.entries(schema.properties)) {
      if (typeof childSchema !== 'object') continue;
      out[child] = enhance(childSchema as RJSFSchema, (ui[child] as UiSchema) ?? {}, child);
    }
  } else if (
    schema.type === 'array' &&
    typeof schema.items === 'object' &&
    !Array.isArray(schema.items)
  ) {
    const items = schema.items as RJSFSchema;
    out.items = enhance(items, (ui.items as UiSchema) ?? {}, name);
    if (items.type === 'object') {
      out['ui:options'] = { copyable: true, ...(out['ui:options'] as object) };
    }
  } else if (!widget && !field) {
    if (name === 'plz' && schema.type === 'string') out['ui:widget'] = 'plz';
    else if (schema.type === 'string' && schema.format === 'date') out['ui:widget'] = 'germanDate';
    else if (schema.type === 'number' || schema.type === 'integer') {
      out['ui:widget'] = 'decimal';
      const unit = unitOf(name);
      if (unit) out['ui:options'] = { unit, ...(out['ui:options'] as object) };
    }
  } else if (widget === 'date') {
    out['ui:widget'] = 'germanDate';
  }
  return out;
}

/** The uiSchema with the portal's widgets filled in. */
export function enhanceUiSchema(schema: RJSFSchema, uiSchema: UiSchema | null): UiSchema {
  return enhance(schema, uiSchema ?? {}, '');
}
