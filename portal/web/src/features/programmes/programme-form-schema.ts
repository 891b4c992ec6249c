/**
 * The programme form as JSON Schema for rjsf (the same renderer and validator as task forms).
 * The allowed values mirror the API's programme schema (`/api/openapi.json`); the server
 * validates again and its field errors are shown at the fields.
 */
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import type { TFunction } from 'i18next';

const empfaengertypen = [
  'NATUERLICHE_PERSON',
  'EINZELUNTERNEHMEN',
  'UNTERNEHMEN',
  'KOMMUNE',
  'WEG',
  'GEMEINNUETZIG',
];
const amounts = [
  'foerderquoteProzent',
  'pauschaleProLadepunkt',
  'maxZuschussProLadepunkt',
  'maxZuschussProStandort',
  'maxKwProLadepunkt',
] as const;
const flags = ['privaterStellplatz', 'oekostromPflicht', 'roamingPflicht', 'adHocLadenPflicht'];

/** A programme as `GET /api/programmes` lists it. */
export interface Programme {
  code: string;
  name: string;
  kfwProgrammnummer: string | null;
  empfaengertypen: string[];
  foerderquoteProzent: string | null;
  pauschaleProLadepunkt: string | null;
  maxZuschussProLadepunkt: string | null;
  maxZuschussProStandort: string | null;
  maxKwProLadepunkt: string | null;
  zugang: string | null;
  privaterStellplatz: boolean;
  oekostromPflicht: boolean;
  roamingPflicht: boolean;
  adHocLadenPflicht: boolean;
  zweckbindungJahre: number;
  berichtsrhythmus: string;
  aktiv: boolean;
}

/** The schema; `withCode` for a new programme (the code of an existing one never changes). */
export function programmeSchema(t: TFunction, withCode: boolean): RJSFSchema {
  const title = (field: string) => t(`programmes.fields.${field}`);
  const properties: Record<string, RJSFSchema> = {
    ...(withCode
      ? { code: { type: 'string', title: title('code'), pattern: '^[A-Z][A-Z0-9_]{1,31}$' } }
      : {}),
    name: { type: 'string', title: title('name'), minLength: 3, maxLength: 255 },
    kfwProgrammnummer: { type: 'string', title: title('kfwProgrammnummer'), pattern: '^\\d{3}$' },
    empfaengertypen: {
      type: 'array',
      title: title('empfaengertypen'),
      uniqueItems: true,
      minItems: 1,
      items: {
        type: 'string',
        enum: empfaengertypen,
      },
    },
    ...Object.fromEntries(
      amounts.map((a) => [a, { type: 'number', title: title(a), minimum: 0 } as RJSFSchema]),
    ),
    zugang: {
      type: 'string',
      title: title('zugang'),
      enum: ['OEFFENTLICH', 'NICHT_OEFFENTLICH'],
    },
    ...Object.fromEntries(
      flags.map((f) => [f, { type: 'boolean', title: title(f), default: false } as RJSFSchema]),
    ),
    zweckbindungJahre: {
      type: 'integer',
      title: title('zweckbindungJahre'),
      minimum: 1,
      maximum: 30,
      default: 6,
    },
    berichtsrhythmus: {
      type: 'string',
      title: title('berichtsrhythmus'),
      enum: ['JAEHRLICH', 'HALBJAEHRLICH'],
      default: 'JAEHRLICH',
    },
    aktiv: { type: 'boolean', title: title('aktiv'), default: true },
  };
  return {
    type: 'object',
    required: [
      ...(withCode ? ['code'] : []),
      'name',
      'empfaengertypen',
      'zweckbindungJahre',
      'berichtsrhythmus',
    ],
    properties,
  };
}

/** Checkboxes for the recipient types. */
export const programmeUiSchema: UiSchema = {
  empfaengertypen: { 'ui:widget': 'checkboxes' },
};

/** Form data from a listed programme (amounts as numbers, nulls left out). */
export function toFormData(p: Programme): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(p)) {
    if (value === null || key === 'code') continue;
    data[key] = (amounts as readonly string[]).includes(key) ? Number(value) : value;
  }
  return data;
}

/** The API body from form data: the optional fields a person left empty become null. */
export function toBody(data: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = { ...data };
  for (const key of [...amounts, 'kfwProgrammnummer', 'zugang'])
    if (body[key] === undefined || body[key] === '') body[key] = null;
  return body;
}
