/**
 * Gives the demo applicant something of their own: links their login to up to `count` demo
 * cases that are past registration (as if they had redeemed the invitations), one of each of the
 * positions the demo instances put cases in first (waiting for master data, for review, for a
 * report), so logging in as the demo applicant shows cases and their tasks. Idempotent.
 */
import { Op } from 'sequelize';
import type { Database } from '../../../domain/index.js';
import type { DemoUser } from './demo-users.js';

/** Links the demo applicant's account to demo cases; returns the linked case ids. */
export async function linkDemoApplicant(
  db: Database,
  applicant: DemoUser,
  count = 3,
): Promise<string[]> {
  const { Konto, Person, PersonFoerderfall, Foerderfall } = db.models;
  const konto = await Konto.findOne({ where: { email: applicant.email } });
  if (!konto) return [];
  const existing = await Person.findOne({ where: { oidcSubject: konto.id } });
  if (existing) {
    const linked = await PersonFoerderfall.findAll({ where: { personId: existing.id } });
    if (linked.length > 0) return linked.map((l) => l.foerderfallId);
  }
  const past = await Foerderfall.findAll({
    where: { status: { [Op.notIn]: ['IMPORTIERT', 'EINGELADEN'] } },
    order: [['antragsnummer', 'ASC']],
    attributes: ['id', 'status'],
  });
  const firstOf = ['REGISTRIERT', 'STAMMDATEN_VOLLSTAENDIG', 'BERICHTSPFLICHTIG']
    .map((status) => past.find((c) => c.status === status))
    .filter((c) => c !== undefined);
  const cases = [...new Set([...firstOf, ...past])].slice(0, count);
  // Without demo cases (not seeded yet) nothing is created.
  if (cases.length === 0) return [];
  const person =
    existing ??
    (await Person.create({
      vorname: applicant.vorname,
      nachname: applicant.nachname,
      email: applicant.email,
      oidcSubject: konto.id,
    }));
  for (const c of cases)
    await PersonFoerderfall.create({
      personId: person.id,
      foerderfallId: c.id,
      rolle: 'BEVOLLMAECHTIGTER',
    });
  return cases.map((c) => c.id);
}
