import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../../domain/index.js';
import { demoPassword, demoUsers } from '../../identity/demo-users.js';
import { BrowserClient, logIn } from '../../testing/browser-client.js';
import { startTestPortal, type TestPortal } from '../../testing/test-portal.js';
import { formulaSafe } from './case-export.js';

const officer = demoUsers.find((u) => u.roles.includes('case-officer'))!;
const applicant = demoUsers.find((u) => u.roles.includes('applicant'))!;
const injected = '=HYPERLINK("http://example.org","Klick")';

describe('case search export', () => {
  let p: TestPortal;
  let officerBrowser: BrowserClient;
  let numbers: string[];

  beforeAll(async () => {
    p = await startTestPortal();
    await seedDemo(p.t.db, { cases: 5 });
    const cases = await p.t.db.models.Foerderfall.findAll({ order: [['antragsnummer', 'ASC']] });
    numbers = cases.map((c) => c.antragsnummer);
    // A recipient name as a hostile KfW file could carry it.
    await p.t.db.models.Zuwendungsempfaenger.update(
      { name: injected },
      { where: { id: cases[0]!.zuwendungsempfaengerId } },
    );
    officerBrowser = new BrowserClient();
    await logIn(officerBrowser, p.url, officer.email, demoPassword);
  });
  afterAll(() => p.close());

  it('exports the search as CSV with ; and a UTF-8 BOM, formula cells made text', async () => {
    // when an officer downloads every case as CSV
    const file = await officerBrowser.download(`${p.url}/api/cases/export?format=csv`);
    // then it is a CSV attachment that German Excel opens as UTF-8
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(file.headers.get('content-disposition')).toContain('foerderfaelle.csv');
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = file.bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      '"Antragsnummer";"Programm";"Status";"Reporting-ID";"Zuwendungsempfänger";"Ladepunkte beantragt";"Nächste Frist"',
    );
    expect(lines.slice(1).map((l) => l.split(';')[0]!.replaceAll('"', ''))).toEqual(numbers);
    // and the injected name is text, with its quotes doubled
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://example.org"",""Klick"")"`);
    // and the export is in the audit trail with its format
    const audit = await p.t.db.models.AuditEvent.findOne({
      where: { aktion: 'foerderfall.export' },
    });
    expect(audit?.nachher).toMatchObject({ format: 'csv' });
  });

  it('exports the filtered search as xlsx, every row and the formula as text', async () => {
    // when an officer downloads the cases matching part of one Antragsnummer
    const q = numbers[0]!;
    const file = await officerBrowser.download(`${p.url}/api/cases/export?format=xlsx&q=${q}`);
    // then the workbook holds the header and that case
    expect(file.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.from(file.bytes));
    const sheet = workbook.getWorksheet('Förderfälle')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Antragsnummer');
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(1).value).toBe(q);
    const name = sheet.getRow(2).getCell(5);
    expect(name.type).toBe(ExcelJS.ValueType.String);
    expect(name.value).toBe(`'${injected}`);
  });

  it('refuses the export to applicants and checks the format', async () => {
    const applicantBrowser = new BrowserClient();
    await logIn(applicantBrowser, p.url, applicant.email, demoPassword);
    expect((await applicantBrowser.download(`${p.url}/api/cases/export`)).status).toBe(403);
    const bad = await officerBrowser.json(`${p.url}/api/cases/export?format=ods`, 'GET');
    expect(bad).toMatchObject({
      status: 400,
      body: { code: 'REQUEST_INVALID', errors: [{ path: '/query/format' }] },
    });
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+49 221', "'+49 221"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['Müller GmbH', 'Müller GmbH'],
    ['a=b', 'a=b'],
  ])('writes %j as %j', (input, output) => {
    expect(formulaSafe(input)).toBe(output);
  });
});
