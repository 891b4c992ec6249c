/** Logs in through the portal's real OIDC redirect flow and the identity provider's form. */
import type { Page } from 'playwright-core';

/** Opens the portal, presses "Anmelden", fills the provider's login form; returns on the portal. */
export async function loginThroughPortal(
  page: Page,
  baseUrl: string,
  login: { email: string; password: string },
): Promise<void> {
  await page.goto(baseUrl);
  await page.getByRole('link', { name: 'Anmelden' }).click();
  await page.getByLabel('E-Mail-Adresse').fill(login.email);
  await page.getByLabel('Passwort').fill(login.password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.waitForURL(
    (url) =>
      url.origin === new URL(baseUrl).origin &&
      !url.pathname.startsWith('/oidc') &&
      !url.pathname.startsWith('/auth'),
  );
}
