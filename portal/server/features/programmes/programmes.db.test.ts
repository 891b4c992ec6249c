/** Programmes over HTTP: a new programme is data (validated, audited), a change keeps the code. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, demoUsers } from '../../identity/demo-users.js';
import { accessTokenFor } from '../../testing/api-token.js';
import { startTestPortal, type TestPortal } from '../../testing/test-portal.js';

const secret = 'programmes-secret';
const kfw442 = {
  code: 'KFW_442',
  name: 'Solarstrom für Elektrofahrzeuge (442)',
  kfwProgrammnummer: '442',
  empfaengertypen: ['NATUERLICHE_PERSON'],
  foerderquoteProzent: null,
  maxZuschussProLadepunkt: null,
  maxZuschussProStandort: '10200.00',
  pauschaleProLadepunkt: '600.00',
  maxKwProLadepunkt: 11,
  zugang: null,
  privaterStellplatz: true,
  oekostromPflicht: true,
  roamingPflicht: false,
  adHocLadenPflicht: false,
  zweckbindungJahre: 3,
  berichtsrhythmus: 'JAEHRLICH',
};

describe('programmes', () => {
  let p: TestPortal;
  let admin: string;
  let officer: string;
  const call = async (token: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${p.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };

  beforeAll(async () => {
    p = await startTestPortal({ identity: { kind: 'embedded', clientSecret: secret } });
    const email = (role: string) => demoUsers.find((u) => u.roles[0] === role)!.email;
    admin = await accessTokenFor(p.url, secret, email('admin'), demoPassword);
    officer = await accessTokenFor(p.url, secret, email('case-officer'), demoPassword);
  });
  afterAll(() => p.close());

  it('lists the programmes of the migrations', async () => {
    const list = await call(officer, 'GET', '/api/programmes');
    expect(list.status).toBe(200);
    expect(list.body.map((x: { code: string }) => x.code)).toEqual([
      'KFW_439',
      'KFW_440',
      'KFW_441',
      'LIS_VOR_ORT',
    ]);
  });

  it('adds a programme as data, once, and audits it', async () => {
    // when an admin adds KfW 442 twice
    const first = await call(admin, 'POST', '/api/programmes', kfw442);
    const second = await call(admin, 'POST', '/api/programmes', kfw442);
    // then it exists with normalised amounts, and the second is a conflict
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      code: 'KFW_442',
      pauschaleProLadepunkt: '600.00',
      maxKwProLadepunkt: '11.00',
      aktiv: true,
    });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('PROGRAMME_CODE_TAKEN');
    const row = await p.t.db.models.Programm.findOne({ where: { code: 'KFW_442' } });
    const audit = await p.t.db.models.AuditEvent.findOne({
      where: { aktion: 'programm.angelegt', objektId: row!.id },
    });
    expect(audit?.nachher).toMatchObject({ code: 'KFW_442' });
  });

  it('refuses bad programmes field by field and stores nothing', async () => {
    // when the data break the rules
    const bad = await call(admin, 'POST', '/api/programmes', {
      ...kfw442,
      code: 'kfw-443',
      empfaengertypen: ['MARSMENSCH'],
      zweckbindungJahre: 0,
      pauschaleProLadepunkt: null,
    });
    // then each problem is named and nothing was added
    expect(bad.status).toBe(400);
    const paths = bad.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['/body/code', '/body/empfaengertypen/0', '/body/zweckbindungJahre']),
    );
    expect(await p.t.db.models.Programm.count()).toBe(5);
    const officerTries = await call(officer, 'POST', '/api/programmes', { ...kfw442, code: 'X_1' });
    expect(officerTries.status).toBe(403);
  });

  it('changes a programme, keeps its code, audits before and after', async () => {
    // when an admin deactivates KfW 439 and lowers its cap
    const changed = await call(admin, 'PATCH', '/api/programmes/KFW_439', {
      aktiv: false,
      maxZuschussProLadepunkt: '850',
    });
    // then the programme shows it and the audit keeps both states
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      code: 'KFW_439',
      aktiv: false,
      maxZuschussProLadepunkt: '850.00',
    });
    const row = await p.t.db.models.Programm.findOne({ where: { code: 'KFW_439' } });
    const audit = await p.t.db.models.AuditEvent.findOne({
      where: { aktion: 'programm.geaendert', objektId: row!.id },
    });
    expect(audit?.vorher).toMatchObject({ aktiv: true, maxZuschussProLadepunkt: '900.00' });
    expect(audit?.nachher).toMatchObject({ aktiv: false, maxZuschussProLadepunkt: '850.00' });
    // and a change that leaves no grant, a code change or an unknown programme is refused
    const noGrant = await call(admin, 'PATCH', '/api/programmes/KFW_439', {
      foerderquoteProzent: null,
    });
    expect(noGrant.status).toBe(400);
    expect(noGrant.body.errors[0].path).toBe('/body/foerderquoteProzent');
    expect((await call(admin, 'PATCH', '/api/programmes/KFW_439', { code: 'NEU' })).status).toBe(
      400,
    );
    expect((await call(admin, 'PATCH', '/api/programmes/KFW_999', { aktiv: true })).status).toBe(
      404,
    );
  });
});
