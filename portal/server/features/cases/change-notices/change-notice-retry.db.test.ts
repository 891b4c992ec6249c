/**
 * A change notice filed while the engine is down, and filed again with the same idempotency key
 * once it is back: the real `now engine` child process is stopped and a new one started, the
 * portal's engine client follows it (the SDK client is bound to one address). The retry writes
 * nothing twice and starts the review once.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../../../domain/index.js';
import { createSdkEngineClient, type EngineClient } from '../../../engine-client/engine-client.js';
import { demoPassword, demoUsers } from '../../../identity/demo-users.js';
import { BrowserClient, logIn } from '../../../testing/browser-client.js';
import {
  eventually,
  startEngineProcess,
  type EngineProcess,
} from '../../../testing/engine-process.js';
import { startTestPortal, type TestPortal } from '../../../testing/test-portal.js';

const applicant = demoUsers.find((u) => u.roles.includes('applicant'))!;
const model = new URL('../../../../../processes/aenderungsmeldung.bpmn', import.meta.url);

describe('filing a change notice again after the engine was unreachable', () => {
  let engine: EngineProcess;
  let client: EngineClient;
  let p: TestPortal;
  let caseId: string;
  let browser: BrowserClient;
  const notice = {
    aenderungsarten: ['BETREIBERWECHSEL'],
    wirksamAb: '2027-01-01',
    betreiberwechsel: { name: 'Ladenetz Lausitz GmbH', email: 'betrieb@example.org' },
  };
  const file = (data: unknown, idempotencyKey: string) =>
    browser.json(`${p.url}/api/cases/${caseId}/aenderungsmeldungen`, 'POST', {
      data,
      idempotencyKey,
    });
  const operators = () =>
    p.t.db.models.Betreiber.count({ where: { name: 'Ladenetz Lausitz GmbH' } });
  const reviews = async () =>
    (
      await engine.rest().searchUserTasks({
        filter: { elementId: 'Task_ReviewChangeNotice' },
      } as never)
    ).items.length;

  beforeAll(async () => {
    engine = await startEngineProcess();
    client = createSdkEngineClient(engine.sdk);
    // The portal keeps this object; its calls go to whichever engine runs now.
    const following: EngineClient = {
      topology: () => client.topology(),
      publishMessage: (message) => client.publishMessage(message),
      close: () => client.close(),
    };
    p = await startTestPortal({ engine: following });
    await seedDemo(p.t.db, { cases: 1 });
    const m = p.t.db.models;
    caseId = (await m.Foerderfall.findOne())!.id;
    await m.Standort.create({ foerderfallId: caseId, bezeichnung: 'Hof' });
    const konto = await m.Konto.findOne({ where: { email: applicant.email } });
    const person = await m.Person.create({
      vorname: 'Anna',
      nachname: 'Antrag',
      email: applicant.email,
      oidcSubject: konto!.id,
    });
    await m.PersonFoerderfall.create({
      personId: person.id,
      foerderfallId: caseId,
      rolle: 'ANTRAGSTELLER',
    });
    browser = new BrowserClient();
    await logIn(browser, p.url, applicant.email, demoPassword);
  }, 60_000);
  afterAll(async () => {
    await p?.close();
    await client?.close();
    await engine?.close();
  });

  it('adds no second operator and starts the review once when the notice is filed again', async () => {
    // given the engine has stopped
    await client.close();
    await engine.close();
    // when the applicant files a change of operator
    const first = await file(notice, 'aenderung-2027-betreiber');
    // then the answer says the engine is unreachable, and the change is kept
    expect(first).toMatchObject({ status: 503, body: { code: 'DEPENDENCY_UNAVAILABLE' } });
    expect(await operators()).toBe(1);
    // when the engine is back and the applicant files the same notice with the same key, twice
    engine = await startEngineProcess();
    await engine.deploy('aenderungsmeldung.bpmn', await readFile(model, 'utf8'));
    client = createSdkEngineClient(engine.sdk);
    const second = await file(notice, 'aenderung-2027-betreiber');
    const third = await file(notice, 'aenderung-2027-betreiber');
    // then the same notice is answered, still with one operator, and one review opens
    expect(second).toMatchObject({ status: 201, body: { tables: ['betreiber', 'standort'] } });
    expect(third.body).toEqual(second.body);
    expect(await operators()).toBe(1);
    await eventually(async () => ((await reviews()) > 0 ? true : undefined), 'the review task');
    expect(await reviews()).toBe(1);
    expect(
      await p.t.db.models.AuditEvent.count({
        where: { aktion: 'aenderungsmeldung.eingereicht', foerderfallId: caseId },
      }),
    ).toBe(1);
  });

  it('refuses the same key with other data, naming the conflict, and writes nothing', async () => {
    const other = {
      ...notice,
      betreiberwechsel: { name: 'Ladenetz Elbe GmbH', email: 'elbe@example.org' },
    };
    const answer = await file(other, 'aenderung-2027-betreiber');
    expect(answer).toMatchObject({ status: 409, body: { code: 'IDEMPOTENCY_KEY_REUSED' } });
    expect(await p.t.db.models.Betreiber.count({ where: { name: 'Ladenetz Elbe GmbH' } })).toBe(0);
  });
});
