/**
 * Debian's Chromium driven by playwright-core (it downloads no browser), headless, with a fresh
 * temporary profile per launch (playwright's own). Viewports: desktop and a 360 px phone.
 */
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Desktop and phone viewports every page is checked and photographed at. */
export const viewports = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 360, height: 740 },
} as const;

/** A launched Chromium. */
export interface E2eBrowser {
  browser: Browser;
  context(viewport: keyof typeof viewports): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** Launches `/usr/bin/chromium` headless (override with CHROMIUM_PATH). */
export async function launchBrowser(): Promise<E2eBrowser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    context: (viewport) =>
      browser.newContext({
        viewport: viewports[viewport],
        locale: 'de-DE',
        isMobile: viewport === 'phone',
        hasTouch: viewport === 'phone',
      }),
    close: () => browser.close(),
  };
}
