/**
 * Scenario 3 of the browser suite: a process owner opens `berichtszeitraum` in the modeler,
 * drops a new task onto the flow after the start event (bpmn-js splits the flow), names it and
 * deploys the model with a version note. The versions list shows the new version with its note;
 * a new instance (started through the engine's gRPC API like the foerderfall's call activity
 * does, with the variables of a demo period) passes the new step; the instance monitor shows it
 * in the instance's element table and in the heatmap of the new version. Every page of the
 * monitor is checked with axe and photographed at desktop and phone width.
 */
import { readFile } from 'node:fs/promises';
import { Camunda8 } from '@camunda8/sdk';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type E2eBrowser } from './support/browser.js';
import { watchCspViolations } from './support/csp-violations.js';
import { eventually } from './support/kfw-invitation.js';
import { loginThroughPortal } from './support/login.js';
import { checkPage } from './support/page-checks.js';
import { startE2ePlatform, type E2ePlatform } from './support/platform.js';

let platform: E2ePlatform;
let browser: E2eBrowser;
const stepName = 'Vorprüfung durch die Bewilligungsstelle';

beforeAll(async () => {
  platform = await startE2ePlatform();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

/** axe and screenshot at desktop width, then the same address at 360 px. */
async function checkBothWidths(page: Page, name: string) {
  expect(await checkPage(page, name), `axe on ${name}`).toEqual([]);
  const phone = await browser.context('phone');
  await phone.addCookies(await page.context().cookies());
  const small = await phone.newPage();
  await small.goto(page.url());
  await small.locator('main h1').first().waitFor();
  expect(await checkPage(small, name), `axe on ${name} at 360 px`).toEqual([]);
  const overflow = await small.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${name} scrolls sideways at 360 px`).toBeLessThanOrEqual(0);
  await phone.close();
}

/** GETs JSON from the portal API with the page's session. */
async function api<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(new URL(path, platform.url).toString());
  expect(response.ok(), `${path}: ${response.status()}`).toBe(true);
  return (await response.json()) as T;
}

/** The ids of the flow nodes of a BPMN model. */
const elementIds = (xml: string) =>
  new Set([...xml.matchAll(/<bpmn:\w+ id="([^"]+)"/g)].map((m) => m[1]!));

describe('scenario 3: a process owner adds a step and watches a new instance take it', () => {
  it('deploys the changed model from the modeler and sees the new path in the monitor', async () => {
    // given a process owner logged in, with a demo reporting period running
    const owner = platform.logins['process-owner'];
    expect(owner, 'now start prints a process owner login').toBeDefined();
    const context = await browser.context('desktop');
    let page = await context.newPage();
    await loginThroughPortal(page, platform.url, owner!);
    const demoPeriod = await eventually('a running berichtszeitraum of the demo', async () => {
      const list = await api<{ items: { processInstanceKey: string }[] }>(
        page,
        '/api/process-instances?processId=berichtszeitraum&state=ACTIVE',
      );
      return list.items[0];
    });
    const demoDetail = await api<{ variables: { name: string; value: string }[] }>(
      page,
      `/api/process-instances/${demoPeriod.processInstanceKey}`,
    );
    const variable = (name: string) =>
      JSON.parse(demoDetail.variables.find((v) => v.name === name)!.value) as string;

    // when she opens berichtszeitraum in the modeler
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Prozesse', exact: true })
      .click();
    await page.getByRole('combobox', { name: 'Prozess' }).click();
    await page.getByRole('option', { name: /^Berichtszeitraum \(v\d+\)$/ }).click();
    // the choice list closes with a transition; until its layer is gone it lies over the canvas
    // and takes the pointer events meant for the modeler
    await page.locator('.MuiPopover-root').waitFor({ state: 'detached' });
    const flow = page.locator('[data-element-id="Flow_Start"]').first();
    // a straight flow has no height, so it counts as hidden: wait for the task beside it
    await page.locator('[data-element-id="Task_OpenPeriod"]').first().waitFor();

    // and drags the canvas aside (fit to the viewport puts the start under the palette), then
    // drops a new task from the palette onto the flow after the start event and names it
    const canvas = (await page.locator('.djs-container').first().boundingBox())!;
    const empty = { x: canvas.x + canvas.width * 0.5, y: canvas.y + canvas.height * 0.6 };
    await page.mouse.move(empty.x, empty.y);
    await page.mouse.down();
    await page.mouse.move(empty.x + 100, empty.y + 50, { steps: 8 });
    await page.mouse.move(empty.x + 250, empty.y + 120, { steps: 8 });
    await page.mouse.up();
    await page.locator('.djs-palette [data-action="create.task"]').click();
    const box = (await flow.boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x - 20, y, { steps: 4 });
    await page.mouse.move(x, y, { steps: 4 });
    await page.mouse.down();
    await page.mouse.up();
    await page.keyboard.type(stepName);
    // a click on empty canvas ends the label editing
    await page.mouse.click(canvas.x + canvas.width * 0.3, canvas.y + canvas.height * 0.9);

    // and deploys it with a version note
    await page.getByLabel('Versionsnotiz').fill('Vorprüfung vor dem Öffnen des Zeitraums');
    await page.getByRole('button', { name: 'Bereitstellen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Bereitgestellt' }).waitFor();

    // then the new version holds the named task on the split flow
    const versions = await api<{ items: { processDefinitionKey: string; version: number }[] }>(
      page,
      '/api/processes?processId=berichtszeitraum',
    );
    const newest = versions.items.reduce((a, b) => (b.version > a.version ? b : a));
    expect(newest.version).toBeGreaterThan(1);
    const xmlResponse = await page.request.get(
      `${platform.url}/api/processes/${newest.processDefinitionKey}/xml`,
    );
    const xml = await xmlResponse.text();
    const original = elementIds(await readFile('processes/berichtszeitraum.bpmn', 'utf8'));
    const added = [...elementIds(xml)].filter((id) => !original.has(id));
    const stepId = added.find((id) =>
      new RegExp(`<bpmn:task id="${id}" name="${stepName}"`).test(xml),
    );
    expect(stepId, `a task named "${stepName}" among the new elements ${added.join(', ')}`).toMatch(
      /^Activity_/,
    );

    expect(await checkPage(page, 'modeler-step-added'), 'axe on the modeler').toEqual([]);

    // and the versions list shows it with its note (in a fresh tab, which the CSP watch covers)
    await page.close();
    page = await context.newPage();
    const csp = watchCspViolations(page);
    // (straight to the address: the start page sends process owners on to the modeler)
    await page.goto(`${platform.url}/prozesse/versionen`);
    await page.getByRole('heading', { level: 1, name: 'Prozessversionen' }).waitFor();
    await page.getByRole('combobox', { name: 'Prozess' }).click();
    await page.getByRole('option', { name: 'Berichtszeitraum' }).click();
    const versionRow = page.getByRole('row').filter({ hasText: `v${newest.version}` });
    await expect
      .poll(() => versionRow.innerText())
      .toContain('Vorprüfung vor dem Öffnen des Zeitraums');
    await checkBothWidths(page, 'process-versions');

    // when a new reporting period starts (as the foerderfall's call activity starts one)
    const grpc = /engine gRPC: +(\S+)/.exec(platform.summary)?.[1];
    expect(grpc, 'now start prints the engine address').toMatch(/:\d+$/);
    const zeebe = new Camunda8({
      ZEEBE_GRPC_ADDRESS: grpc!.includes('://') ? grpc! : `grpc://${grpc!}`,
      CAMUNDA_AUTH_STRATEGY: 'NONE',
      CAMUNDA_LOG_LEVEL: 'none',
      zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE' },
    }).getZeebeGrpcApiClient();
    const created = await zeebe.createProcessInstance({
      bpmnProcessId: 'berichtszeitraum',
      variables: { caseId: variable('caseId'), periodId: variable('periodId') },
    });
    await zeebe.close();
    const instanceKey = String(created.processInstanceKey);
    expect(Number(created.version)).toBe(newest.version);

    // then the monitor lists it under the new version, and its detail shows the step passed
    await page.goto(
      `${platform.url}/prozesse/instanzen?processId=berichtszeitraum&version=${newest.version}`,
    );
    await page.getByRole('heading', { level: 1, name: 'Instanz-Monitor' }).waitFor();
    const link = page.getByRole('link', { name: instanceKey });
    await eventually('the new instance in the monitor list', async () => {
      if (await link.count()) return true;
      await page.reload();
      return undefined;
    });
    const heatRow = page
      .getByRole('table', { name: 'Durchläufe je Element' })
      .getByRole('row')
      .filter({ hasText: stepId! });
    await expect.poll(() => heatRow.innerText()).toMatch(new RegExp(`${stepId}\\s+1`));
    await page.locator(`[data-element-id="${stepId}"]`).first().waitFor();
    await checkBothWidths(page, 'process-monitor-heatmap');

    await link.click();
    await page.getByRole('heading', { level: 1, name: `Instanz ${instanceKey}` }).waitFor();
    const elements = page.getByRole('table', { name: 'Elemente dieser Instanz' });
    // columns: element, active tokens, completed, incidents
    await expect
      .poll(() => elements.getByRole('row').filter({ hasText: stepId! }).innerText())
      .toMatch(new RegExp(`${stepId}\\s+0\\s+1\\s+0`));
    // and the token went on from the step to the opening of the period, drawn on the diagram
    await expect
      .poll(() => elements.getByRole('row').filter({ hasText: 'Task_OpenPeriod' }).count())
      .toBe(1);
    await page.locator('.monitor-badge').first().waitFor();
    await checkBothWidths(page, 'process-instance');
    expect(csp()).toEqual([]);
    await context.close();
  });
});
