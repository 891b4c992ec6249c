/**
 * Everything the platform holds about the caller (Art. 15 GDPR), as one JSON document: the
 * account (without its password hash), the person records linked to the login, the cases linked
 * to them with recipient and locations, the review findings on those cases (open and resolved)
 * and their completion confirmations, the reports they submitted, the files they uploaded
 * (metadata), invitations to or from them, drafts, saved filters, sessions (without tokens) and
 * the audit events by or about them. Producing it is itself an audit event.
 */
import { Op } from 'sequelize';
import type { Database } from '../../../../domain/index.js';
import type { Principal } from '../../http/principal.js';
import { confirmationsOf, findingsOf } from '../cases/case-findings.js';

type Row = { toJSON(): object };
const plain = (rows: Row[]) => rows.map((r) => r.toJSON() as Record<string, unknown>);
const without = (row: Record<string, unknown>, ...keys: string[]) =>
  Object.fromEntries(Object.entries(row).filter(([k]) => !keys.includes(k)));

/** The caller's data. */
export async function collectSubjectData(
  db: Database,
  principal: Principal,
  requestId: string,
): Promise<Record<string, unknown>> {
  const m = db.models;
  const subject = principal.subject;
  const konto = await m.Konto.findByPk(subject);
  const email = konto?.email ?? principal.email;
  const people = await m.Person.findAll({
    where: { [Op.or]: [{ oidcSubject: subject }, ...(email ? [{ email }] : [])] },
    order: [['createdAt', 'ASC']],
  });
  const personIds = people.map((p) => p.id);
  const links = personIds.length
    ? await m.PersonFoerderfall.findAll({ where: { personId: { [Op.in]: personIds } } })
    : [];
  const caseIds = [...new Set(links.map((l) => l.foerderfallId))];
  const cases = caseIds.length
    ? await m.Foerderfall.findAll({
        where: { id: { [Op.in]: caseIds } },
        include: [
          { model: m.Zuwendungsempfaenger, as: 'zuwendungsempfaenger' },
          { model: m.Standort, as: 'standorte' },
        ],
        order: [['antragsnummer', 'ASC']],
      })
    : [];
  const inPeople = { [Op.in]: personIds };
  const [reports, uploads, invitations, drafts, filters, sessions, audit] = await Promise.all([
    personIds.length
      ? m.Nutzungsbericht.findAll({ where: { eingereichtVonPersonId: inPeople } })
      : [],
    personIds.length ? m.Upload.findAll({ where: { personId: inPeople } }) : [],
    m.Einladung.findAll({
      where: {
        [Op.or]: [
          ...(email ? [{ email }] : []),
          ...(personIds.length
            ? [{ erstelltVonPersonId: inPeople }, { eingeloestVonPersonId: inPeople }]
            : []),
        ],
      },
    }),
    m.Entwurf.findAll({ where: { subjekt: subject } }),
    m.GespeicherterFilter.findAll({ where: { subjekt: subject } }),
    m.Sitzung.findAll({ where: { subjekt: subject } }),
    m.AuditEvent.findAll({
      where: {
        [Op.or]: [{ akteurId: subject }, { objektId: { [Op.in]: [subject, ...personIds] } }],
      },
      order: [['createdAt', 'ASC']],
    }),
  ]);
  const [findings, confirmations] = await Promise.all([
    findingsOf(db, caseIds, false),
    confirmationsOf(db, caseIds),
  ]);
  const document = {
    erstelltAm: new Date().toISOString(),
    rechtsgrundlage: 'Art. 15 DSGVO',
    konto: konto ? without(konto.toJSON() as Record<string, unknown>, 'passwortHash') : null,
    personen: plain(people),
    faelle: cases.map((c) => ({
      rollen: links.filter((l) => l.foerderfallId === c.id).map((l) => l.rolle),
      ...(c.toJSON() as Record<string, unknown>),
    })),
    befunde: findings,
    abschlussbestaetigungen: confirmations,
    nutzungsberichte: plain(reports),
    uploads: plain(uploads).map((u) => without(u, 'speicherSchluessel')),
    einladungen: plain(invitations).map((i) => without(i, 'tokenHash')),
    entwuerfe: plain(drafts),
    gespeicherteFilter: plain(filters),
    sitzungen: plain(sessions).map((s) => without(s, 'tokenHash', 'idToken', 'anmeldung')),
    protokoll: plain(audit),
  };
  await m.AuditEvent.create({
    akteurTyp: 'PERSON',
    akteurId: subject,
    aktion: 'personendaten.auskunft',
    objektTyp: 'konto',
    objektId: subject,
    korrelationId: requestId,
  });
  return document;
}
