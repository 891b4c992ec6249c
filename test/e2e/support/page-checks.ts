/**
 * Checks run on every page the suite visits: axe-core (injected from node_modules, WCAG 2.1 A and
 * AA rules) must find no serious or critical violation, and a screenshot is saved under
 * `test/e2e/screenshots/` (ignored by git).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

// Evaluated through the DevTools protocol, which the page's CSP does not govern (a script tag
// would be refused, rightly: the portal allows no inline script).
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const screenshotDir = fileURLToPath(new URL('../screenshots/', import.meta.url));

/** One axe violation, reduced to what a failure message needs. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe on the page; returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: unknown,
            options: unknown,
          ): Promise<{
            violations: {
              id: string;
              impact: string | null;
              help: string;
              nodes: { target: string[] }[];
            }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Saves a full-page screenshot as `<name>-<viewport>.png`. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  const label = width <= 400 ? 'phone' : 'desktop';
  await page.screenshot({ path: path.join(screenshotDir, `${name}-${label}.png`), fullPage: true });
}

/** Both checks: the screenshot, then axe (returned so the test asserts it with a clear message). */
export async function checkPage(page: Page, name: string): Promise<AxeViolation[]> {
  // a choice list that is still fading out after a pick would be judged mid-fade (half-opaque
  // text fails the contrast rule): wait until MUI has removed its layer
  await page.waitForFunction(() => !document.querySelector('.MuiPopover-root'));
  await screenshot(page, name);
  return seriousViolations(page);
}
