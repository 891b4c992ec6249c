/**
 * An erasure request (Art. 17 GDPR) for the person with an e-mail address, handled as the
 * retention rules (`retention-rules.ts`) say: login data, drafts, filters and open invitations are
 * deleted; a person record linked to a case that must still be kept loses the contact details
 * the record does not need; funding records and the audit trail stay until their retention ends.
 * The answer lists what was deleted, what was anonymised and what is kept until when. One
 * transaction with its audit event; `dryRun` answers the same without changing anything.
 */
import { Op, type Transaction } from 'sequelize';
import type { Database } from '../../../../domain/index.js';
import { fundingRecordYears, retentionRuleOf } from './retention-rules.js';

/** What the request did (or would do). */
export interface ErasureReport {
  email: string;
  dryRun: boolean;
  deleted: { table: string; rows: number }[];
  anonymised: { table: string; rows: number; columns: readonly string[] }[];
  kept: { table: string; rows: number; until: string | null; reason: string }[];
}

/** Marks the request as a dry run: the transaction is rolled back after the report is built. */
class DryRun extends Error {
  constructor(readonly report: ErasureReport) {
    super('dry run');
  }
}

const addYears = (date: string, years: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
};

/** Handles the request for `email` on behalf of the admin `actor`. */
export async function eraseSubject(
  db: Database,
  request: { email: string; dryRun: boolean },
  actor: string,
  requestId: string,
  now = new Date(),
): Promise<ErasureReport> {
  const m = db.models;
  const email = request.email.trim().toLowerCase();
  const report: ErasureReport = {
    email,
    dryRun: request.dryRun,
    deleted: [],
    anonymised: [],
    kept: [],
  };
  const run = async (transaction: Transaction) => {
    const deleted = (table: string, rows: number) => {
      if (rows > 0) report.deleted.push({ table, rows });
    };
    const konto = await m.Konto.findOne({ where: { email }, transaction });
    const people = await m.Person.findAll({
      where: {
        [Op.or]: [{ email }, ...(konto ? [{ oidcSubject: konto.id }] : [])],
      },
      transaction,
    });
    const personIds = people.map((p) => p.id);
    const links = personIds.length
      ? await m.PersonFoerderfall.findAll({
          where: { personId: { [Op.in]: personIds } },
          transaction,
        })
      : [];
    const cases = links.length
      ? await m.Foerderfall.findAll({
          where: { id: { [Op.in]: [...new Set(links.map((l) => l.foerderfallId))] } },
          attributes: ['id', 'zweckbindungEnde'],
          transaction,
        })
      : [];
    // A case is kept until 10 years after its purpose binding ends; one whose binding has not
    // begun (no first commissioning yet) is kept with no end date known yet.
    const today = now.toISOString().slice(0, 10);
    const untilOf = new Map(
      cases.map((c) => [
        c.id,
        c.zweckbindungEnde ? addYears(c.zweckbindungEnde, fundingRecordYears) : null,
      ]),
    );
    const keptCases = cases.filter((c) => {
      const until = untilOf.get(c.id);
      return until === null || (until !== undefined && until > today);
    });
    const latest = (ids: string[]) => {
      const dates = ids.map((id) => untilOf.get(id));
      return dates.includes(null) ? null : (dates.filter(Boolean).sort().at(-1) ?? null);
    };

    // Login data and what exists only for the person.
    // The login's subject: the embedded account's id, or the external provider's `sub` that
    // the person records carry.
    const subjects = [
      ...new Set([
        ...(konto ? [konto.id] : []),
        ...people.map((p) => p.oidcSubject).filter((s): s is string => Boolean(s)),
      ]),
    ];
    if (subjects.length > 0) {
      const bySubject = { where: { subjekt: { [Op.in]: subjects } }, transaction };
      deleted('sitzung', await m.Sitzung.destroy(bySubject));
      deleted('entwurf', await m.Entwurf.destroy(bySubject));
      deleted('gespeicherter_filter', await m.GespeicherterFilter.destroy(bySubject));
    }
    if (konto) {
      deleted(
        'konto_token',
        await m.KontoToken.destroy({ where: { kontoId: konto.id }, transaction }),
      );
      await konto.destroy({ transaction });
      deleted('konto', 1);
    }
    deleted(
      'einladung',
      await m.Einladung.destroy({ where: { email, eingeloestAm: null }, transaction }),
    );

    // People: kept without contact details while a linked case is kept, otherwise deleted.
    const keptIds = new Set(keptCases.map((c) => c.id));
    const clears = retentionRuleOf('person')!.clears!;
    let anonymised = 0;
    for (const person of people) {
      const personCases = links.filter((l) => l.personId === person.id).map((l) => l.foerderfallId);
      if (personCases.some((id) => keptIds.has(id))) {
        await person.update(Object.fromEntries(clears.map((column) => [column, null])) as never, {
          transaction,
        });
        anonymised += 1;
      } else {
        await m.PersonFoerderfall.destroy({ where: { personId: person.id }, transaction });
        await person.destroy({ transaction });
        deleted('person', 1);
      }
    }
    if (anonymised > 0)
      report.anonymised.push({ table: 'person', rows: anonymised, columns: clears });

    // What stays, and until when.
    const keptLinks = links.filter((l) => keptIds.has(l.foerderfallId));
    if (keptCases.length > 0) {
      const until = latest(keptCases.map((c) => c.id));
      const reason = retentionRuleOf('foerderfall')!.basis;
      report.kept.push(
        {
          table: 'person',
          rows: anonymised,
          until,
          reason: 'Name und E-Mail als Nachweis in der Förderakte',
        },
        { table: 'person_foerderfall', rows: keptLinks.length, until, reason },
        { table: 'foerderfall', rows: keptCases.length, until, reason },
      );
      const redeemed = await m.Einladung.count({
        where: { email, eingeloestAm: { [Op.ne]: null } },
        transaction,
      });
      if (redeemed > 0) report.kept.push({ table: 'einladung', rows: redeemed, until, reason });
    }
    const about = {
      [Op.or]: [
        ...(konto ? [{ akteurId: konto.id }] : []),
        ...(personIds.length ? [{ objektId: { [Op.in]: personIds } }] : []),
      ],
    };
    const auditRows = await m.AuditEvent.count({ where: about, transaction });
    if (auditRows > 0) {
      // Each event is kept for the period from its own date; the newest one sets the end.
      const newest = (await m.AuditEvent.max('createdAt', { where: about, transaction })) as
        Date | string;
      report.kept.push({
        table: 'audit_event',
        rows: auditRows,
        until: addYears(new Date(newest).toISOString().slice(0, 10), fundingRecordYears),
        reason: retentionRuleOf('audit_event')!.basis,
      });
    }
    if (request.dryRun) throw new DryRun(report);
    await m.AuditEvent.create(
      {
        akteurTyp: 'PERSON',
        akteurId: actor,
        aktion: 'personendaten.loeschung',
        objektTyp: 'person',
        objektId: null,
        // The e-mail itself is what was erased: the event keeps the counts only.
        nachher: {
          deleted: report.deleted,
          anonymised: report.anonymised,
          kept: report.kept.map(({ table, rows, until }) => ({ table, rows, until })),
        },
        korrelationId: requestId,
      },
      { transaction },
    );
  };
  try {
    await db.sequelize.transaction(run);
  } catch (error) {
    if (error instanceof DryRun) return error.report;
    throw error;
  }
  return report;
}
