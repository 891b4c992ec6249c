/**
 * What a login leaves in the domain: the person's last login time (if the login is linked to a
 * person) and an audit event (login data, `direct` personal data, see docs/data-model.md).
 */
import type { Database } from '../../../domain/index.js';
import type { Principal } from '../http/principal.js';

/** Records a successful login of `principal`. */
export async function recordLogin(
  db: Database,
  principal: Principal,
  now: Date = new Date(),
): Promise<void> {
  await db.models.Person.update(
    { letzteAnmeldungAm: now },
    { where: { oidcSubject: principal.subject } },
  );
  await db.models.AuditEvent.create({
    akteurTyp: 'PERSON',
    akteurId: principal.subject,
    aktion: 'anmeldung',
    objektTyp: 'sitzung',
    objektId: null,
    nachher: { rollen: principal.roles },
  });
}
