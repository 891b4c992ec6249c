/**
 * Personal-data classification of a column: its class (how risky the value is on its own) and
 * the anonymisation rule an anonymised snapshot applies to it. Every column of every model
 * carries one, in its attribute definition (`privacy: ...`); `findUnclassifiedColumns` finds
 * the ones that do not.
 *
 * @example
 *   plz: { type: DataTypes.STRING(5), privacy: quasi(generalise('plz-2-digits')) }
 */
import type { Model } from 'sequelize';

/** How identifying a column is (see docs/data-model.md). */
export const privacyClasses = ['direct', 'quasi', 'sensitive', 'none'] as const;
export type PrivacyClass = (typeof privacyClasses)[number];

/** Named generalisations; the snapshot implements each one under exactly this name. */
export const generalisationMethods = [
  'plz-2-digits',
  'ags-to-district',
  'date-to-month',
  'date-to-year',
  'amount-band',
  'count-band',
  'kw-band',
  'percent-band',
  'coordinate-1km',
  'wz-to-division',
] as const;
export type GeneralisationMethod = (typeof generalisationMethods)[number];

/** What a replaced value becomes: a synthetic value of the same shape, never derived from it. */
export const replacementKinds = [
  'fake-name',
  'fake-organisation',
  'fake-email',
  'fake-phone',
  'fake-street',
  'label',
] as const;
export type ReplacementKind = (typeof replacementKinds)[number];

/** The anonymisation rule of a column. */
export type AnonymisationRule =
  | { kind: 'drop' }
  | { kind: 'replace'; with: ReplacementKind }
  | { kind: 'surrogate-key' }
  | { kind: 'generalise'; method: GeneralisationMethod }
  | { kind: 'keep' }
  | { kind: 'aggregate'; by: string };

/** The classification every column declares. `note` explains a choice that is not obvious. */
export interface ColumnPrivacy {
  class: PrivacyClass;
  rule: AnonymisationRule;
  note?: string;
}

declare module 'sequelize' {
  // Sequelize keeps unknown attribute options in `rawAttributes`; this types ours. The type
  // parameter must repeat Sequelize's declaration exactly for the interfaces to merge.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ModelAttributeColumnOptions<M extends Model = Model> {
    /** Personal-data class and anonymisation rule of this column. */
    privacy?: ColumnPrivacy;
  }
}

/** Removes the column from a snapshot. */
export const drop = (): AnonymisationRule => ({ kind: 'drop' });
/** Keeps the value as it is. */
export const keep = (): AnonymisationRule => ({ kind: 'keep' });
/** Replaces an id by a fresh random key per snapshot (no mapping kept). */
export const surrogateKey = (): AnonymisationRule => ({ kind: 'surrogate-key' });
/** Replaces the value by a synthetic one of the given kind. */
export const replace = (kind: ReplacementKind): AnonymisationRule => ({
  kind: 'replace',
  with: kind,
});
/** Coarsens the value with a named method. */
export const generalise = (method: GeneralisationMethod): AnonymisationRule => ({
  kind: 'generalise',
  method,
});
/** Publishes the column only as an aggregate over the named grouping. */
export const aggregate = (by: string): AnonymisationRule => ({ kind: 'aggregate', by });

/** A direct identifier (name, e-mail, street, EVSE-ID, free text, ...). */
export const direct = (rule: AnonymisationRule, note?: string): ColumnPrivacy =>
  withNote({ class: 'direct', rule }, note);
/** A quasi-identifier (PLZ, exact dates, amounts, counts, ...). */
export const quasi = (rule: AnonymisationRule, note?: string): ColumnPrivacy =>
  withNote({ class: 'quasi', rule }, note);
/** Sensitive data (session times and energy at private homes or single-user points). */
export const sensitive = (rule: AnonymisationRule, note?: string): ColumnPrivacy =>
  withNote({ class: 'sensitive', rule }, note);
/** Not personal: codes, enums, flags, technical values. Kept. */
export const none = (note?: string): ColumnPrivacy =>
  withNote({ class: 'none', rule: keep() }, note);

function withNote(privacy: ColumnPrivacy, note: string | undefined): ColumnPrivacy {
  return note ? { ...privacy, note } : privacy;
}

/** True when `value` is a complete, well-formed classification (checked at run time too). */
export function isColumnPrivacy(value: unknown): value is ColumnPrivacy {
  if (typeof value !== 'object' || value === null) return false;
  const { class: cls, rule } = value as { class?: unknown; rule?: unknown };
  if (!privacyClasses.includes(cls as PrivacyClass)) return false;
  if (typeof rule !== 'object' || rule === null) return false;
  const r = rule as Record<string, unknown>;
  switch (r.kind) {
    case 'drop':
    case 'keep':
    case 'surrogate-key':
      return true;
    case 'replace':
      return replacementKinds.includes(r.with as ReplacementKind);
    case 'generalise':
      return generalisationMethods.includes(r.method as GeneralisationMethod);
    case 'aggregate':
      return typeof r.by === 'string' && r.by.length > 0;
    default:
      return false;
  }
}

/** Human-readable form of a rule, e.g. `generalise: plz-2-digits`. */
export function describeRule(rule: AnonymisationRule): string {
  switch (rule.kind) {
    case 'replace':
      return `replace: ${rule.with}`;
    case 'generalise':
      return `generalise: ${rule.method}`;
    case 'aggregate':
      return `aggregate: ${rule.by}`;
    default:
      return rule.kind;
  }
}
