/**
 * Scenario 4 of the browser suite: an analyst requests an anonymised snapshot, follows its
 * progress on the page until it is listed as finished, and downloads the dump (a gzipped SQL
 * file without the demo applicant's e-mail address). The page is checked with axe and
 * photographed at desktop and phone width.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type E2eBrowser } from './support/browser.js';
import { watchCspViolations } from './support/csp-violations.js';
import { loginThroughPortal } from './support/login.js';
import { checkPage } from './support/page-checks.js';
import { startE2ePlatform, type E2ePlatform } from './support/platform.js';

let platform: E2ePlatform;
let browser: E2eBrowser;

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

describe('scenario 4: an analyst takes a snapshot and downloads it', () => {
  it('requests a snapshot, sees it finish and downloads the anonymised dump', async () => {
    // given an analyst logged in through the identity provider
    const analyst = platform.logins.analyst;
    expect(analyst, 'now start prints an analyst login').toBeDefined();
    const context = await browser.context('desktop');
    const page = await context.newPage();
    const csp = watchCspViolations(page);
    await loginThroughPortal(page, platform.url, analyst!);

    // when she opens the snapshots from the navigation and requests one
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Snapshots' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Snapshots' }).waitFor();
    await checkBothWidths(page, 'snapshots');
    await page.getByRole('button', { name: 'Snapshot anfordern' }).click();
    const started = await page.getByRole('alert').filter({ hasText: 'angefordert' }).innerText();
    const snapshotId = /Snapshot (\S+) angefordert/.exec(started)?.[1];
    expect(snapshotId, started).toMatch(/^portal-\d{4}-\d{2}-\d{2}T/);

    // then the page follows it until it is listed among the finished snapshots
    const row = page
      .getByRole('table', { name: 'Fertige Snapshots' })
      .getByRole('row')
      .filter({ hasText: snapshotId! });
    await row.waitFor({ timeout: 120_000 });
    await checkBothWidths(page, 'snapshots-ready');

    // when she downloads it
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('link', { name: `Snapshot ${snapshotId} herunterladen` }).click(),
    ]);
    const file = path.join(platform.dataDir, download.suggestedFilename());
    await download.saveAs(file);

    // then it is a gzipped SQL dump named after the snapshot, without personal data in clear
    expect(download.suggestedFilename()).toBe(`${snapshotId}.sql.gz`);
    const sql = gunzipSync(await readFile(file)).toString('utf8');
    expect(sql).toMatch(/CREATE TABLE `foerderfall`/);
    expect(sql).toMatch(/INSERT INTO `foerderfall`/);
    expect(sql).not.toContain('antragstellerin@demo.foerderportal.example');
    expect(csp()).toEqual([]);
    await context.close();
  });
});
