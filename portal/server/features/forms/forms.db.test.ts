/**
 * Forms over HTTP: list, fetch, versions, and a new version saved by a process owner reaching
 * the next task on the real engine (rendered and validated) without a release.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSdkTaskClient } from '../../engine-client/task-client.js';
import { demoPassword, demoUsers } from '../../identity/demo-users.js';
import { accessTokenFor } from '../../testing/api-token.js';
import {
  eventually,
  startEngineProcess,
  type EngineProcess,
} from '../../testing/engine-process.js';
import { startTestPortal, type TestPortal } from '../../testing/test-portal.js';
import { userTaskModel } from '../../testing/user-task-model.js';

const secret = 'forms-secret';
const formFile = async (kind: 'schema' | 'example') =>
  JSON.parse(
    await readFile(new URL(`../../../../forms/pruefung.${kind}.json`, import.meta.url), 'utf8'),
  ) as Record<string, unknown> & { properties: object; required?: string[] };

describe('forms', () => {
  let engine: EngineProcess;
  let p: TestPortal;
  let owner: string;
  let officer: string;
  let admin: string;

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
  const tokenOf = (role: string) =>
    accessTokenFor(p.url, secret, demoUsers.find((u) => u.roles[0] === role)!.email, demoPassword);
  async function openTask() {
    const instance = await engine.startInstance('pruefung-task', {});
    return eventually(async () => {
      const found = await engine.rest().searchUserTasks({
        filter: { processInstanceKey: instance, state: 'CREATED' },
      } as never);
      return found.items[0]?.userTaskKey;
    }, 'the review task');
  }

  beforeAll(async () => {
    engine = await startEngineProcess();
    await engine.deploy(
      'pruefung-task.bpmn',
      userTaskModel({
        processId: 'pruefung-task',
        formId: 'pruefung',
        candidateGroups: 'case-officer',
      }),
    );
    p = await startTestPortal({
      identity: { kind: 'embedded', clientSecret: secret },
      tasks: createSdkTaskClient(engine.sdk),
    });
    owner = await tokenOf('process-owner');
    officer = await tokenOf('case-officer');
    admin = await tokenOf('admin');
  }, 60_000);
  afterAll(async () => {
    await p?.close();
    await engine?.close();
  });

  it('lists every form and serves the file version as version 0', async () => {
    // when an admin lists the forms and fetches one
    const list = await call(admin, 'GET', '/api/forms');
    const one = await call(admin, 'GET', '/api/forms/stammdaten');
    // then every file form is there, the fetched one with its schema and UI schema
    expect(list.status).toBe(200);
    expect(list.body).toContainEqual(expect.objectContaining({ formId: 'stammdaten', version: 0 }));
    expect(list.body.length).toBeGreaterThanOrEqual(10);
    expect(one.body).toMatchObject({ formId: 'stammdaten', version: 0, savedBy: null });
    expect(one.body.schema.type).toBe('object');
    expect(one.body.ui).not.toBeNull();
    expect((await call(admin, 'GET', '/api/forms/gibt-es-nicht')).status).toBe(404);
  });

  it('refuses a schema that does not compile, with the place, and keeps the current version', async () => {
    // when a process owner saves a schema with a wrong type and an unknown keyword
    const wrongType = await call(owner, 'POST', '/api/forms/pruefung/versions', {
      schema: { type: 'object', properties: { a: { type: 'zahl' } } },
    });
    const unknownKeyword = await call(owner, 'POST', '/api/forms/pruefung/versions', {
      schema: { type: 'object', properties: { a: { type: 'string', laenge: 3 } } },
    });
    // then both are refused with where the problem is, and the form is unchanged
    expect(wrongType.status).toBe(422);
    expect(wrongType.body.code).toBe('FORM_SCHEMA_INVALID');
    expect(wrongType.body.errors[0].path).toMatch(/^\/body\/schema\/properties\/a\/type/);
    expect(unknownKeyword.status).toBe(422);
    expect(unknownKeyword.body.errors[0].message).toContain('laenge');
    expect((await call(owner, 'GET', '/api/forms/pruefung')).body.version).toBe(0);
  });

  it('a saved version is what the next task renders and what its completion is checked against', async () => {
    // given a new version of the review form that requires a file reference
    const schema = await formFile('schema');
    const next = {
      ...schema,
      properties: {
        ...schema.properties,
        aktenzeichen: {
          type: 'string',
          title: 'Aktenzeichen',
          minLength: 3,
          errorMessage: 'Aktenzeichen: mindestens 3 Zeichen.',
        },
      },
      required: [...(schema.required ?? []), 'aktenzeichen'],
    };
    // when the process owner saves it (an admin may not)
    const byAdmin = await call(admin, 'POST', '/api/forms/pruefung/versions', { schema: next });
    const saved = await call(owner, 'POST', '/api/forms/pruefung/versions', {
      schema: next,
      note: 'Aktenzeichen ist Pflicht',
    });
    // then it is version 1, listed first
    expect(byAdmin.status).toBe(403);
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({
      formId: 'pruefung',
      version: 1,
      note: 'Aktenzeichen ist Pflicht',
    });
    const versions = await call(owner, 'GET', '/api/forms/pruefung/versions');
    expect(versions.body.map((v: { version: number }) => v.version)).toEqual([1, 0]);

    // when an officer opens a new review task and submits the old form's data
    const key = await openTask();
    const task = await call(officer, 'GET', `/api/tasks/${key}`);
    const completion = await call(officer, 'POST', `/api/tasks/${key}/completion`, {
      data: await formFile('example'),
    });
    // then the task shows version 1 and the completion is refused at the new field
    expect(task.body.form.version).toBe(1);
    expect(task.body.form.schema.properties.aktenzeichen.title).toBe('Aktenzeichen');
    expect(completion.status).toBe(400);
    expect(completion.body.errors).toContainEqual(
      expect.objectContaining({ path: '/body/data/aktenzeichen' }),
    );
    const open = await engine.rest().getUserTask(key);
    expect(open.state).toBe('CREATED');
  });
});
