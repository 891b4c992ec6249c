/**
 * Scenario 1 of the browser suite, as far as the web front end goes today: a KfW file brings a
 * new Förderfall and an invitation; the applicant follows the link, registers, accepts, sees
 * the case as a card, completes the master data in the wizard (steps, review, submit) and sees
 * the next step; the officer then sees the case's tasks in the task list. Every page is checked
 * with axe and photographed at desktop and phone width.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type E2eBrowser } from './support/browser.js';
import { dropKfwFile, eventually, invitationLink } from './support/kfw-invitation.js';
import { loginThroughPortal } from './support/login.js';
import { checkPage } from './support/page-checks.js';
import { startE2ePlatform, type E2ePlatform } from './support/platform.js';
import { watchCspViolations } from './support/csp-violations.js';

let platform: E2ePlatform;
let browser: E2eBrowser;
const applicantEmail = 'nora.neumann@example.de';
const keyboardEmail = 'kai.tastatur@example.de';
/** Process instance of Nora Neumann's case (set while her location task is open). */
let caseInstanceKey: string | undefined;
/** The Reporting-ID her case got; a later rework keeps it. */
let issuedReportingId: string | undefined;

beforeAll(async () => {
  platform = await startE2ePlatform();
  browser = await launchBrowser();
  // a KfW file with two new applications lands in the inbox
  await dropKfwFile(platform.dataDir, [applicantEmail, keyboardEmail]);
});
afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

/** axe and screenshot at the current width, then the same page at the other width. */
async function checkBothWidths(page: Page, name: string) {
  expect(await checkPage(page, name), `axe on ${name}`).toEqual([]);
  const phone = await browser.context('phone');
  const cookies = await page.context().cookies();
  await phone.addCookies(cookies);
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

/** Follows an invitation link, registers with the fixed address, accepts; ends on the dashboard. */
async function registerThroughInvitation(page: Page, link: string, first: string, last: string) {
  await page.goto(link);
  await page.getByRole('link', { name: 'Jetzt registrieren' }).click();
  await page.getByLabel('Vorname').fill(first);
  await page.getByLabel('Nachname').fill(last);
  await page.getByLabel('Passwort', { exact: true }).fill('mein neues Passwort');
  await page.getByLabel('Passwort wiederholen').fill('mein neues Passwort');
  await page.getByRole('button', { name: 'Konto anlegen' }).click();
  await page.getByRole('button', { name: 'Einladung annehmen' }).click();
  await page.getByRole('heading', { name: 'Meine Förderfälle' }).waitFor();
}

/** Waits until the (only) case card names `step` as next step; reloads as a person would. */
function waitForNextStep(page: Page, step: string) {
  return eventually(`"${step}" as next step on the card`, async () => {
    await page.getByRole('article').first().waitFor();
    const next = await page.getByTestId('next-step').first().innerText();
    if (next.includes(step)) return next;
    await page.reload();
    return undefined;
  });
}

/** Presses Tab until the focused element's text or label matches; fails after 60 presses. */
async function tabTo(page: Page, name: RegExp): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const labelled = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
      // textContent, not innerText: innerText applies the buttons' CSS upper-casing
      const labelledBy = (el.getAttribute('aria-labelledby') ?? '')
        .split(' ')
        .map((id) => (id ? document.getElementById(id)?.textContent : ''))
        .join(' ');
      return [
        el.getAttribute('aria-label'),
        labelledBy,
        labelled?.textContent,
        el.closest('label')?.textContent,
        el.textContent,
      ]
        .filter(Boolean)
        .join(' | ');
    });
    if (name.test(focused)) return;
  }
  throw new Error(`no element matching ${name} reachable with Tab`);
}

/** Presses "Weiter" on each step (after `fill` did its part) until the review step. */
async function throughWizard(page: Page, fill: (title: string) => Promise<void>) {
  for (let i = 0; i < 15; i++) {
    const title = await page.locator('main h2').first().innerText();
    if (title === 'Prüfen und absenden') return;
    await fill(title);
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page
      .locator('main h2')
      .first()
      .filter({ hasNotText: title })
      .waitFor({ timeout: 10_000 })
      .catch(async () => {
        // name what held the step (a field error shows in the page's text)
        const text = await page.locator('main').innerText();
        throw new Error(`the wizard stayed on "${title}":\n${text}`);
      });
  }
  throw new Error('the wizard never reached "Prüfen und absenden"');
}

/** Opens the open review task of Nora Neumann's case for the logged-in officer. */
async function openHerReview(page: Page) {
  await page.goto(`${platform.url}/aufgaben`);
  await page.getByRole('heading', { name: 'Aufgaben' }).waitFor();
  const key = await eventually('the review task of her case', async () => {
    const found = await page.evaluate(async (instance) => {
      const tasks = (await (await fetch('/api/tasks')).json()) as {
        items: { key: string; processInstanceKey: string; elementId: string; state: string }[];
      };
      return tasks.items.find(
        (t) =>
          t.processInstanceKey === instance &&
          t.elementId === 'Task_ReviewCase' &&
          t.state === 'CREATED',
      )?.key;
    }, caseInstanceKey);
    return found ?? undefined;
  });
  await page.goto(`${platform.url}/aufgaben/${key}`);
  await page.getByRole('heading', { level: 1, name: 'Stammdaten & Standort prüfen' }).waitFor();
  // an officer takes the task over before deciding it
  await page.getByRole('button', { name: 'Übernehmen' }).click();
  await page.getByRole('button', { name: 'Übernehmen' }).waitFor({ state: 'detached' });
}

describe('scenario 1: invitation, registration, master data', () => {
  it('takes a new applicant from the invitation mail to the next step of her case', async () => {
    // given the invitation the KfW file brought her
    const link = await invitationLink(platform.dataDir, applicantEmail);

    // when she follows the link, registers and accepts the invitation
    const context = await browser.context('desktop');
    const page = await context.newPage();
    const csp = watchCspViolations(page);
    await registerThroughInvitation(page, link, 'Nora', 'Neumann');

    // then her dashboard shows the case as a card, with the master data as next step
    const card = page.getByRole('article');
    await expect.poll(() => card.count()).toBe(1);
    await waitForNextStep(page, 'Stammdaten');
    await checkBothWidths(page, 'dashboard-new-case');

    // when she opens the task and goes through the wizard
    await card.getByRole('link', { name: /Öffnen/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Stammdaten vervollständigen' }).waitFor();
    await checkBothWidths(page, 'wizard-stammdaten');
    // the KfW data is prefilled; an emptied required field is named at the field, in German
    expect(
      await page
        .getByLabel(/Name \/ Firma/)
        .first()
        .inputValue(),
    ).not.toBe('');
    await page.getByLabel(/^Ort/).fill('');
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByText('Bitte den Ort angeben.').waitFor();
    await checkPage(page, 'wizard-field-error');
    await page.getByLabel(/^Ort/).fill('Dresden');
    // a choice the KfW file does not carry is left to her, never preselected
    await page.getByRole('combobox', { name: /^Bundesland/ }).click();
    await page.getByRole('option', { name: 'Sachsen', exact: true }).click();
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByRole('heading', { level: 2, name: 'Ansprechperson' }).waitFor();
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByRole('heading', { level: 2, name: 'Weitere Angaben' }).waitFor();
    const consent = page.getByLabel(/Ich habe die Datenschutzhinweise gelesen/);
    if (!(await consent.isChecked())) await consent.check();
    await page.getByLabel('Antragsteller/in').check();
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByRole('heading', { level: 2, name: 'Prüfen und absenden' }).waitFor();
    await page.getByText('Dresden').waitFor();
    await checkPage(page, 'wizard-review');
    await page.getByRole('button', { name: 'Absenden' }).click();

    // then she is back on her dashboard with a confirmation, and the card names the next step
    await page.getByText('Vielen Dank, Ihre Angaben sind übermittelt.').waitFor();
    await waitForNextStep(page, 'Standort');
    await checkBothWidths(page, 'dashboard-next-step');

    // when she describes the location with two groups of charging stations
    await page.getByRole('link', { name: /Öffnen/ }).click();
    await page.getByRole('heading', { level: 1, name: /Standort/ }).waitFor();
    const next = () => page.getByRole('button', { name: 'Weiter' }).click();
    const stepTitle = () => page.locator('main h2').first().innerText();
    for (let i = 0; i < 12; i++) {
      const title = await stepTitle();
      if (title === 'Prüfen und absenden') break;
      if (title.startsWith('Bezeichnung')) {
        await page.getByLabel(/Bezeichnung des Standorts/).fill('Betriebshof Nord');
      } else if (title.startsWith('Anschrift')) {
        for (const [label, value] of [
          [/^Straße/, 'Industriestraße'],
          [/^Hausnummer/, '5'],
          [/^PLZ/, '01129'],
          [/^Ort/, 'Dresden'],
        ] as const) {
          if (!(await page.getByLabel(label).inputValue()))
            await page.getByLabel(label).fill(value);
        }
      } else if (title.startsWith('Position')) {
        await page.getByLabel(/^Breitengrad/).fill('51,0871');
        await page.getByLabel(/^Längengrad/).fill('13,7449');
      } else if (title === 'Weitere Angaben') {
        await page.getByLabel('nicht öffentlich', { exact: true }).check();
        await page.getByRole('combobox', { name: /^Art des Standorts/ }).click();
        await page.getByRole('option', { name: 'Firmengelände' }).click();
        await page.getByLabel('Ökostromvertrag', { exact: true }).check();
      } else if (title.startsWith('Ladesäulengruppen')) {
        if ((await page.getByLabel(/^Hersteller/).count()) === 0) {
          await page.getByRole('button', { name: 'Ladesäulengruppe hinzufügen' }).click();
        }
        await page
          .getByLabel(/^Hersteller/)
          .first()
          .fill('Mennekes');
        await page
          .getByLabel(/^Modell/)
          .first()
          .fill('AMTRON Professional');
        // one column of two points per group: two groups give the 4 points applied for
        // (more would be a POINTS_ABOVE_APPLIED finding and send the case back to rework)
        await page
          .getByLabel(/^Anzahl Ladesäulen/)
          .first()
          .fill('1');
        await page
          .getByLabel(/^Ladepunkte je Säule/)
          .first()
          .fill('2');
        await page
          .getByLabel(/^Ladeleistung je Ladepunkt/)
          .first()
          .fill('22');
        await page.getByLabel('Wechselstrom (AC)').first().check();
        await page.getByLabel('Typ 2', { exact: true }).first().check();
        await page.getByRole('button', { name: 'Gruppe duplizieren' }).first().click();
        await page
          .getByLabel(/^Modell/)
          .nth(1)
          .fill('AMTRON Compact');
        // the duplicate is a second card with the same values
        expect(
          await page
            .getByLabel(/^Hersteller/)
            .nth(1)
            .inputValue(),
        ).toBe('Mennekes');
        await checkPage(page, 'wizard-standort-groups');
      }
      await next();
      await page.locator('main h2').first().filter({ hasNotText: title }).waitFor();
    }
    // the review lists both groups; after submitting, the case waits for the officer
    await page.getByText('AMTRON Compact').waitFor();
    // her case's process instance (read while her location task is open, through the API the
    // dashboard uses), to find the case's review among the officer's tasks: the list has no
    // case column
    caseInstanceKey = await page.evaluate(async () => {
      const tasks = (await (await fetch('/api/tasks?limit=200')).json()) as {
        items: { processInstanceKey: string }[];
      };
      return tasks.items[0]?.processInstanceKey;
    });
    expect(caseInstanceKey).toMatch(/^\d+$/);
    await page.getByRole('button', { name: 'Absenden' }).click();
    // then the location task is done: the card no longer names it
    await page.getByRole('heading', { name: 'Meine Förderfälle' }).waitFor();
    // the automatic check passes, so the case gets its Reporting-ID (not a rework task)
    const reportingId = await eventually('the Reporting-ID on the card', async () => {
      await page.getByRole('article').first().waitFor();
      const id = await page.getByTestId('reporting-id').first().innerText();
      if (/^RP-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-\d{2}$/.test(id)) return id;
      await page.reload();
      return undefined;
    });
    expect(reportingId).toMatch(/^RP-/);
    issuedReportingId = reportingId;
    const nextAfterLocation = await page.getByTestId('next-step').first().innerText();
    expect(nextAfterLocation).not.toContain('Standort');
    expect(nextAfterLocation).not.toContain('Stammdaten');
    await checkBothWidths(page, 'dashboard-reporting-id');

    expect(csp(), 'CSP violations').toEqual([]);
    await context.close();
  });

  it('scenario 5: lets an applicant complete the master data with the keyboard only', async () => {
    // given a second new applicant, registered through her invitation
    const link = await invitationLink(platform.dataDir, keyboardEmail);
    const context = await browser.context('desktop');
    const page = await context.newPage();
    await registerThroughInvitation(page, link, 'Kai', 'Tastatur');
    await waitForNextStep(page, 'Stammdaten');

    // when she opens the task and goes through every step with Tab, Space and Enter only
    await tabTo(page, /Öffnen/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Zuwendungsempfänger' }).waitFor();
    await tabTo(page, /Bundesland/);
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: 'Berlin', exact: true }).waitFor();
    await page.keyboard.type('Berlin');
    await page.keyboard.press('Enter');
    await page
      .getByRole('combobox', { name: /^Bundesland/ })
      .filter({ hasText: 'Berlin' })
      .waitFor();
    await tabTo(page, /(^| )Weiter$/);
    await page.keyboard.press('Enter');
    // focus moves to the new step's heading, so the next Tab starts in that step
    await page.getByRole('heading', { level: 2, name: 'Ansprechperson' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Ansprechperson');
    await tabTo(page, /(^| )Weiter$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Weitere Angaben' }).waitFor();
    await tabTo(page, /Antragsteller\/in/);
    await page.keyboard.press('Space');
    expect(await page.getByLabel('Antragsteller/in').isChecked()).toBe(true);
    const consent = page.getByLabel(/Ich habe die Datenschutzhinweise gelesen/);
    if (!(await consent.isChecked())) {
      await tabTo(page, /Ich habe die Datenschutzhinweise gelesen/);
      await page.keyboard.press('Space');
    }
    expect(await consent.isChecked()).toBe(true);
    await tabTo(page, /(^| )Weiter$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Prüfen und absenden' }).waitFor();
    await tabTo(page, /(^| )Absenden$/);
    await page.keyboard.press('Enter');

    // then the master data is in, and the card names the next step
    await waitForNextStep(page, 'Standort');
    await context.close();
  });

  it('shows the case officer the review tasks in the task list', async () => {
    const context = await browser.context('desktop');
    const page = await context.newPage();
    const csp = watchCspViolations(page);
    await loginThroughPortal(page, platform.url, platform.logins['case-officer']!);
    await page.getByRole('heading', { name: 'Aufgaben' }).waitFor();
    await page.getByRole('grid').waitFor();
    // a case waits for review
    const review = page.getByRole('link', { name: 'Stammdaten & Standort prüfen: Bearbeiten' });
    await eventually('her case in the review tasks', async () => {
      await page.getByRole('grid').waitFor();
      await page.getByRole('row').nth(1).waitFor();
      if ((await review.count()) > 0) return true;
      await page.reload();
      return undefined;
    });
    await checkBothWidths(page, 'officer-task-list');

    expect(csp(), 'CSP violations').toEqual([]);
    await context.close();
  });

  it('scenario 1 continued: the officer requests rework, she fixes it, the officer approves', async () => {
    expect(caseInstanceKey, 'her case reached the review').toMatch(/^\d+$/);
    // given the officer on her case's review
    const officerContext = await browser.context('desktop');
    const officer = await officerContext.newPage();
    const officerCsp = watchCspViolations(officer);
    await loginThroughPortal(officer, platform.url, platform.logins['case-officer']!);
    await openHerReview(officer);
    await checkBothWidths(officer, 'officer-review');

    // when the officer asks for rework, with a reason at the field
    await throughWizard(officer, async () => {
      const rework = officer.getByLabel('Nachbesserung anfordern');
      if ((await rework.count()) > 0) await rework.check();
      const add = officer.getByRole('button', { name: 'Begründung hinzufügen' });
      if ((await add.count()) > 0) {
        // a rework needs at least one reason: the form may already offer an empty one
        if ((await officer.getByLabel(/^Feld/).count()) === 0) await add.click();
        await officer.getByLabel(/^Feld/).first().fill('bezeichnung');
        await officer
          .getByLabel(/^Begründung/)
          .first()
          .fill('Bitte die Halle nennen, in der die Säulen stehen.');
      }
    });
    await checkPage(officer, 'officer-review-rework');
    await officer.getByRole('button', { name: 'Absenden' }).click();
    await officer.getByRole('heading', { name: 'Aufgaben' }).waitFor();

    // then she gets the master data back as next step; she goes through it and the location
    const context = await browser.context('desktop');
    const page = await context.newPage();
    const csp = watchCspViolations(page);
    await loginThroughPortal(page, platform.url, {
      email: applicantEmail,
      password: 'mein neues Passwort',
    });
    await waitForNextStep(page, 'Stammdaten');
    await page.getByRole('link', { name: /Öffnen/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Stammdaten vervollständigen' }).waitFor();
    await throughWizard(page, async () => {
      const consent = page.getByLabel(/Ich habe die Datenschutzhinweise gelesen/);
      if ((await consent.count()) > 0 && !(await consent.isChecked())) await consent.check();
      const role = page.getByLabel('Antragsteller/in');
      if ((await role.count()) > 0 && !(await role.isChecked())) await role.check();
    });
    await page.getByRole('button', { name: 'Absenden' }).click();
    await waitForNextStep(page, 'Standort');
    await page.getByRole('link', { name: /Öffnen/ }).click();
    await page.getByRole('heading', { level: 1, name: /Standort/ }).waitFor();
    await throughWizard(page, async (title) => {
      if (title.startsWith('Bezeichnung')) {
        // the stored location is offered again; she names the hall as asked
        expect(await page.getByLabel(/Bezeichnung des Standorts/).inputValue()).toBe(
          'Betriebshof Nord',
        );
        await page.getByLabel(/Bezeichnung des Standorts/).fill('Betriebshof Nord, Halle 2');
      }
    });
    await page.getByText('Betriebshof Nord, Halle 2').waitFor();
    await page.getByRole('button', { name: 'Absenden' }).click();
    await page.getByRole('heading', { name: 'Meine Förderfälle' }).waitFor();

    // when the officer reviews again and approves
    await openHerReview(officer);
    await throughWizard(officer, async () => {
      const approve = officer.getByLabel('Freigeben', { exact: true });
      if ((await approve.count()) > 0) await approve.check();
      for (const point of [
        'Stammdaten mit dem Zuwendungsbescheid abgeglichen',
        'Standort und Ladesäulen plausibel',
        /^Nachweise/,
      ]) {
        const box = officer.getByLabel(point);
        if ((await box.count()) > 0 && !(await box.isChecked())) await box.check();
      }
    });
    await checkPage(officer, 'officer-review-approve');
    await officer.getByRole('button', { name: 'Absenden' }).click();
    await officer.getByRole('heading', { name: 'Aufgaben' }).waitFor();

    // then her card keeps the same Reporting-ID and names no master data or location task
    await page.goto(`${platform.url}/faelle`);
    await page.getByRole('article').first().waitFor();
    const nextAfterApproval = await page.getByTestId('next-step').first().innerText();
    expect(nextAfterApproval).not.toContain('Stammdaten');
    expect(nextAfterApproval).not.toContain('Standort');
    expect(await page.getByTestId('reporting-id').first().innerText()).toBe(issuedReportingId);
    await checkBothWidths(page, 'dashboard-approved');

    expect(csp(), 'CSP violations').toEqual([]);
    expect(officerCsp(), 'CSP violations (officer)').toEqual([]);
    await context.close();
    await officerContext.close();
  });

  it('shows the legal pages to everyone', async () => {
    const context = await browser.context('desktop');
    const page = await context.newPage();
    await page.goto(platform.url);
    for (const [link, name] of [
      ['Impressum', 'impressum'],
      ['Datenschutzerklärung', 'datenschutz'],
      ['Erklärung zur Barrierefreiheit', 'barrierefreiheit'],
    ] as const) {
      await page.getByRole('link', { name: link }).click();
      await page.getByRole('heading', { level: 1, name: link }).waitFor();
      await checkBothWidths(page, `legal-${name}`);
    }
    await context.close();
  });
});
