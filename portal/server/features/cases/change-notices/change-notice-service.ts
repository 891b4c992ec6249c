/**
 * Filing an Änderungsmeldung (the start form `aenderungsmeldung` of the process of that name):
 * validated against the form's current version, what changed is written to the case's tables in
 * one transaction with its audit event (new contact linked as Ansprechpartner, a new operator for
 * the case's locations, decommissioned points `STILLGELEGT` from the effective date; a
 * replacement is kept in the audit event), then `change-notice-filed` starts the officer's review
 * (`change-notice-apply` records the approval). The engine is checked first, so a filing that
 * cannot start its review writes nothing.
 *
 * The message is published after the commit. When that fails the caller gets 503 and files again
 * with the same `idempotencyKey`: the notice then keeps its id, nothing is written a second time
 * (no second operator row), and the message is published with the same message id, so the review
 * starts once. The same key with other data is refused (`IDEMPOTENCY_KEY_REUSED`).
 */
import { createHash, randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { Op } from 'sequelize';
import { MESSAGES, type Database } from '../../../../../domain/index.js';
import type { EngineClient } from '../../../engine-client/engine-client.js';
import {
  ConflictError,
  DependencyUnavailableError,
  RequestInvalidError,
} from '../../../http/portal-errors.js';
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

/** The audit action of a filing; its `objektId` is the notice's id. */
const filed = 'aenderungsmeldung.eingereicht';

/**
 * The notice id of a filing: random, or derived from the caller's idempotency key (per case and
 * person), so a retry finds the first attempt's audit event by its id.
 */
function noticeId(caseId: string, subject: string, idempotencyKey: string | undefined): string {
  if (!idempotencyKey) return randomUUID();
  const hex = createHash('sha256').update(`${caseId}\0${subject}\0${idempotencyKey}`).digest('hex');
  // A version-4-shaped UUID, so the id looks like every other notice id.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Files the change notice `data` for `caseId`. */
export async function fileChangeNotice(
  deps: { db: Database; engine: EngineClient | undefined; forms: FormRegistry },
  input: {
    principal: Principal;
    caseId: string;
    data: unknown;
    requestId: string;
    /** Chosen by the client per notice; a retry with the same key files nothing twice. */
    idempotencyKey?: string;
  },
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
  const changeNoticeId = noticeId(input.caseId, input.principal.subject, input.idempotencyKey);
  const m = deps.db.models;
  const earlier = input.idempotencyKey
    ? await m.AuditEvent.findOne({
        where: { aktion: filed, objektTyp: 'aenderungsmeldung', objektId: changeNoticeId },
      })
    : null;
  if (earlier) {
    const before = earlier.nachher as { tables?: string[]; data?: unknown } | null;
    if (!isDeepStrictEqual(before?.data, data))
      throw new ConflictError(
        'IDEMPOTENCY_KEY_REUSED',
        'Dieser idempotencyKey gehört zu einer anderen Änderungsmeldung',
      );
    await publishFiled(deps.engine, input.caseId, changeNoticeId);
    return { changeNoticeId, tables: before?.tables ?? [] };
  }
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
        aktion: filed,
        objektTyp: 'aenderungsmeldung',
        objektId: changeNoticeId,
        foerderfallId: input.caseId,
        nachher: { tables, data },
        korrelationId: input.requestId,
      },
      { transaction },
    );
  });
  // After the commit: a failed publication is answered 503 and the person files again with the
  // same idempotency key, which publishes without writing again.
  await publishFiled(deps.engine, input.caseId, changeNoticeId);
  return { changeNoticeId, tables };
}

/**
 * Publishes `change-notice-filed` with a message id per notice. The engine refuses a second
 * message with the id while the first is buffered (ALREADY_EXISTS): that notice was published.
 */
async function publishFiled(engine: EngineClient, caseId: string, changeNoticeId: string) {
  try {
    await engine.publishMessage({
      name: MESSAGES.changeNoticeFiled.name,
      correlationKey: caseId,
      messageId: `${MESSAGES.changeNoticeFiled.name}:${changeNoticeId}`,
      variables: { caseId, changeNoticeId },
    });
  } catch (error) {
    if (/ALREADY_EXISTS|already (been )?published|already exists/i.test(String(error))) return;
    throw new DependencyUnavailableError('Engine (Nachrichten)', { cause: error });
  }
}
