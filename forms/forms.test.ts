import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORMS, FORM_IDS } from '../domain/contract.js';
import {
  FORMS_DIR,
  UnknownFormError,
  createFormValidator,
  formIds,
  readFormFile,
} from './form-schemas.js';
import { BROKEN_VARIANTS } from './testing/broken-variants.js';
import { fieldPaths, fieldSchemas, uiPaths } from './testing/field-paths.js';

const validator = createFormValidator();
const en = JSON.parse(readFileSync(`${FORMS_DIR}/i18n/en.json`, 'utf8')) as Record<
  string,
  { title?: string; fields: Record<string, { title?: string }> }
>;

describe('the form files', () => {
  it('are exactly the forms the contract names', () => {
    // given the schema files / then one per contract form, and no other
    expect(formIds()).toEqual([...FORM_IDS].sort());
  });

  describe.each(FORM_IDS.map((id) => [id]))('%s', (formId) => {
    const schema = readFormFile(formId, 'schema');
    const ui = readFormFile(formId, 'ui');

    it('is a JSON Schema 2020-12 with the German title of the contract', () => {
      expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema['title']).toBe(FORMS[formId].title);
    });

    it('compiles with ajv 2020, formats and errorMessage in strict mode', () => {
      expect(() => validator.compile(formId)).not.toThrow();
    });

    it('accepts its realistic example', () => {
      // given the filled example beside the schema / when validated / then it passes
      expect(validator.validate(formId, readFormFile(formId, 'example'))).toEqual({ valid: true });
    });

    it('offers exactly the decisions of the contract', () => {
      const decision = (schema['properties'] as Record<string, { oneOf?: { const: string }[] }>)[
        'decision'
      ];
      expect(decision?.oneOf?.map((option) => option.const) ?? []).toEqual([
        ...FORMS[formId].decisions,
      ]);
    });

    it('orders every top-level field in its uiSchema', () => {
      const properties = Object.keys(schema['properties'] as object);
      expect([...(ui['ui:order'] as string[])].sort()).toEqual(properties.sort());
    });

    it('lays out only fields the schema has', () => {
      // given the uiSchema / then every field key it styles is a field path of the schema
      const paths = new Set(fieldPaths(schema));
      const styled = uiPaths(ui).filter((path) => !paths.has(path));
      expect(styled).toEqual([]);
    });

    it('gives every field a German error message, so no ajv default reaches a user', () => {
      const silent = fieldSchemas(schema).filter(
        ([, field]) => field['type'] !== 'object' && field['errorMessage'] === undefined,
      );
      expect(silent.map(([path]) => path)).toEqual([]);
    });

    it('labels every choice in English', () => {
      for (const [path, field] of fieldSchemas(schema)) {
        const choices = (field['oneOf'] ??
          (field['items'] as Record<string, unknown> | undefined)?.['anyOf']) as
          { const?: unknown }[] | undefined;
        if (!choices?.every((choice) => 'const' in choice)) continue;
        const labels = (en[formId]?.fields[path] as { options?: Record<string, string> })?.options;
        expect(Object.keys(labels ?? {}), path).toEqual(choices.map((c) => String(c.const)));
      }
    });

    it('has an English title for the form and every field, and none for unknown fields', () => {
      // given the English labels file / then it covers the form and every field path
      const labels = en[formId];
      expect(labels?.title, formId).toMatch(/\S/);
      const paths = fieldPaths(schema);
      const untitled = paths.filter((path) => !labels?.fields[path]?.title);
      expect(untitled).toEqual([]);
      const stale = Object.keys(labels?.fields ?? {}).filter((path) => !paths.includes(path));
      expect(stale).toEqual([]);
    });
  });
});

describe('broken submissions are rejected at the field, in German', () => {
  it.each(BROKEN_VARIANTS.map((variant) => [variant.formId, variant.what, variant] as const))(
    '%s: %s',
    (formId, _what, variant) => {
      // given the form's valid example, broken in one way
      const data = readFormFile(formId, 'example');
      variant.breakIt(data);
      // when validated as the portal's server validates it
      const result = validator.validate(formId, data);
      // then it is rejected with a German message at that field
      expect(result.valid).toBe(false);
      const errors = result.valid ? [] : result.errors;
      expect(errors).toContainEqual(
        expect.objectContaining({
          path: variant.path,
          message: expect.stringContaining(variant.message),
        }),
      );
      // and no message is one of ajv's English defaults
      expect(errors.filter((error) => /^must /.test(error.message))).toEqual([]);
    },
  );

  it('covers every form with at least one broken variant', () => {
    const covered = new Set(BROKEN_VARIANTS.map((variant) => variant.formId));
    expect(FORM_IDS.filter((id) => !covered.has(id))).toEqual([]);
  });
});

describe('the form validator', () => {
  it('names an unknown form instead of failing obscurely', () => {
    // when asked for a form that has no schema / then UnknownFormError with the id
    expect(() => validator.validate('passwort-reset', {})).toThrow(UnknownFormError);
    expect(() => validator.validate('../package', {})).toThrow(/no form schema "\.\.\/package/);
  });
});
