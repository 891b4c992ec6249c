/**
 * Known, unique values for every `direct` and `quasi` column of every model, built from the
 * classification itself: a column added to a model joins the leak test without anyone touching
 * the test. Each value comes with the text that must not appear in the dump (and where).
 */
import {
  DataTypes,
  type ModelAttributeColumnOptions,
  type ModelStatic,
  type Model,
} from 'sequelize';
import type { ColumnPrivacy, DomainModels } from '../../../domain/index.js';

/** A column the leak test seeds, with how to make its n-th value. */
export interface LeakColumn {
  table: string;
  column: string;
  privacy: ColumnPrivacy;
  /** Null for keys (UUIDs): their real values are searched instead of seeded ones. */
  value: ((n: number, seq: number) => SeedValue) | null;
}

/** A seeded value and the texts whose presence would be a leak. */
export interface SeedValue {
  stored: string | number | Date;
  /** `dump`: search the whole dump; `table`: only the table's own section. */
  needles: { text: string | RegExp; scope: 'dump' | 'table' }[];
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const bounded = (value: string) =>
  new RegExp(`(?<![0-9A-Za-z.\\-])${value.replace(/\./g, '\\.')}(?![0-9A-Za-z.\\-])`);

type TypeInfo = { key: string; options?: { length?: number; precision?: number; scale?: number } };

function textValue(table: string, column: string, length: number, n: number, seq: number): string {
  const long = `LEAK-${table}-${column}-${n}`;
  if (long.length <= length) return long;
  const short = `LK${seq}Z`;
  if (short.length > length)
    throw new Error(`${table}.${column}: VARCHAR(${length}) too short for a leak value`);
  return short;
}

/** The seeding plan for every direct and quasi column of the models. */
export function leakColumns(models: DomainModels): LeakColumn[] {
  const result: LeakColumn[] = [];
  for (const model of Object.values(models) as ModelStatic<Model>[]) {
    const table = model.tableName;
    for (const [name, attribute] of Object.entries(
      model.getAttributes() as Record<string, ModelAttributeColumnOptions>,
    )) {
      if (attribute.type instanceof DataTypes.VIRTUAL) continue;
      const privacy = attribute.privacy;
      if (!privacy || (privacy.class !== 'direct' && privacy.class !== 'quasi')) continue;
      const column = attribute.field ?? name;
      result.push({
        table,
        column,
        privacy,
        value: valueMaker(table, column, privacy, attribute.type as unknown as TypeInfo),
      });
    }
  }
  return result;
}

function valueMaker(
  table: string,
  column: string,
  privacy: ColumnPrivacy,
  type: TypeInfo,
): LeakColumn['value'] {
  const rule = privacy.rule;
  // Keys (and other UUID columns) are checked with their real values.
  if (rule.kind === 'surrogate-key' || type.key === 'UUID') return null;
  const method = rule.kind === 'generalise' ? rule.method : undefined;
  const quoted = (text: string): SeedValue => ({
    stored: text,
    needles: [{ text: `'${text}'`, scope: 'dump' }],
  });
  switch (method) {
    case 'plz-2-digits':
      return (_n, seq) => quoted(`9${pad(seq, 4)}`);
    case 'ags-to-district':
      return (_n, seq) => quoted(`8${pad(seq, 7)}`);
    case 'wz-to-division':
      return (_n, seq) => quoted(`${10 + (Math.floor(seq / 100) % 89)}.${pad(seq % 100, 2)}`);
    case 'coordinate-1km':
      return (_n, seq) => {
        const value = (47.123457 + seq * 0.000037).toFixed(6);
        return { stored: Number(value), needles: [{ text: bounded(value), scope: 'table' }] };
      };
  }
  switch (type.key) {
    case 'STRING':
    case 'CHAR':
      return (n, seq) => {
        const text = textValue(table, column, type.options?.length ?? 255, n, seq);
        return { stored: text, needles: [{ text, scope: 'dump' }] };
      };
    case 'TEXT':
      // Text columns may hold JSON (form data, audit before/after): a value inside a structure.
      return (n) => {
        const own = `LEAK-${table}-${column}-${n}`;
        const nested = `LEAK-${table}-${column}-${n}-nested-email`;
        return {
          stored: JSON.stringify({ wert: own, person: { email: nested, plz: '99999' } }),
          needles: [
            { text: own, scope: 'dump' },
            { text: nested, scope: 'dump' },
          ],
        };
      };
    case 'DECIMAL': {
      const precision = type.options?.precision ?? 10;
      const scale = type.options?.scale ?? 2;
      return (n) => {
        const whole = Number(`7${'3'.repeat(Math.max(0, precision - scale - 2))}`) + n;
        const value = scale > 0 ? `${whole}.${'7'.repeat(scale)}` : String(whole);
        return { stored: Number(value), needles: [{ text: bounded(value), scope: 'table' }] };
      };
    }
    case 'INTEGER':
    case 'BIGINT':
    case 'SMALLINT':
      return (n) => {
        const value = (type.key === 'SMALLINT' ? 7000 : 7_000_000) + n * 7;
        return { stored: value, needles: [{ text: bounded(String(value)), scope: 'table' }] };
      };
    case 'DATEONLY':
      return (_n, seq) => {
        const day = new Date(Date.UTC(1987, 0, 1) + seq * 86_400_000).toISOString().slice(0, 10);
        return { stored: day, needles: [{ text: day, scope: 'table' }] };
      };
    case 'DATE':
      return (_n, seq) => {
        const at = new Date(Date.UTC(1986, 0, 1, 10, 11, 12, 345) + seq * 86_400_000);
        return { stored: at, needles: [{ text: at.toISOString().slice(0, 10), scope: 'table' }] };
      };
    default:
      throw new Error(
        `${table}.${column}: the leak test has no distinctive value for type ${type.key}; add one`,
      );
  }
}
