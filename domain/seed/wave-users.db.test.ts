import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { WaveSeedOptionsError, seedWaveUsers, waveEmail } from './wave-users.js';

describe('seedWaveUsers', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(() => t.close());

  it('creates applicant accounts, each linked through its person to a case of its own', async () => {
    // given an empty, migrated database
    // when a wave of 3 is seeded
    const report = await seedWaveUsers(t.db, { users: 3, passwordHash: 'scrypt$1$1$1$a$b' });
    // then three verified applicant accounts exist, each the applicant of one case
    expect(report.created).toBe(3);
    expect(report.users.map((u) => u.email)).toEqual([1, 2, 3].map(waveEmail));
    const m = t.db.models;
    for (const user of report.users) {
      const konto = await m.Konto.findOne({ where: { email: user.email } });
      expect(konto?.rollen).toEqual(['applicant']);
      expect(konto?.emailBestaetigtAm).not.toBeNull();
      expect(konto?.passwortHash).toBe('scrypt$1$1$1$a$b');
      const person = await m.Person.findOne({ where: { oidcSubject: konto!.id } });
      const links = await m.PersonFoerderfall.findAll({ where: { personId: person!.id } });
      expect(links.map((l) => [l.foerderfallId, l.rolle])).toEqual([
        [user.caseId, 'ANTRAGSTELLER'],
      ]);
      expect(user.processInstanceKey).toBeNull();
    }
    expect(new Set(report.users.map((u) => u.caseId)).size).toBe(3);
  });

  it('keeps what exists and creates only the missing accounts on a larger re-run', async () => {
    // given the wave of 3 and a started instance for the first case
    const m = t.db.models;
    const first = await seedWaveUsers(t.db, { users: 1, passwordHash: 'x' });
    await m.Foerderfall.update(
      { prozessInstanzKey: '2251799813685249' },
      { where: { id: first.users[0]!.caseId } },
    );
    // when a wave of 5 is seeded
    const report = await seedWaveUsers(t.db, { users: 5, passwordHash: 'scrypt$1$1$1$a$b' });
    // then only 2 accounts are new, and the first case keeps its instance
    expect(report.created).toBe(2);
    expect(report.users[0]!.processInstanceKey).toBe('2251799813685249');
    expect(await m.Konto.count()).toBe(5);
    expect(await m.Foerderfall.count()).toBe(5);
  });

  it('refuses a size out of range with a clear error and writes nothing', async () => {
    const before = await t.db.models.Konto.count();
    await expect(seedWaveUsers(t.db, { users: 0, passwordHash: 'x' })).rejects.toThrow(
      WaveSeedOptionsError,
    );
    await expect(seedWaveUsers(t.db, { users: 1.5, passwordHash: 'x' })).rejects.toThrow(
      /users must be a whole number from 1 to 20000, got 1.5/,
    );
    expect(await t.db.models.Konto.count()).toBe(before);
  });
});
