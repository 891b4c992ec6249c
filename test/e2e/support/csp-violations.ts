/** Collects what the browser reports as Content Security Policy violations on a page. */
import type { Page } from 'playwright-core';

/** Starts listening; the returned function gives the violations so far. */
export function watchCspViolations(page: Page): () => string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text());
  });
  return () => violations;
}
