/**
 * Takes the parsed rows of one upload into the database: rows for unknown charging points and
 * rows the domain's session rules call errors are rejected (row report in `importfehler`),
 * duplicates on (charging point, start) are dropped, within the file and against sessions
 * stored before, and the rest inserted. All in one transaction together with the upload's
 * status and counts, so a crash leaves the upload as it was and a re-delivered job starts again
 * from a clean state.
 */
import { Op } from 'sequelize';
import {
  checkSessions,
  type Berichtszeitraum,
  type Database,
  type Finding,
  type Upload,
  importMessageExcerpt,
  importValueExcerpt,
} from '../../domain/index.js';
import {
  offsetMinutesOf,
  type ParsedRow,
  type ParsedSession,
  type RowRejection,
} from './session-row.js';

/** The counts of an import and the warnings of the rules (rows kept despite them). */
export interface SessionsImportSummary {
  total: number;
  imported: number;
  rejected: number;
  /** Of the rejected: duplicates dropped (in the file or stored before). */
  duplicates: number;
  warnings: Finding[];
  rejections: RowRejection[];
}

/** Column names of the row report per session field, by file format. */
export type FieldColumns = Record<'pointId' | 'start' | 'end' | 'energyKwh', string>;

const BATCH = 1000;

interface Point {
  id: string;
  kw: number;
  commissionedAt: string | null;
  decommissionedAt: string | null;
}

/** Imports the rows; the upload row is updated in the same transaction. */
export async function importSessions(
  db: Database,
  input: {
    upload: Upload;
    period: Berichtszeitraum;
    rows: AsyncIterable<ParsedRow>;
    columns: FieldColumns;
  },
): Promise<SessionsImportSummary> {
  const points = await pointsOfCase(db, input.upload.foerderfallId);
  const rejections: RowRejection[] = [];
  const sessions: ParsedSession[] = [];
  let total = 0;
  for await (const row of input.rows) {
    total += 1;
    if (row.kind === 'rejected') rejections.push(row.rejection);
    else if (!points.has(row.session.pointId)) {
      rejections.push({
        row: row.session.row,
        column: input.columns.pointId,
        value: row.session.pointId,
        code: 'SESSION_POINT_UNKNOWN',
        message: `Zeile ${row.session.row}: Ladepunkt „${row.session.pointId}“ gehört nicht zu diesem Förderfall (EVSE-ID im Standort erfassen).`,
      });
    } else sessions.push(row.session);
  }

  const period = { from: input.period.von, to: input.period.bis };
  const check = checkSessions(sessions, {
    period,
    points: [...points].map(([pointId, point]) => ({
      pointId,
      kw: point.kw,
      commissionedAt: point.commissionedAt,
      decommissionedAt: point.decommissionedAt,
    })),
  });
  const rejectedRows = new Set(rejections.map((r) => r.row));
  const sessionAt = new Map(sessions.map((s) => [s.row, s]));
  const warnings: Finding[] = [];
  for (const finding of check.findings) {
    if (finding.code === 'SESSION_DUPLICATES_DROPPED') continue; // reported per row below
    if (finding.severity !== 'error' || finding.row === undefined) {
      warnings.push(finding);
      continue;
    }
    const field = /\.(\w+)$/.exec(finding.path)?.[1] as keyof FieldColumns | undefined;
    const session = sessionAt.get(finding.row);
    rejections.push({
      row: finding.row,
      column: field && field in input.columns ? input.columns[field] : null,
      value: session && field && field in session ? String(session[field]) : null,
      code: finding.code,
      message: finding.message,
    });
    rejectedRows.add(finding.row);
  }
  let duplicates = 0;
  const kept = new Set(check.kept);
  const firstRowOf = new Map<string, number>();
  for (const session of sessions) {
    const key = `${session.pointId}\u0000${Date.parse(session.start)}`;
    if (kept.has(session)) {
      if (!firstRowOf.has(key)) firstRowOf.set(key, session.row);
      continue;
    }
    duplicates += 1;
    rejectedRows.add(session.row);
    rejections.push({
      row: session.row,
      column: input.columns.start,
      value: session.start,
      code: 'SESSION_DUPLICATE',
      message: `Zeile ${session.row}: doppelter Ladevorgang (gleicher Ladepunkt und Beginn wie Zeile ${firstRowOf.get(key) ?? '?'}), verworfen.`,
    });
  }

  const toInsert = check.kept.filter((s) => !rejectedRows.has(s.row));
  const stored = await storedStarts(db, toInsert, points);
  const fresh = toInsert.filter((s) => {
    if (!stored.has(`${points.get(s.pointId)!.id}\u0000${Date.parse(s.start)}`)) return true;
    duplicates += 1;
    rejectedRows.add(s.row);
    rejections.push({
      row: s.row,
      column: input.columns.start,
      value: s.start,
      code: 'SESSION_ALREADY_STORED',
      message: `Zeile ${s.row}: dieser Ladevorgang (gleicher Ladepunkt und Beginn) ist bereits gespeichert, verworfen.`,
    });
    return false;
  });
  rejections.sort((a, b) => a.row - b.row);

  await db.sequelize.transaction(async (transaction) => {
    const uploadId = input.upload.id;
    await db.models.Importfehler.destroy({ where: { uploadId }, transaction });
    for (let i = 0; i < fresh.length; i += BATCH) {
      await db.models.Ladevorgang.bulkCreate(
        fresh.slice(i, i + BATCH).map((s) => ({
          ladepunktId: points.get(s.pointId)!.id,
          uploadId,
          beginn: new Date(Date.parse(s.start)),
          ende: new Date(Date.parse(s.end)),
          utcOffsetMinuten: offsetMinutesOf(s.start),
          energieKwh: s.energyKwh.toFixed(3),
          zaehlerstandBeginnWh: s.meterStartWh === null ? null : Math.round(s.meterStartWh),
          zaehlerstandEndeWh: s.meterEndWh === null ? null : Math.round(s.meterEndWh),
          maxKw: s.maxKw === null ? null : s.maxKw.toFixed(2),
          beendigungsgrund: (s.stopReason as never) ?? null,
        })),
        { transaction, validate: false },
      );
    }
    for (let i = 0; i < rejections.length; i += BATCH) {
      await db.models.Importfehler.bulkCreate(
        rejections.slice(i, i + BATCH).map((r) => ({
          uploadId,
          zeile: r.row,
          spalte: r.column,
          wert: importValueExcerpt(r.value),
          code: r.code,
          meldung: importMessageExcerpt(r.message),
        })),
        { transaction },
      );
    }
    await input.upload.update(
      {
        status: 'VERARBEITET',
        zeilenGesamt: total,
        zeilenUebernommen: fresh.length,
        zeilenAbgelehnt: rejectedRows.size,
      },
      { transaction },
    );
  });
  return {
    total,
    imported: fresh.length,
    rejected: rejectedRows.size,
    duplicates,
    warnings,
    rejections,
  };
}

/** The case's charging points by EVSE-ID, with the kW of their group. */
async function pointsOfCase(db: Database, caseId: string): Promise<Map<string, Point>> {
  const standorte = await db.models.Standort.findAll({ where: { foerderfallId: caseId } });
  const gruppen = standorte.length
    ? await db.models.Ladesaeulengruppe.findAll({
        where: { standortId: standorte.map((s) => s.id) },
      })
    : [];
  const punkte = gruppen.length
    ? await db.models.Ladepunkt.findAll({
        where: { ladesaeulengruppeId: gruppen.map((g) => g.id), evseId: { [Op.ne]: null } },
      })
    : [];
  const kw = new Map(gruppen.map((g) => [g.id, Number(g.kwProLadepunkt)]));
  const inbetrieb = new Map(gruppen.map((g) => [g.id, g.inbetriebnahme ?? null]));
  return new Map(
    punkte.map((p) => [
      p.evseId!,
      {
        id: p.id,
        kw: kw.get(p.ladesaeulengruppeId) ?? 0,
        commissionedAt: p.inbetriebnahme ?? inbetrieb.get(p.ladesaeulengruppeId) ?? null,
        decommissionedAt: p.stilllegung ?? null,
      },
    ]),
  );
}

/** Keys `pointId\0startMs` of sessions already stored for these points in the time span. */
async function storedStarts(
  db: Database,
  sessions: readonly ParsedSession[],
  points: Map<string, Point>,
): Promise<Set<string>> {
  if (sessions.length === 0) return new Set();
  let first = Infinity;
  let last = -Infinity;
  for (const session of sessions) {
    const start = Date.parse(session.start);
    first = Math.min(first, start);
    last = Math.max(last, start);
  }
  const rows = await db.models.Ladevorgang.findAll({
    attributes: ['ladepunktId', 'beginn'],
    where: {
      ladepunktId: [...new Set(sessions.map((s) => points.get(s.pointId)!.id))],
      beginn: { [Op.between]: [new Date(first), new Date(last)] },
    },
    raw: true,
  });
  return new Set(rows.map((r) => `${r.ladepunktId}\u0000${new Date(r.beginn).getTime()}`));
}
