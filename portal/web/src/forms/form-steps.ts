/**
 * Splits a task's form into wizard steps: each required top-level object (a section such as
 * "Zuwendungsempfänger" or "Ansprechperson") and each required array of objects
 * (Ladesäulengruppen) is a step of its own; the remaining fields, optional sections among them
 * (the "Betreiber" asked only when it differs), are gathered into steps between them, in the
 * order of the uiSchema. A condition (`allOf` of `if`/`then`) goes with the step holding its
 * fields.
 */
import type { RJSFSchema, UiSchema } from '@rjsf/utils';

/** One step: its title, the top-level fields it holds and the schema it renders. */
export interface FormStep {
  title: string | undefined;
  fields: string[];
  schema: RJSFSchema;
  uiSchema: UiSchema;
}

const isSection = (schema: unknown) => {
  const s = schema as RJSFSchema | undefined;
  const items = s?.items as RJSFSchema | undefined;
  return s?.type === 'object' || (s?.type === 'array' && items?.type === 'object');
};

/** Property names a condition refers to (in `if`, `then`, `else`). */
function fieldsOfCondition(condition: RJSFSchema): string[] {
  const names = new Set<string>();
  for (const part of [condition.if, condition.then, condition.else]) {
    if (!part || typeof part !== 'object') continue;
    Object.keys(part.properties ?? {}).forEach((n) => names.add(n));
    (part.required ?? []).forEach((n) => names.add(n));
  }
  return [...names];
}

/** The top-level field names in display order (uiSchema `ui:order`, then the rest). */
export function orderedFields(schema: RJSFSchema, uiSchema: UiSchema): string[] {
  const all = Object.keys(schema.properties ?? {});
  const order = (uiSchema['ui:order'] as string[] | undefined) ?? [];
  const listed = order.filter((name) => all.includes(name));
  return [...listed, ...all.filter((name) => !listed.includes(name))];
}

/** The wizard's steps for a form (without the review step). */
export function formSteps(schema: RJSFSchema, uiSchema: UiSchema): FormStep[] {
  const groups: string[][] = [];
  let loose: string[] = [];
  for (const name of orderedFields(schema, uiSchema)) {
    if (isSection(schema.properties?.[name]) && schema.required?.includes(name)) {
      if (loose.length) groups.push(loose);
      loose = [];
      groups.push([name]);
    } else {
      loose.push(name);
    }
  }
  if (loose.length) groups.push(loose);
  const conditions = (schema.allOf ?? []) as RJSFSchema[];
  return groups.map((fields) => {
    const properties = Object.fromEntries(fields.map((name) => [name, schema.properties![name]!]));
    const stepConditions = conditions.filter((c) =>
      fieldsOfCondition(c).every((name) => fields.includes(name)),
    );
    const single = fields.length === 1 ? (schema.properties![fields[0]!] as RJSFSchema) : undefined;
    const stepUi: UiSchema = Object.fromEntries(
      Object.entries(uiSchema).filter(([key]) => fields.includes(key)),
    );
    stepUi['ui:order'] = [...fields, '*'];
    return {
      title: single?.title,
      fields,
      schema: {
        type: 'object',
        properties,
        required: (schema.required ?? []).filter((name) => fields.includes(name)),
        ...(stepConditions.length ? { allOf: stepConditions } : {}),
        ...(schema.errorMessage ? { errorMessage: schema.errorMessage } : {}),
      } as RJSFSchema,
      uiSchema: stepUi,
    };
  });
}

/** The index of the step that holds the field at a JSON pointer (`/a/b`), or -1. */
export function stepOfPointer(steps: FormStep[], pointer: string): number {
  const top = pointer.split('/').filter(Boolean)[0];
  return steps.findIndex((step) => top !== undefined && step.fields.includes(top));
}
