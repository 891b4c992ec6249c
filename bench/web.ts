/**
 * `npm run bench -- web`: the JavaScript a browser downloads, gzipped as the portal sends it,
 * measured in Chromium through the DevTools protocol (bytes on the wire per script response):
 * - applicant: from opening the portal (logged in, empty cache) until the dashboard's cards
 *   have rendered (target <= 350 KB);
 * - modeler: a process owner opening `/prozesse` until the diagram is drawn.
 * Starts `now start` on fresh data, builds the front end first when it is stale. Writes
 * `bench/results/web.json` `{ applicantJsKbGzip, modelerJsKbGzip }`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { ensureWebBuild } from '../portal/web/web-build.js';
import { launchBrowser, type E2eBrowser } from '../test/e2e/support/browser.js';
import { loginThroughPortal } from '../test/e2e/support/login.js';
import { startE2ePlatform } from '../test/e2e/support/platform.js';

const RESULTS = fileURLToPath(new URL('./results/web.json', import.meta.url));

/** What `bench/results/web.json` holds. */
export interface WebBenchResult {
  readonly applicantJsKbGzip: number;
  readonly modelerJsKbGzip: number;
  readonly applicantScripts: number;
  readonly modelerScripts: number;
  readonly machine: string;
  readonly date: string;
}

/** Counts the bytes received for script responses of a page (headers and body, as sent). */
async function countScripts(page: Page): Promise<() => { bytes: number; count: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const scripts = new Set<string>();
  let bytes = 0;
  cdp.on('Network.responseReceived', (event) => {
    if (event.type === 'Script') scripts.add(event.requestId);
  });
  cdp.on('Network.loadingFinished', (event) => {
    if (scripts.has(event.requestId)) bytes += event.encodedDataLength;
  });
  return () => ({ bytes, count: scripts.size });
}

/** A fresh context carrying only the session of `role` (logged in through the real flow). */
async function loggedIn(
  browser: E2eBrowser,
  url: string,
  login: { email: string; password: string },
): Promise<BrowserContext> {
  const loginContext = await browser.context('desktop');
  await loginThroughPortal(await loginContext.newPage(), url, login);
  const cookies = await loginContext.cookies();
  await loginContext.close();
  const context = await browser.context('desktop');
  await context.addCookies(cookies);
  return context;
}

/** Runs the benchmark and writes its JSON. */
export async function run(): Promise<WebBenchResult> {
  await ensureWebBuild({ quiet: true });
  const platform = await startE2ePlatform();
  const browser = await launchBrowser();
  try {
    const applicant = await loggedIn(browser, platform.url, platform.logins['applicant']!);
    const page = await applicant.newPage();
    const applicantJs = await countScripts(page);
    await page.goto(platform.url);
    await page.getByRole('article').first().waitFor();
    await page.waitForLoadState('networkidle');
    const a = applicantJs();

    const owner = await loggedIn(browser, platform.url, platform.logins['process-owner']!);
    const ownerPage = await owner.newPage();
    const modelerJs = await countScripts(ownerPage);
    await ownerPage.goto(`${platform.url}/prozesse`);
    await ownerPage.locator('.djs-element').first().waitFor({ timeout: 60_000 });
    await ownerPage.waitForLoadState('networkidle');
    const m = modelerJs();

    const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
    const result: WebBenchResult = {
      applicantJsKbGzip: kb(a.bytes),
      modelerJsKbGzip: kb(m.bytes),
      applicantScripts: a.count,
      modelerScripts: m.count,
      machine: `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
      date: new Date().toISOString(),
    };
    console.table({
      'applicant: portal opened -> dashboard cards': {
        'JS KB (gzip, transferred)': result.applicantJsKbGzip,
        scripts: a.count,
        target: '<= 350 KB',
      },
      'process owner: /prozesse -> diagram drawn': {
        'JS KB (gzip, transferred)': result.modelerJsKbGzip,
        scripts: m.count,
        target: 'loaded only for this role',
      },
    });
    await mkdir(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
    await writeFile(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
    return result;
  } finally {
    await browser.close();
    await platform.close();
  }
}
