/**
 * The rjsf validator of the portal: JSON Schema 2020-12 through `@cfworker/json-schema`, with the
 * German `errorMessage` texts the forms carry (the ajv-errors keyword the server uses).
 *
 * Why not `@rjsf/validator-ajv8`: ajv compiles every schema into a function with `new Function`,
 * which the portal's Content Security Policy forbids (`script-src 'self'`, no `unsafe-eval`).
 * `@cfworker/json-schema` interprets the schema instead. The adapter to rjsf's `ValidatorType`
 * is written here because no package offers it; the server stays the authority (ajv), and its
 * field errors are shown at the fields as well.
 */
import { Validator, type OutputUnit, type Schema } from '@cfworker/json-schema';
import { pruneEmpty } from './prune-empty.js';
import {
  ErrorSchemaBuilder,
  type CustomValidator,
  type ErrorSchema,
  type ErrorTransformer,
  type RJSFSchema,
  type RJSFValidationError,
  type UiSchema,
  type ValidationData,
  type ValidatorType,
} from '@rjsf/utils';

/** A problem at a field: JSON pointer segments and the message to show. */
export interface FieldProblem {
  path: string[];
  message: string;
}

const decode = (segment: string) =>
  decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~');

/** Segments of a `#/a/0/b` instance location. */
const segmentsOf = (location: string) =>
  location.replace(/^#/, '').split('/').filter(Boolean).map(decode);

/** The sub-schema that describes the value at `path` (through properties and items). */
function schemaAt(schema: RJSFSchema, path: string[]): RJSFSchema | undefined {
  let current: RJSFSchema | undefined = schema;
  for (const segment of path) {
    if (!current) return undefined;
    if (/^\d+$/.test(segment) && current.items && typeof current.items === 'object') {
      current = (Array.isArray(current.items) ? current.items[0] : current.items) as RJSFSchema;
    } else {
      const next: unknown = current.properties?.[segment];
      current = typeof next === 'object' ? (next as RJSFSchema) : undefined;
    }
  }
  return current;
}

type ErrorMessage = string | { required?: Record<string, string>; [keyword: string]: unknown };

/** The form's own message for a problem, if it has one. */
function formMessage(schema: RJSFSchema, path: string[], keyword: string): string | undefined {
  if (keyword === 'required') {
    const parent = schemaAt(schema, path.slice(0, -1));
    const message = parent?.errorMessage as ErrorMessage | undefined;
    const name = path[path.length - 1]!;
    if (typeof message === 'object' && message.required?.[name]) return message.required[name];
    const field = schemaAt(schema, path)?.errorMessage as ErrorMessage | undefined;
    return typeof field === 'string' ? field : undefined;
  }
  const message = schemaAt(schema, path)?.errorMessage as ErrorMessage | undefined;
  if (typeof message === 'string') return message;
  if (typeof message === 'object' && typeof message[keyword] === 'string') {
    return message[keyword] as string;
  }
  return undefined;
}

// Keywords that only report that something below them failed.
const wrappers = new Set([
  'properties',
  'items',
  'prefixItems',
  'allOf',
  'anyOf',
  'if',
  'then',
  'else',
  '$ref',
  'dependentSchemas',
  'unevaluatedProperties',
]);

/** The value at a JSON pointer's segments. */
function valueAt(data: unknown, path: string[]): unknown {
  return path.reduce<unknown>(
    (value, segment) =>
      value && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined,
    data,
  );
}

/** The schema node at a `#/a/b` keyword location. */
function nodeAt(schema: RJSFSchema, location: string): unknown {
  return segmentsOf(location).reduce<unknown>(
    (node, segment) =>
      node && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined,
    schema,
  );
}

/**
 * Every missing property of a failed `required` (the library stops at the first one it finds;
 * a person wants to see all missing fields at once).
 */
function missingProperties(schema: RJSFSchema, data: unknown, error: OutputUnit): string[] {
  const required = nodeAt(schema, error.keywordLocation);
  const value = valueAt(data, segmentsOf(error.instanceLocation));
  if (!Array.isArray(required) || !value || typeof value !== 'object') {
    const first = /required property "([^"]+)"/.exec(error.error)?.[1];
    return first ? [first] : [];
  }
  return (required as string[]).filter(
    (name) => (value as Record<string, unknown>)[name] === undefined,
  );
}

/** The message a condition (`then`) or object gives for a missing property, if any. */
function requiredMessage(schema: RJSFSchema, error: OutputUnit, name: string): string | undefined {
  const owner = nodeAt(schema, error.keywordLocation.replace(/\/required$/, '')) as
    { errorMessage?: ErrorMessage } | undefined;
  const message = owner?.errorMessage;
  return typeof message === 'object' ? message.required?.[name] : undefined;
}

/** Validates `data` against `schema`; one problem per field, in the form's words. */
export function validateData(schema: RJSFSchema, data: unknown): FieldProblem[] {
  const result = new Validator(schema as Schema, '2020-12', false).validate(data ?? {});
  if (result.valid) return [];
  const problems = result.errors
    .filter((e: OutputUnit) => !wrappers.has(e.keyword))
    .flatMap((e) => {
      const at = segmentsOf(e.instanceLocation);
      if (e.keyword === 'required') {
        return missingProperties(schema, data, e).map((name) => {
          const path = [...at, name];
          return {
            path,
            message:
              requiredMessage(schema, e, name) ??
              formMessage(schema, path, 'required') ??
              'Bitte ausfüllen.',
          };
        });
      }
      return [{ path: at, message: formMessage(schema, at, e.keyword) ?? e.error }];
    });
  // Keep the deepest problem of each branch and one message per field.
  const key = (p: FieldProblem) => p.path.join('/');
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = key(p);
    const hasDeeper = problems.some(
      (other) => key(other).startsWith(`${k}/`) || (k === '' && key(other) !== ''),
    );
    if (hasDeeper || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** rjsf's error schema for field problems. */
export function toErrorSchema<T>(problems: FieldProblem[]): ErrorSchema<T> {
  const builder = new ErrorSchemaBuilder<T>();
  for (const problem of problems) {
    builder.addErrors(problem.message, problem.path.length ? problem.path : undefined);
  }
  return builder.ErrorSchema;
}

const toValidationErrors = (problems: FieldProblem[]): RJSFValidationError[] =>
  problems.map((p) => ({
    name: 'schema',
    property: p.path.length ? `.${p.path.join('.')}` : '.',
    message: p.message,
    stack: p.path.length ? `${p.path.join('.')}: ${p.message}` : p.message,
  }));

/** The rjsf validator over `validateData`. */
export const portalValidator: ValidatorType = {
  validateFormData(
    formData: unknown,
    schema: RJSFSchema,
    // rjsf's custom validation hook: the portal's forms express every rule in the schema.
    _customValidate?: CustomValidator,
    transformErrors?: ErrorTransformer,
    uiSchema?: UiSchema,
  ): ValidationData<unknown> {
    // Empty optional sections count as not given (see prune-empty.ts).
    const problems = validateData(schema, pruneEmpty(formData) ?? {});
    const errors = toValidationErrors(problems);
    return {
      errors: transformErrors ? transformErrors(errors, uiSchema) : errors,
      errorSchema: toErrorSchema<unknown>(problems),
    };
  },
  isValid(schema: RJSFSchema, formData: unknown, rootSchema: RJSFSchema): boolean {
    const withDefinitions = { ...(rootSchema.$defs ? { $defs: rootSchema.$defs } : {}), ...schema };
    try {
      return new Validator(withDefinitions as Schema, '2020-12', true).validate(formData).valid;
    } catch {
      return false;
    }
  },
  rawValidation<Result = unknown>(schema: RJSFSchema, formData?: unknown) {
    const result = new Validator(schema as Schema, '2020-12', false).validate(formData);
    return { errors: result.errors as Result[] };
  },
};
