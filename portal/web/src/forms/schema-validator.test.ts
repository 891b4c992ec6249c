import { describe, expect, it } from 'vitest';
import type { RJSFSchema } from '@rjsf/utils';
import stammdaten from '../../../../forms/stammdaten.schema.json';
import stammdatenUi from '../../../../forms/stammdaten.ui.json';
import example from '../../../../forms/stammdaten.example.json';
import { formSteps } from './form-steps.js';
import { pruneFormData } from './prune-empty.js';
import { validateData } from './schema-validator.js';

const schema = stammdaten as RJSFSchema;

describe('validateData (the browser-side check of a task form)', () => {
  it('accepts the realistic example of the form', () => {
    expect(validateData(schema, example)).toEqual([]);
  });

  it('names a missing choice at its field with the form’s German message', () => {
    // given the last step of the master data without role and consent
    const last = formSteps(schema, stammdatenUi).at(-1)!;
    expect(last.fields).toEqual([
      'rolle',
      'betreiberAbweichend',
      'betreiber',
      'datenschutzEinwilligung',
    ]);
    // when it is checked
    const problems = validateData(last.schema, { betreiberAbweichend: false });
    // then each missing field has the form's own words
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: ['rolle'], message: 'Bitte Ihre Rolle wählen.' },
        { path: ['datenschutzEinwilligung'], message: 'Bitte den Datenschutzhinweisen zustimmen.' },
      ]),
    );
  });

  it('reports a bad postcode once, at the nested field', () => {
    const data = structuredClone(example) as typeof example;
    data.zuwendungsempfaenger.anschrift.plz = '0106';
    expect(validateData(schema, data)).toEqual([
      {
        path: ['zuwendungsempfaenger', 'anschrift', 'plz'],
        message: 'PLZ: bitte genau fünf Ziffern angeben, z. B. 01067.',
      },
    ]);
  });
});

describe('validateData on a condition', () => {
  it('uses the message the condition gives for a field it requires', () => {
    const schema = {
      type: 'object',
      properties: { decision: { type: 'string' }, befunde: { type: 'array' } },
      allOf: [
        {
          if: { properties: { decision: { const: 'rework' } }, required: ['decision'] },
          then: {
            required: ['befunde'],
            errorMessage: { required: { befunde: 'Bitte die Begründungen angeben.' } },
          },
        },
      ],
    } as unknown as RJSFSchema;
    expect(validateData(schema, { decision: 'rework' })).toEqual([
      { path: ['befunde'], message: 'Bitte die Begründungen angeben.' },
    ]);
  });
});

describe('pruneFormData', () => {
  it('drops a section nobody filled in, keeps every answer', () => {
    expect(
      pruneFormData({
        rolle: 'ANTRAGSTELLER',
        betreiber: { name: undefined },
        kmu: false,
        liste: [],
      }),
    ).toEqual({ rolle: 'ANTRAGSTELLER', kmu: false, liste: [] });
  });
});
