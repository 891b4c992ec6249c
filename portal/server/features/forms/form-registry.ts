/**
 * The form registry: where the portal gets a task form. A form's versions saved by process
 * owners live in the database (`formularversion`); the file in `forms/` is version 0. The newest
 * version is what new tasks render and what completion validates against, so a changed form
 * reaches users without a release. A version is accepted only if it compiles as JSON Schema
 * 2020-12 with the same ajv setup that validates submissions.
 *
 * @example
 *   const forms = createFormRegistry(db);
 *   const { schema, ui, version } = await forms.current('stammdaten');
 *   const result = await forms.validate('stammdaten', data);
 */
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { UniqueConstraintError } from 'sequelize';
import type { Database } from '../../../../domain/index.js';
import {
  createFormAjv,
  createFormValidator,
  formIds,
  readFormFile,
  UnknownFormError,
  validateWith,
  type FormValidation,
} from '../../../../forms/form-schemas.js';
import { ConflictError, NotFoundError, ProblemsError } from '../../http/portal-errors.js';

/** One version of a form. */
export interface FormVersion {
  formId: string;
  /** 0 for the file in `forms/`, then 1, 2, ... */
  version: number;
  schema: Record<string, unknown>;
  ui: Record<string, unknown> | null;
  note: string | null;
  savedBy: string | null;
  savedAt: string | null;
}

/** A form in the list: id and newest version. */
export interface FormSummary {
  formId: string;
  version: number;
  title: string | null;
  savedAt: string | null;
}

/** What a process owner submits as a new version. */
export interface NewFormVersion {
  schema: Record<string, unknown>;
  ui: Record<string, unknown> | null;
  note: string | null;
}

/** The registry. */
export interface FormRegistry {
  list(): Promise<FormSummary[]>;
  /** The newest version. @throws NotFoundError */
  current(formId: string): Promise<FormVersion>;
  /** Every version, newest first (without schemas). */
  versions(formId: string): Promise<Omit<FormVersion, 'schema' | 'ui'>[]>;
  /** Validates data against the newest version (bad data is a result, never a throw). */
  validate(formId: string, data: unknown): Promise<FormValidation>;
  /** Stores a new version after it compiled. @throws ProblemsError FORM_SCHEMA_INVALID */
  save(subject: string, formId: string, input: NewFormVersion): Promise<FormVersion>;
}

const FORM_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

function fileVersion(formId: string): FormVersion | undefined {
  let schema: Record<string, unknown>;
  try {
    schema = readFormFile(formId, 'schema');
  } catch (error) {
    if (error instanceof UnknownFormError) return undefined;
    throw error;
  }
  let ui: Record<string, unknown> | null = null;
  try {
    ui = readFormFile(formId, 'ui');
  } catch {
    ui = null; // A form without a UI schema renders with rjsf's defaults.
  }
  return { formId, version: 0, schema, ui, note: null, savedBy: null, savedAt: null };
}

/** Checks that `schema` is JSON Schema 2020-12 that ajv compiles; problems by JSON pointer. */
export function schemaProblems(
  schema: Record<string, unknown>,
): { path: string; message: string }[] {
  const ajv = createFormAjv();
  if (!ajv.validateSchema(schema)) {
    return (ajv.errors ?? []).map((error) => ({
      path: `/body/schema${error.instancePath}`,
      message: error.message ?? error.keyword,
    }));
  }
  try {
    ajv.compile(schema);
    return [];
  } catch (error) {
    // ajv's strict mode (unknown keywords, bad formats, ...) throws with a message only.
    return [{ path: '/body/schema', message: (error as Error).message }];
  }
}

/** Creates the registry over the database and the files in `forms/`. */
export function createFormRegistry(db: Database): FormRegistry {
  const m = db.models;
  const files = createFormValidator();
  const ajv = createFormAjv();
  /** Compiled validators of saved versions, by `formId@version` (a version never changes). */
  const compiled = new Map<string, ValidateFunction>();

  async function newestSaved(formId: string) {
    return m.Formularversion.findOne({ where: { formId }, order: [['version', 'DESC']] });
  }

  const fromRow = (row: {
    formId: string;
    version: number;
    schema: Record<string, unknown>;
    uiSchema: Record<string, unknown> | null;
    notiz: string | null;
    subjekt: string;
    createdAt: Date;
  }): FormVersion => ({
    formId: row.formId,
    version: row.version,
    schema: row.schema,
    ui: row.uiSchema ?? null,
    note: row.notiz ?? null,
    savedBy: row.subjekt,
    savedAt: row.createdAt.toISOString(),
  });

  return {
    async list() {
      const rows = await m.Formularversion.findAll({
        attributes: ['formId', 'version', 'schema', 'createdAt'],
        order: [['version', 'DESC']],
      });
      const newest = new Map<string, FormSummary>();
      for (const row of rows)
        if (!newest.has(row.formId))
          newest.set(row.formId, {
            formId: row.formId,
            version: row.version,
            title: typeof row.schema.title === 'string' ? row.schema.title : null,
            savedAt: row.createdAt.toISOString(),
          });
      for (const formId of formIds())
        if (!newest.has(formId)) {
          const schema = readFormFile(formId, 'schema');
          newest.set(formId, {
            formId,
            version: 0,
            title: typeof schema.title === 'string' ? schema.title : null,
            savedAt: null,
          });
        }
      return [...newest.values()].sort((a, b) => a.formId.localeCompare(b.formId));
    },

    async current(formId) {
      const saved = FORM_ID.test(formId) ? await newestSaved(formId) : null;
      const found = saved ? fromRow(saved) : fileVersion(formId);
      if (!found) throw new NotFoundError(`Formular ${formId}`);
      return found;
    },

    async versions(formId) {
      const rows = await m.Formularversion.findAll({
        where: { formId },
        attributes: ['formId', 'version', 'notiz', 'subjekt', 'createdAt'],
        order: [['version', 'DESC']],
      });
      const file = fileVersion(formId);
      if (rows.length === 0 && !file) throw new NotFoundError(`Formular ${formId}`);
      return [
        ...rows.map((row) => ({
          formId,
          version: row.version,
          note: row.notiz ?? null,
          savedBy: row.subjekt,
          savedAt: row.createdAt.toISOString(),
        })),
        ...(file ? [{ formId, version: 0, note: null, savedBy: null, savedAt: null }] : []),
      ];
    },

    async validate(formId, data) {
      const saved = await newestSaved(formId);
      if (!saved) return files.validate(formId, data);
      const cacheKey = `${formId}@${saved.version}`;
      let validate = compiled.get(cacheKey);
      if (!validate) {
        validate = ajv.compile(saved.schema);
        compiled.set(cacheKey, validate);
      }
      return validateWith(validate, data);
    },

    async save(subject, formId, input) {
      if (!FORM_ID.test(formId)) throw new NotFoundError(`Formular ${formId}`);
      const problems = schemaProblems(input.schema);
      if (problems.length > 0)
        throw new ProblemsError(
          'FORM_SCHEMA_INVALID',
          'Das Formular ist kein gültiges JSON Schema 2020-12',
          problems,
        );
      const newest = await newestSaved(formId);
      try {
        const row = await m.Formularversion.create({
          formId,
          version: (newest?.version ?? 0) + 1,
          schema: input.schema,
          uiSchema: input.ui,
          notiz: input.note,
          subjekt: subject,
        });
        return fromRow(row);
      } catch (error) {
        if (error instanceof UniqueConstraintError)
          throw new ConflictError(
            'FORM_VERSION_CONFLICT',
            'Gleichzeitig wurde eine andere Version gespeichert; bitte neu laden',
          );
        throw error;
      }
    },
  };
}
