/**
 * Filing an Änderungsmeldung (the start form `aenderungsmeldung` of the process of that name):
 * validated against the form's current version, what changed is written to the case's tables in
 * one transaction with its audit event (new contact linked as Ansprechpartner, a new operator for
 * the case's locations, decommissioned points `STILLGELEGT` from the effective date; a
 * replacement is kept in the audit event), then `change-notice-filed` starts the officer's review
 * (`change-notice-apply` records the approval). The engine is checked first, so a filing that
 * cannot start its review writes nothing.
 */
import { randomUUID } from 'node:crypto';
import { Op } from 'sequelize';
import { MESSAGES, type Database } from '../../../../../domain/index.js';
import type { EngineClient } from '../../../engine-client/engine-client.js';
import { DependencyUnavailableError, RequestInvalidError } from '../../../http/portal-errors.js';
import type { Principal } from '../../../http/principal.js';
import type { FormRegistry } from '../../forms/form-registry.js';
import { formDataMismatch } from '../../tasks/writers/form-data-mismatch.js';
import { given, obj } from '../../tasks/writers/form-writer.js';

/** The form id of the filing. */
export const changeNoticeForm = 'aenderungsmeldung';

/** What the filing did. */
export interface FiledChangeNotice {
  changeNoticeId: string;
  tables: string[];
}

/** Files the change notice `data` for `caseId`. */
export async function fileChangeNotice(
  deps: { db: Database; engine: EngineClient | undefined; forms: FormRegistry },
  input: { principal: Principal; caseId: string; data: unknown; requestId: string },
  now = new Date(),
): Promise<FiledChangeNotice> {
  if (!deps.engine) throw new DependencyUnavailableError('Engine (Nachrichten)');
  const result = await deps.forms.validate(changeNoticeForm, input.data);
  if (!result.valid)
    throw new RequestInvalidError(
      result.errors.map((e) => ({ path: `/body/data${e.path}`, message: e.message })),
    );
  const data = input.data as Record<string, unknown>;
  const kinds = new Set(
    Array.isArray(data.aenderungsarten) ? (data.aenderungsarten as string[]) : [],
  );
  const effective =
    typeof data.wirksamAb === 'string' ? data.wirksamAb : now.toISOString().slice(0, 10);
  const changeNoticeId = randomUUID();
  const m = deps.db.models;
  const tables: string[] = [];
  await deps.db.sequelize.transaction(async (transaction) => {
    const locations = await m.Standort.findAll({
      where: { foerderfallId: input.caseId },
      attributes: ['id'],
      transaction,
    });
    if (kinds.has('KONTAKT')) {
      const k = obj(data.kontakt);
      const email = String(k.email).trim().toLowerCase();
      const [person] = await m.Person.findOrCreate({
        where: { email },
        defaults: { email, vorname: String(k.vorname), nachname: String(k.nachname) },
        transaction,
      });
      await person.update(
        given({
          anrede: k.anrede,
          vorname: k.vorname,
          nachname: k.nachname,
          telefon: k.telefon,
        }) as never,
        { transaction },
      );
      await m.PersonFoerderfall.findOrCreate({
        where: { personId: person.id, foerderfallId: input.caseId, rolle: 'ANSPRECHPARTNER' },
        transaction,
      });
      tables.push('person', 'person_foerderfall');
    }
    if (kinds.has('BETREIBERWECHSEL')) {
      const b = obj(data.betreiberwechsel);
      const a = obj(b.anschrift);
      const operator = await m.Betreiber.create(
        given({
          name: b.name,
          evseOperatorId: b.evseOperatorId,
          email: b.email,
          strasse: a.strasse,
          hausnummer: a.hausnummer,
          plz: a.plz,
          ort: a.ort,
        }) as never,
        { transaction },
      );
      if (locations.length > 0)
        await m.Standort.update(
          { betreiberId: operator.id },
          { where: { id: { [Op.in]: locations.map((l) => l.id) } }, transaction },
        );
      tables.push('betreiber', 'standort');
    }
    if (kinds.has('STILLLEGUNG')) {
      const evseIds = (obj(data.stilllegung).evseIds ?? []) as string[];
      const groups = locations.length
        ? await m.Ladesaeulengruppe.findAll({
            where: { standortId: { [Op.in]: locations.map((l) => l.id) } },
            attributes: ['id'],
            transaction,
          })
        : [];
      const points = groups.length
        ? await m.Ladepunkt.findAll({
            where: {
              ladesaeulengruppeId: { [Op.in]: groups.map((g) => g.id) },
              evseId: { [Op.in]: evseIds },
            },
            transaction,
          })
        : [];
      for (const [index, evseId] of evseIds.entries()) {
        const point = points.find((p) => p.evseId === evseId);
        if (!point)
          throw formDataMismatch(
            `stilllegung/evseIds/${index}`,
            `Der Ladepunkt ${evseId} gehört nicht zu diesem Förderfall`,
          );
        await point.update({ status: 'STILLGELEGT', stilllegung: effective }, { transaction });
      }
      if (evseIds.length > 0) tables.push('ladepunkt');
    }
    // A replacement (ERSATZ) and remarks have no table of their own: the audit event keeps them.
    await m.AuditEvent.create(
      {
        akteurTyp: 'PERSON',
        akteurId: input.principal.subject,
        aktion: 'aenderungsmeldung.eingereicht',
        objektTyp: 'aenderungsmeldung',
        objektId: changeNoticeId,
        foerderfallId: input.caseId,
        nachher: { tables, data },
        korrelationId: input.requestId,
      },
      { transaction },
    );
  });
  // After the commit: a failed publication is answered 503 and the person files again; the
  // writes above are updates to the same state, except a second operator row.
  await deps.engine.publishMessage({
    name: MESSAGES.changeNoticeFiled.name,
    correlationKey: input.caseId,
    messageId: `${MESSAGES.changeNoticeFiled.name}:${changeNoticeId}`,
    variables: { caseId: input.caseId, changeNoticeId },
  });
  return { changeNoticeId, tables };
}
