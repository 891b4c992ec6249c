/**
 * The task forms as data: loads `forms/<form-id>.schema.json` and validates submitted data the
 * way the portal's server must (ajv, JSON Schema 2020-12, formats, German messages from the
 * schemas' `errorMessage` keywords). One validator serves every form; schemas compile once.
 *
 * @example
 *   const forms = createFormValidator();
 *   const result = forms.validate('standort', body);
 *   if (!result.valid) return result.errors; // [{ path: '/anschrift/plz', message: 'PLZ: ...' }]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import ajvErrors from 'ajv-errors';
import ajvFormats from 'ajv-formats';
import localizeGerman from 'ajv-i18n/localize/de/index.js';

/** The folder that holds the form files. */
export const FORMS_DIR = fileURLToPath(new URL('.', import.meta.url));

/** A form id is the file name stem: lower-case words joined by `-`. */
const FORM_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** One problem of submitted data, at the JSON pointer of the field it concerns. */
export interface FieldError {
  /** JSON pointer into the submitted data, e.g. `/ladesaeulengruppen/0/kwProLadepunkt`. */
  readonly path: string;
  /** The German message from the schema. */
  readonly message: string;
  /** The JSON Schema keywords that failed (`pattern`, `required`, ...). */
  readonly keywords: readonly string[];
}

/** The outcome of validating one submission. */
export type FormValidation = { valid: true } | { valid: false; errors: FieldError[] };

/** A form id was asked for that has no schema file in `forms/`. */
export class UnknownFormError extends Error {
  readonly code = 'FORM_UNKNOWN';
  constructor(readonly formId: string) {
    super(`no form schema "${formId}.schema.json" in ${FORMS_DIR}`);
    this.name = 'UnknownFormError';
  }
}

/** A form schema file exists but ajv cannot compile it (a broken schema, not bad user data). */
export class FormSchemaError extends Error {
  readonly code = 'FORM_SCHEMA_INVALID';
  constructor(
    readonly formId: string,
    cause: unknown,
  ) {
    super(`form schema "${formId}" does not compile: ${(cause as Error).message}`, { cause });
    this.name = 'FormSchemaError';
  }
}

/** The ids of every form with a schema file, sorted. */
export function formIds(dir: string = FORMS_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.schema.json'))
    .map((name) => name.slice(0, -'.schema.json'.length))
    .sort();
}

/** Reads one file of a form (`schema`, `ui` or `example`) as JSON. */
export function readFormFile(
  formId: string,
  kind: 'schema' | 'ui' | 'example',
  dir: string = FORMS_DIR,
): Record<string, unknown> {
  if (!FORM_ID.test(formId)) throw new UnknownFormError(formId);
  try {
    return JSON.parse(readFileSync(join(dir, `${formId}.${kind}.json`), 'utf8')) as Record<
      string,
      unknown
    >;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UnknownFormError(formId);
    throw error;
  }
}

/** The ajv instance the forms are written for: 2020-12, all errors, formats, `errorMessage`. */
export function createFormAjv(): Ajv2020 {
  // allErrors is required by ajv-errors, and lets a form show every problem at once.
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  // ajv-formats and ajv-errors are CommonJS; under NodeNext their default import is the module.
  (ajvFormats as unknown as { default: (a: Ajv2020) => void }).default(ajv);
  (ajvErrors as unknown as { default: (a: Ajv2020) => void }).default(ajv);
  return ajv;
}

function toFieldError(error: ErrorObject): FieldError {
  if (error.keyword === 'errorMessage') {
    const originals = (error.params as { errors?: ErrorObject[] }).errors ?? [];
    // A message for a missing property belongs to that property's field, not to its parent.
    const missing = originals.map((original) => {
      const params = original.params as { missingProperty?: string; additionalProperty?: string };
      return params.missingProperty ?? params.additionalProperty;
    });
    const field = missing.length > 0 && missing.every((name) => name && name === missing[0]);
    return {
      path: field ? `${error.instancePath}/${missing[0]}` : error.instancePath,
      message: error.message ?? '',
      keywords: [...new Set(originals.map((original) => original.keyword))],
    };
  }
  // Errors without a German message in the schema (should not happen; a test checks it).
  const missing = (error.params as { missingProperty?: string }).missingProperty;
  return {
    path: missing ? `${error.instancePath}/${missing}` : error.instancePath,
    message: error.message ?? '',
    keywords: [error.keyword],
  };
}

/**
 * Runs a compiled form schema (from {@link createFormAjv}) on data, with the field errors every
 * form gets; also for schemas that do not come from files (form versions saved in the portal).
 */
export function validateWith(validate: ValidateFunction, data: unknown): FormValidation {
  if (validate(data)) return { valid: true };
  // `if` only reports that its `then` failed; the `then` errors themselves say what and where.
  const errors = (validate.errors ?? []).filter((error) => error.keyword !== 'if');
  // Where the form gives no message (`errorMessage`), ajv's English one ("must be object") is
  // replaced by ajv-i18n's German. ajv-i18n is CommonJS: under NodeNext the default import is
  // the function itself.
  (localizeGerman as unknown as (errors: ErrorObject[]) => void)(
    errors.filter((error) => error.keyword !== 'errorMessage'),
  );
  return { valid: false, errors: errors.map(toFieldError) };
}

/** Validates submissions against the form schemas. */
export interface FormValidator {
  /** @throws UnknownFormError or FormSchemaError; bad data is a result, never a throw. */
  validate(formId: string, data: unknown): FormValidation;
  /** Compiles a form's schema (cached), e.g. to check every form at start-up. */
  compile(formId: string): ValidateFunction;
}

/** Creates a validator over the forms in `dir` (default: this folder). */
export function createFormValidator(dir: string = FORMS_DIR): FormValidator {
  const ajv = createFormAjv();
  const compiled = new Map<string, ValidateFunction>();
  const compile = (formId: string): ValidateFunction => {
    const cached = compiled.get(formId);
    if (cached) return cached;
    const schema = readFormFile(formId, 'schema', dir);
    let validate: ValidateFunction;
    try {
      validate = ajv.compile(schema);
    } catch (error) {
      throw new FormSchemaError(formId, error);
    }
    compiled.set(formId, validate);
    return validate;
  };
  return {
    compile,
    validate(formId, data) {
      return validateWith(compile(formId), data);
    },
  };
}
