/**
 * Plausibility rules for uploaded charging sessions (Ladevorgänge) of one reporting period.
 *
 * - duplicates on (charging point, start instant) are dropped, the first one kept, and counted
 *   in one warning;
 * - end after start; both valid ISO 8601 timestamps with offset;
 * - 0 <= kWh <= kW of the point x hours x {@link SESSION_ENERGY_FACTOR};
 * - no two sessions on one point overlap (touching, end == next start, is fine);
 * - the session starts inside the period (a session that starts inside and ends after the period
 *   is a warning: a charge across New Year's Eve is real and belongs to the period it began in);
 * - the session starts at or after the point's commissioning (and before its decommissioning).
 *
 * Runs in O(n log n) for n sessions (one sort per charging point for the overlap check), so an
 * upload of 100,000+ sessions is checked in memory in well under a second.
 *
 * @example
 *   const { findings, kept, duplicatesDropped, energyKwh } = checkSessions(rows, {
 *     period: { from: '2024-01-01', to: '2024-12-31' },
 *     points: [{ pointId: 'DE*ABC*E000123*1', kw: 22, commissionedAt: '2023-06-01' }],
 *   });
 */
import { de, en, finding, timeDeOf, timeEnOf } from './finding.js';
import type { Finding, FindingDefinition } from './finding.js';
import {
  DEFAULT_TIME_ZONE,
  RuleInputError,
  hoursBetween,
  periodBounds,
  toEpochMs,
} from './timestamps.js';
import type { PeriodInput, TimeInput } from './timestamps.js';

/** Headroom over the nameplate power a session may show (meter tolerance, rounding): 5 %. */
export const SESSION_ENERGY_FACTOR = 1.05;

/** Relative slack for floating-point rounding at the exact limits (not a business tolerance). */
const ROUNDING = 1e-9;

/** One charging session as the rules see it (parsed from CSV or OCPI CDR by the import). */
export interface SessionInput {
  /** The charging point: its EVSE-ID or another id unique within the upload. */
  pointId: string;
  start: TimeInput;
  end: TimeInput;
  energyKwh: number;
  /** Row of the uploaded file (1-based, header included), for the row report. */
  row?: number;
}

/** A charging point the sessions may refer to. */
export interface ChargingPointInput {
  pointId: string;
  /** Nameplate power of the point in kW. */
  kw: number;
  /** Calendar date or instant of commissioning; sessions before it are errors. */
  commissionedAt?: TimeInput | null;
  /** Calendar date or instant of decommissioning; sessions from then on are errors. */
  decommissionedAt?: TimeInput | null;
}

/** What the sessions are checked against. */
export interface SessionContext {
  period: PeriodInput;
  points: Iterable<ChargingPointInput>;
  /** Time zone for calendar dates. @default 'Europe/Berlin' */
  timeZone?: string;
}

/** The outcome of {@link checkSessions}. */
export interface SessionCheck<T extends SessionInput> {
  findings: Finding[];
  /** The sessions without the dropped duplicates, in input order. */
  kept: T[];
  duplicatesDropped: number;
  /** Sum of the valid energy of kept sessions that start inside the period, in kWh. */
  energyKwh: number;
}

type P = Record<string, string | number | null>;
const where = (p: P) => (p.row === null ? `Eintrag ${de(p.entry)}` : `Zeile ${de(p.row)}`);
const whereEn = (p: P) => (p.row === null ? `entry ${en(p.entry)}` : `row ${en(p.row)}`);
const other = (p: P) =>
  p.otherRow === null ? `Eintrag ${de(p.otherEntry)}` : `Zeile ${de(p.otherRow)}`;
const otherEn = (p: P) =>
  p.otherRow === null ? `entry ${en(p.otherEntry)}` : `row ${en(p.otherRow)}`;

/** Finding codes of the session rules. */
export const SESSION_FINDINGS = {
  SESSION_TIMESTAMP_INVALID: {
    code: 'SESSION_TIMESTAMP_INVALID',
    severity: 'error',
    de: (p) =>
      `${where(p)}: ${p.field === 'start' ? 'Beginn' : 'Ende'} „${p.value}“ ist kein gültiger Zeitpunkt nach ISO 8601 mit Zeitzone (z. B. 2024-03-31T14:05:00+02:00).`,
    en: (p) =>
      `${whereEn(p)}: ${p.field} "${p.value}" is not a valid ISO 8601 timestamp with offset (e.g. 2024-03-31T14:05:00+02:00).`,
  },
  SESSION_END_BEFORE_START: {
    code: 'SESSION_END_BEFORE_START',
    severity: 'error',
    de: (p) =>
      `${where(p)}: Das Ende (${timeDeOf(p.end)}) muss nach dem Beginn (${timeDeOf(p.start)}) liegen.`,
    en: (p) =>
      `${whereEn(p)}: the end (${timeEnOf(p.end)}) must be after the start (${timeEnOf(p.start)}).`,
  },
  SESSION_ENERGY_INVALID: {
    code: 'SESSION_ENERGY_INVALID',
    severity: 'error',
    de: (p) => `${where(p)}: Die Energiemenge „${p.value}“ ist keine Zahl.`,
    en: (p) => `${whereEn(p)}: the energy "${p.value}" is not a number.`,
  },
  SESSION_ENERGY_NEGATIVE: {
    code: 'SESSION_ENERGY_NEGATIVE',
    severity: 'error',
    de: (p) => `${where(p)}: Die Energiemenge (${de(p.energyKwh)} kWh) darf nicht negativ sein.`,
    en: (p) => `${whereEn(p)}: the energy (${en(p.energyKwh)} kWh) must not be negative.`,
  },
  SESSION_ENERGY_ABOVE_CAPACITY: {
    code: 'SESSION_ENERGY_ABOVE_CAPACITY',
    severity: 'error',
    de: (p) =>
      `${where(p)}: ${de(p.energyKwh)} kWh in ${de(p.hours)} Stunden sind mehr, als der Ladepunkt ${p.pointId} mit ${de(p.kw)} kW liefern kann (höchstens ${de(p.maxKwh)} kWh).`,
    en: (p) =>
      `${whereEn(p)}: ${en(p.energyKwh)} kWh in ${en(p.hours)} hours is more than charging point ${p.pointId} with ${en(p.kw)} kW can deliver (at most ${en(p.maxKwh)} kWh).`,
  },
  SESSION_POINT_UNKNOWN: {
    code: 'SESSION_POINT_UNKNOWN',
    severity: 'error',
    de: (p) =>
      `${where(p)}: Der Ladepunkt „${p.pointId}“ gehört zu keinem gemeldeten Standort dieses Förderfalls.`,
    en: (p) =>
      `${whereEn(p)}: charging point "${p.pointId}" belongs to no reported location of this case.`,
  },
  SESSION_OVERLAP: {
    code: 'SESSION_OVERLAP',
    severity: 'error',
    de: (p) =>
      `${where(p)}: Der Ladevorgang (Beginn ${timeDeOf(p.start)}) überschneidet sich mit ${other(p)} am selben Ladepunkt ${p.pointId} (Ende ${timeDeOf(p.otherEnd)}).`,
    en: (p) =>
      `${whereEn(p)}: the session (start ${timeEnOf(p.start)}) overlaps ${otherEn(p)} on the same charging point ${p.pointId} (end ${timeEnOf(p.otherEnd)}).`,
  },
  SESSION_OUTSIDE_PERIOD: {
    code: 'SESSION_OUTSIDE_PERIOD',
    severity: 'error',
    de: (p) =>
      `${where(p)}: Der Ladevorgang beginnt am ${timeDeOf(p.start)}, außerhalb des Berichtszeitraums (${timeDeOf(p.periodStart)} bis ${timeDeOf(p.periodEnd)}).`,
    en: (p) =>
      `${whereEn(p)}: the session starts on ${timeEnOf(p.start)}, outside the reporting period (${timeEnOf(p.periodStart)} to ${timeEnOf(p.periodEnd)}).`,
  },
  SESSION_ENDS_AFTER_PERIOD: {
    code: 'SESSION_ENDS_AFTER_PERIOD',
    severity: 'warning',
    de: (p) =>
      `${where(p)}: Der Ladevorgang endet erst am ${timeDeOf(p.end)}, nach dem Ende des Berichtszeitraums (${timeDeOf(p.periodEnd)}); er wird diesem Zeitraum zugerechnet.`,
    en: (p) =>
      `${whereEn(p)}: the session ends on ${timeEnOf(p.end)}, after the end of the reporting period (${timeEnOf(p.periodEnd)}); it counts for this period.`,
  },
  SESSION_BEFORE_COMMISSIONING: {
    code: 'SESSION_BEFORE_COMMISSIONING',
    severity: 'error',
    de: (p) =>
      `${where(p)}: Der Ladevorgang beginnt am ${timeDeOf(p.start)}, vor der Inbetriebnahme des Ladepunkts ${p.pointId} (${timeDeOf(p.commissionedAt)}).`,
    en: (p) =>
      `${whereEn(p)}: the session starts on ${timeEnOf(p.start)}, before charging point ${p.pointId} was commissioned (${timeEnOf(p.commissionedAt)}).`,
  },
  SESSION_AFTER_DECOMMISSIONING: {
    code: 'SESSION_AFTER_DECOMMISSIONING',
    severity: 'error',
    de: (p) =>
      `${where(p)}: Der Ladevorgang beginnt am ${timeDeOf(p.start)}, nach der Außerbetriebnahme des Ladepunkts ${p.pointId} (${timeDeOf(p.decommissionedAt)}).`,
    en: (p) =>
      `${whereEn(p)}: the session starts on ${timeEnOf(p.start)}, after charging point ${p.pointId} was decommissioned (${timeEnOf(p.decommissionedAt)}).`,
  },
  SESSION_DUPLICATES_DROPPED: {
    code: 'SESSION_DUPLICATES_DROPPED',
    severity: 'warning',
    de: (p) =>
      `${de(p.count)} doppelte Ladevorgänge (gleicher Ladepunkt und Beginn) wurden verworfen, der erste in ${where(p)}.`,
    en: (p) =>
      `${en(p.count)} duplicate sessions (same charging point and start) were dropped, the first in ${whereEn(p)}.`,
  },
} as const satisfies Record<string, FindingDefinition<P>>;

interface Point {
  kw: number;
  commissionedMs: number | null;
  decommissionedMs: number | null;
}

/**
 * Checks the sessions of one upload against the period and the charging points.
 *
 * @throws RuleInputError when the period or a point's dates are not usable (a caller's bug, not
 *   a finding about the uploaded data).
 */
export function checkSessions<T extends SessionInput>(
  sessions: readonly T[],
  context: SessionContext,
): SessionCheck<T> {
  const timeZone = context.timeZone ?? DEFAULT_TIME_ZONE;
  const period = periodBounds(context.period, timeZone);
  const points = indexPoints(context.points, timeZone);
  const findings: Finding[] = [];
  // the session index of each finding, so the overlaps found last can be put in row order
  const order: number[] = [];
  const ref = (index: number): { row: number | null; entry: number } => ({
    row: sessions[index]?.row ?? null,
    entry: index + 1,
  });
  const add = (definition: FindingDefinition<P>, index: number, field: string, params: P) => {
    order.push(index);
    findings.push(
      finding(
        definition,
        `sessions[${index}].${field}`,
        { ...ref(index), ...params },
        sessions[index]?.row,
      ),
    );
  };

  // Parse once; NaN marks an unusable timestamp.
  const starts = new Float64Array(sessions.length);
  const ends = new Float64Array(sessions.length);
  const seen = new Set<string>();
  const kept: T[] = [];
  const keptIndex: number[] = [];
  let duplicatesDropped = 0;
  let firstDuplicate = -1;
  sessions.forEach((session, index) => {
    const start = toEpochMs(session.start, timeZone) ?? NaN;
    starts[index] = start;
    ends[index] = toEpochMs(session.end, timeZone) ?? NaN;
    if (!Number.isNaN(start)) {
      const key = `${session.pointId}\u0000${start}`;
      if (seen.has(key)) {
        duplicatesDropped += 1;
        if (firstDuplicate < 0) firstDuplicate = index;
        return;
      }
      seen.add(key);
    }
    kept.push(session);
    keptIndex.push(index);
  });
  if (duplicatesDropped > 0) {
    // one finding for the whole upload, pointing at the first dropped row; listed first
    order.push(-1);
    findings.push(
      finding(
        SESSION_FINDINGS.SESSION_DUPLICATES_DROPPED,
        'sessions',
        { ...ref(firstDuplicate), count: duplicatesDropped },
        sessions[firstDuplicate]?.row,
      ),
    );
  }

  let energyKwh = 0;
  const byPoint = new Map<string, number[]>();
  for (const index of keptIndex) {
    const session = sessions[index] as T;
    const start = starts[index] as number;
    const end = ends[index] as number;
    const iso = (ms: number) => new Date(ms).toISOString();
    let timesValid = true;
    for (const [field, ms] of [
      ['start', start],
      ['end', end],
    ] as const) {
      if (Number.isNaN(ms)) {
        timesValid = false;
        add(SESSION_FINDINGS.SESSION_TIMESTAMP_INVALID, index, field, {
          field,
          value: String(session[field] instanceof Date ? 'Invalid Date' : session[field]),
        });
      }
    }
    const energy = session.energyKwh;
    const energyValid = typeof energy === 'number' && Number.isFinite(energy);
    if (!energyValid) {
      add(SESSION_FINDINGS.SESSION_ENERGY_INVALID, index, 'energyKwh', { value: String(energy) });
    } else if (energy < 0) {
      add(SESSION_FINDINGS.SESSION_ENERGY_NEGATIVE, index, 'energyKwh', { energyKwh: energy });
    }
    const point = points.get(session.pointId);
    if (!point) {
      add(SESSION_FINDINGS.SESSION_POINT_UNKNOWN, index, 'pointId', { pointId: session.pointId });
    }
    if (!timesValid) continue;
    if (end <= start) {
      add(SESSION_FINDINGS.SESSION_END_BEFORE_START, index, 'end', {
        start: iso(start),
        end: iso(end),
      });
      continue;
    }
    let list = byPoint.get(session.pointId);
    if (!list) byPoint.set(session.pointId, (list = []));
    list.push(index);

    const hours = hoursBetween(start, end);
    if (point && energyValid && energy >= 0) {
      const maxKwh = point.kw * hours * SESSION_ENERGY_FACTOR;
      if (energy > maxKwh * (1 + ROUNDING)) {
        add(SESSION_FINDINGS.SESSION_ENERGY_ABOVE_CAPACITY, index, 'energyKwh', {
          pointId: session.pointId,
          energyKwh: energy,
          kw: point.kw,
          hours: round(hours, 2),
          maxKwh: round(maxKwh, 2),
        });
      }
    }
    const insidePeriod = start >= period.startMs && start < period.endMs;
    if (!insidePeriod) {
      add(SESSION_FINDINGS.SESSION_OUTSIDE_PERIOD, index, 'start', {
        start: iso(start),
        periodStart: iso(period.startMs),
        periodEnd: iso(period.endMs),
      });
    } else if (end > period.endMs) {
      add(SESSION_FINDINGS.SESSION_ENDS_AFTER_PERIOD, index, 'end', {
        end: iso(end),
        periodEnd: iso(period.endMs),
      });
    }
    if (point?.commissionedMs != null && start < point.commissionedMs) {
      add(SESSION_FINDINGS.SESSION_BEFORE_COMMISSIONING, index, 'start', {
        pointId: session.pointId,
        start: iso(start),
        commissionedAt: iso(point.commissionedMs),
      });
    }
    if (point?.decommissionedMs != null && start >= point.decommissionedMs) {
      add(SESSION_FINDINGS.SESSION_AFTER_DECOMMISSIONING, index, 'start', {
        pointId: session.pointId,
        start: iso(start),
        decommissionedAt: iso(point.decommissionedMs),
      });
    }
    if (insidePeriod && energyValid && energy >= 0) energyKwh += energy;
  }

  for (const [pointId, indices] of byPoint) {
    findOverlaps(indices, starts, ends, (index, previous) =>
      add(SESSION_FINDINGS.SESSION_OVERLAP, index, 'start', {
        pointId,
        start: new Date(starts[index] as number).toISOString(),
        otherRow: sessions[previous]?.row ?? null,
        otherEntry: previous + 1,
        otherEnd: new Date(ends[previous] as number).toISOString(),
      }),
    );
  }
  const sorted = findings
    .map((item, i) => ({ item, at: order[i] as number, i }))
    .sort((a, b) => a.at - b.at || a.i - b.i)
    .map(({ item }) => item);
  return { findings: sorted, kept, duplicatesDropped, energyKwh };
}

/**
 * Sorts one point's sessions by start and reports each session that starts before the latest
 * end seen so far (the session holding that end is named as the other one). Touching sessions
 * (start == previous end) do not overlap.
 */
function findOverlaps(
  indices: number[],
  starts: Float64Array,
  ends: Float64Array,
  report: (index: number, previous: number) => void,
): void {
  indices.sort((a, b) => (starts[a] as number) - (starts[b] as number) || a - b);
  let latest = -1;
  for (const index of indices) {
    if (latest >= 0 && (starts[index] as number) < (ends[latest] as number)) report(index, latest);
    if (latest < 0 || (ends[index] as number) > (ends[latest] as number)) latest = index;
  }
}

function indexPoints(points: Iterable<ChargingPointInput>, timeZone: string): Map<string, Point> {
  const index = new Map<string, Point>();
  let i = 0;
  for (const point of points) {
    const at = (field: 'commissionedAt' | 'decommissionedAt'): number | null => {
      const value = point[field];
      if (value === undefined || value === null) return null;
      const ms = toEpochMs(value, timeZone);
      if (ms === null) {
        throw new RuleInputError(
          `points[${i}].${field}`,
          `${JSON.stringify(value)} is not a valid date`,
        );
      }
      return ms;
    };
    if (!(typeof point.kw === 'number' && point.kw > 0 && Number.isFinite(point.kw))) {
      throw new RuleInputError(
        `points[${i}].kw`,
        `${JSON.stringify(point.kw)} is not a positive number`,
      );
    }
    index.set(point.pointId, {
      kw: point.kw,
      commissionedMs: at('commissionedAt'),
      decommissionedMs: at('decommissionedAt'),
    });
    i += 1;
  }
  return index;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
