/**
 * What a programme is made of, as the API accepts it: the rules of a funding programme are data
 * (DOMAIN.md), so adding or changing one is a validated write, not a release.
 */
import { z } from 'zod';
import { berichtsrhythmen, empfaengertypen, programmZugaenge } from '../../../../domain/index.js';

/** A decimal amount as text with at most two decimals ("900.00"), or a number. */
const amount = (max: number) =>
  z
    .union([z.number(), z.string().regex(/^\d+(\.\d{1,2})?$/, 'Dezimalzahl, z. B. 900.00')])
    .transform((v) => Number(v))
    .refine((v) => v >= 0 && v <= max, `zwischen 0 und ${max}`)
    .transform((v) => v.toFixed(2));

const fields = {
  name: z.string().trim().min(3).max(255),
  kfwProgrammnummer: z
    .string()
    .regex(/^\d{3}$/, 'dreistellige KfW-Programmnummer')
    .nullable(),
  empfaengertypen: z.array(z.enum(empfaengertypen)).min(1).max(empfaengertypen.length),
  foerderquoteProzent: amount(100).nullable(),
  maxZuschussProLadepunkt: amount(10_000_000).nullable(),
  maxZuschussProStandort: amount(10_000_000).nullable(),
  pauschaleProLadepunkt: amount(10_000_000).nullable(),
  maxKwProLadepunkt: amount(100_000).nullable(),
  zugang: z.enum(programmZugaenge).nullable(),
  privaterStellplatz: z.boolean(),
  oekostromPflicht: z.boolean(),
  roamingPflicht: z.boolean(),
  adHocLadenPflicht: z.boolean(),
  zweckbindungJahre: z.number().int().min(1).max(30),
  berichtsrhythmus: z.enum(berichtsrhythmen),
  aktiv: z.boolean(),
};

/** A grant is a share of the cost or a flat rate per charging point: one of the two is needed. */
const grantRule = (p: { foerderquoteProzent?: unknown; pauschaleProLadepunkt?: unknown }) =>
  p.foerderquoteProzent != null || p.pauschaleProLadepunkt != null;
const grantProblem = {
  message: 'foerderquoteProzent oder pauschaleProLadepunkt angeben',
  path: ['foerderquoteProzent'],
};

/** A new programme. */
export const newProgrammeSchema = z
  .object({
    code: z
      .string()
      .regex(/^[A-Z][A-Z0-9_]{1,31}$/, 'Großbuchstaben, Ziffern und _, z. B. KFW_442'),
    ...fields,
    aktiv: fields.aktiv.default(true),
  })
  .strict()
  .refine(grantRule, grantProblem);

/** A change: any of the fields (the code never changes: cases and files refer to it). */
export const programmeChangeSchema = z
  .object(fields)
  .partial()
  .strict()
  .refine((change) => Object.keys(change).length > 0, 'mindestens ein Feld ändern');

export type NewProgramme = z.output<typeof newProgrammeSchema>;
export type ProgrammeChange = z.output<typeof programmeChangeSchema>;

/** The rule for a programme after a change is applied. */
export const hasGrant = grantRule;
