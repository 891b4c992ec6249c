/**
 * The named generalisations of the classification (`domain/privacy`), each as a hierarchy:
 * level 0 is the method itself (PLZ to 2 digits, date to month, amount to a band, ...), every
 * further level is coarser and computed from the level below (so counts at any level follow from
 * the level-0 values), and the last level is null (the value is suppressed). The k-anonymity
 * check climbs these levels; see docs/anonymisation.md.
 *
 * Input that does not have the expected shape becomes null, never passes through.
 */
import type { GeneralisationMethod } from '../../domain/index.js';

/** A generalised value: a label, a number (grid coordinates) or null (suppressed / unknown). */
export type GeneralValue = string | number | null;

/** One hierarchy: level names, the level-0 function and one coarsening step per further level. */
export interface Hierarchy {
  /** `levels[i]` describes level i; the last is always `suppressed`. */
  readonly levels: readonly string[];
  base(value: unknown): GeneralValue;
  /** `coarsen[i]` maps a level-i value to level i+1. */
  readonly coarsen: readonly ((value: GeneralValue) => GeneralValue)[];
}

const suppressed = 'suppressed';
const toNull = () => null;

/** The value at `level` (0 = the base method). */
export function generaliseAt(hierarchy: Hierarchy, value: unknown, level: number): GeneralValue {
  let current = hierarchy.base(value);
  for (let i = 0; i < level && current !== null; i++) current = hierarchy.coarsen[i]!(current);
  return level >= hierarchy.levels.length - 1 ? null : current;
}

/** Coarsens a level-`from` value to level `to`. */
export function coarsenTo(hierarchy: Hierarchy, value: GeneralValue, from: number, to: number) {
  let current = value;
  for (let i = from; i < to && current !== null; i++) current = hierarchy.coarsen[i]!(current);
  return current;
}

// ---- dates -------------------------------------------------------------------------------

/**
 * `YYYY-MM-DD` (or a longer ISO string) of a DATE / DATETIME value as either database returns
 * it: a Date (MySQL), `2024-01-20 01:47:33.000 +00:00` (SQLite) or `2024-01-20`. UTC.
 */
export function isoDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const parsed = new Date(text.replace(' ', 'T').replace(' ', ''));
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString();
}

const month = (value: unknown) => isoDate(value)?.slice(0, 7) ?? null;
const year = (value: GeneralValue) => (typeof value === 'string' ? value.slice(0, 4) : null);

// ---- bands -------------------------------------------------------------------------------

function asNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return null;
}

/** Lower-closed bands `[lo,hi)` over `bounds`; below the first bound `<lo`; the last open. */
function halfOpenBand(bounds: readonly number[], value: number): string {
  if (value < bounds[0]!) return `<${bounds[0]}`;
  for (let i = bounds.length - 1; i >= 0; i--) {
    if (value >= bounds[i]!) {
      const hi = bounds[i + 1];
      return hi === undefined ? `>=${bounds[i]}` : `[${bounds[i]},${hi})`;
    }
  }
  return `<${bounds[0]}`;
}
/** A number inside a half-open band label (its lower bound). */
function halfOpenPoint(label: GeneralValue): number | null {
  if (typeof label !== 'string') return null;
  const m = /^(?:\[|>=)(-?[\d.]+)/.exec(label);
  if (m) return Number(m[1]);
  const below = /^<(-?[\d.]+)$/.exec(label);
  return below ? Number(below[1]) - 1 : null;
}

/** Upper-closed bands `(lo,hi]` (kW values sit on the bounds: 11, 22, 50); 0 alone; the last open. */
function upperClosedBand(bounds: readonly number[], value: number): string {
  if (value <= 0) return value === 0 ? '0' : '<0';
  for (let i = 1; i < bounds.length; i++) {
    if (value <= bounds[i]!) return `(${bounds[i - 1]},${bounds[i]}]`;
  }
  return `>${bounds[bounds.length - 1]}`;
}
function upperClosedPoint(label: GeneralValue): number | null {
  if (typeof label !== 'string') return null;
  if (label === '0') return 0;
  if (label === '<0') return -1;
  const m = /^\(-?[\d.]+,(-?[\d.]+)\]$/.exec(label);
  if (m) return Number(m[1]);
  const above = /^>(-?[\d.]+)$/.exec(label);
  return above ? Number(above[1]) + 1 : null;
}

/** Count bands `0`, `1`, `3-4`, `1000+`. */
function countBand(bounds: readonly number[], value: number): string | null {
  if (!Number.isInteger(value) || value < 0) return null;
  for (let i = bounds.length - 1; i >= 0; i--) {
    if (value >= bounds[i]!) {
      const hi = bounds[i + 1];
      if (hi === undefined) return `${bounds[i]}+`;
      return hi - bounds[i]! === 1 ? `${bounds[i]}` : `${bounds[i]}-${hi - 1}`;
    }
  }
  return null;
}
function countPoint(label: GeneralValue): number | null {
  if (typeof label !== 'string') return null;
  const m = /^(\d+)/.exec(label);
  return m ? Number(m[1]) : null;
}

function bandHierarchy(
  names: readonly string[],
  boundsPerLevel: readonly (readonly number[])[],
  band: (bounds: readonly number[], value: number) => string | null,
  point: (label: GeneralValue) => number | null,
): Hierarchy {
  return {
    levels: [...names, suppressed],
    base: (value) => {
      const n = asNumber(value);
      return n === null ? null : band(boundsPerLevel[0]!, n);
    },
    coarsen: [
      ...boundsPerLevel.slice(1).map((bounds) => (label: GeneralValue) => {
        const n = point(label);
        return n === null ? null : band(bounds, n);
      }),
      toNull,
    ],
  };
}

// ---- places ------------------------------------------------------------------------------

/**
 * Grid step in degrees for both axes: 0.016° is 1.78 km north-south and at least 1.02 km
 * east-west everywhere in Germany (cos 55° x 111 km x 0.016); the method does not say which
 * axis a column is, so one step that is at least 1 km on both is used.
 */
export const gridStepDegrees = 0.016;

function gridCentre(value: number, step: number): number {
  return Number(((Math.floor(value / step) + 0.5) * step).toFixed(6));
}

/** Sections (Abschnitte) of WZ 2008 by division (Abteilung) number. */
const wzSections: readonly [number, number, string][] = [
  [1, 3, 'A'],
  [5, 9, 'B'],
  [10, 33, 'C'],
  [35, 35, 'D'],
  [36, 39, 'E'],
  [41, 43, 'F'],
  [45, 47, 'G'],
  [49, 53, 'H'],
  [55, 56, 'I'],
  [58, 63, 'J'],
  [64, 66, 'K'],
  [68, 68, 'L'],
  [69, 75, 'M'],
  [77, 82, 'N'],
  [84, 84, 'O'],
  [85, 85, 'P'],
  [86, 88, 'Q'],
  [90, 93, 'R'],
  [94, 96, 'S'],
  [97, 98, 'T'],
  [99, 99, 'U'],
];

const digitsPrefix = (pattern: RegExp, length: number) => (value: unknown) =>
  typeof value === 'string' && pattern.test(value.trim()) ? value.trim().slice(0, length) : null;
const shorten = (length: number) => (value: GeneralValue) =>
  typeof value === 'string' ? value.slice(0, length) : null;

// ---- the named methods ---------------------------------------------------------------------

const hierarchies: Record<GeneralisationMethod, Hierarchy> = {
  'plz-2-digits': {
    levels: ['first 2 digits of the PLZ', 'first digit of the PLZ (postal zone)', suppressed],
    base: digitsPrefix(/^\d{5}$/, 2),
    coarsen: [shorten(1), toNull],
  },
  'ags-to-district': {
    levels: ['district (first 5 digits of the AGS)', 'Land (first 2 digits)', suppressed],
    base: digitsPrefix(/^\d{8}$/, 5),
    coarsen: [shorten(2), toNull],
  },
  'date-to-month': {
    levels: ['month (YYYY-MM)', 'year (YYYY)', suppressed],
    base: month,
    coarsen: [year, toNull],
  },
  'date-to-year': {
    levels: ['year (YYYY)', suppressed],
    base: (value) => year(month(value)),
    coarsen: [toNull],
  },
  'amount-band': bandHierarchy(
    [
      'band [lo,hi) with bounds 0, 500, 1000, 2500, 5000, 10000, 25000, 50000, 100000, 250000, 1000000',
      'band [lo,hi) with bounds 0, 1000, 10000, 100000, 1000000',
    ],
    [
      [0, 500, 1000, 2500, 5000, 10_000, 25_000, 50_000, 100_000, 250_000, 1_000_000],
      [0, 1000, 10_000, 100_000, 1_000_000],
    ],
    halfOpenBand,
    halfOpenPoint,
  ),
  'count-band': bandHierarchy(
    [
      'band 0, 1, 2, 3-4, 5-9, 10-19, 20-49, 50-99, 100-999, 1000+',
      'band 0, 1, 2-4, 5-19, 20-99, 100+',
    ],
    [
      [0, 1, 2, 3, 5, 10, 20, 50, 100, 1000],
      [0, 1, 2, 5, 20, 100],
    ],
    countBand,
    countPoint,
  ),
  'kw-band': bandHierarchy(
    [
      'band (lo,hi] with bounds 0, 3.7, 11, 22, 50, 150, 350, 1000',
      'band (lo,hi] with bounds 0, 22, 150, 1000',
    ],
    [
      [0, 3.7, 11, 22, 50, 150, 350, 1000],
      [0, 22, 150, 1000],
    ],
    upperClosedBand,
    upperClosedPoint,
  ),
  'percent-band': bandHierarchy(
    ['band [0,25), [25,50), [50,75), [75,100), >=100', 'band [0,100), >=100'],
    [
      [0, 25, 50, 75, 100],
      [0, 100],
    ],
    halfOpenBand,
    halfOpenPoint,
  ),
  'coordinate-1km': {
    levels: [
      `centre of a ${gridStepDegrees}° grid cell (at least 1 km)`,
      `centre of a ${gridStepDegrees * 10}° grid cell (at least 10 km)`,
      suppressed,
    ],
    base: (value) => {
      const n = asNumber(value);
      return n === null ? null : gridCentre(n, gridStepDegrees);
    },
    coarsen: [
      (value) => (typeof value === 'number' ? gridCentre(value, gridStepDegrees * 10) : null),
      toNull,
    ],
  },
  'wz-to-division': {
    levels: ['WZ 2008 division (2 digits)', 'WZ 2008 section (letter)', suppressed],
    base: digitsPrefix(/^\d{2}(\.\d{1,2}(\.\d{1,2})?)?$/, 2),
    coarsen: [
      (value) => {
        const division = typeof value === 'string' ? Number(value) : NaN;
        return wzSections.find(([lo, hi]) => division >= lo && division <= hi)?.[2] ?? null;
      },
      toNull,
    ],
  },
};

/** The hierarchy of a named method. */
export function hierarchyOf(method: GeneralisationMethod): Hierarchy {
  return hierarchies[method];
}

/** A kept quasi-identifier: the value itself, then suppressed. */
export const keepHierarchy: Hierarchy = {
  levels: ['the value as it is', suppressed],
  base: (value) => {
    if (value === null || value === undefined) return null;
    if (value instanceof Date) return value.toISOString();
    return typeof value === 'number' ? value : String(value);
  },
  coarsen: [toNull],
};
