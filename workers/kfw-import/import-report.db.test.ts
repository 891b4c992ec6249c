import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../domain/testing/test-database.js';
import { importKfwFile } from './import-file.js';
import { ImportRunNotFoundError, writeImportReport } from './import-report.js';
import { germanFaker, validKfwRow } from './testing/kfw-row-factory.js';
import { writeKfwWorkbook } from './testing/kfw-workbook-fixture.js';

let t: TestDatabase;
let dir: string;
beforeAll(async () => {
  t = await openTestDatabase();
  dir = await mkdtemp(join(tmpdir(), 'kfw-import-report-'));
});
afterAll(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('writeImportReport', () => {
  it('writes the rejected rows of a run, in row order and formula-safe', async () => {
    // given an import with three rejected rows, one carrying a formula-looking value
    const faker = germanFaker(21);
    const path = join(dir, 'antraege.xlsx');
    await writeKfwWorkbook(path, {
      rows: [
        validKfwRow(faker, 1),
        validKfwRow(faker, 2, { nachname: '=HYPERLINK("http://evil.example")' }),
        validKfwRow(faker, 3, { plz: 'ABCDE', email: 'kaputt' }),
      ],
    });
    const outcome = await importKfwFile(t.db, path);
    if (outcome.kind !== 'imported') throw new Error(outcome.kind);
    // when its report is written (pages of one row, to cross page boundaries)
    const reportPath = join(dir, 'bericht.xlsx');
    const out = createWriteStream(reportPath);
    const written = await writeImportReport(t.db, outcome.importRunId, out, 1);
    if (!out.writableFinished) await once(out, 'finish');
    // then the spreadsheet lists the three problems with the summary on top
    expect(written).toBe(3);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(reportPath);
    const sheet = workbook.getWorksheet('Fehler')!;
    expect(sheet.getCell('A1').value).toBe('Zeilenbericht: antraege.xlsx');
    expect(sheet.getCell('A2').value).toBe('neu: 1, aktualisiert: 0, unverändert: 0, abgelehnt: 2');
    const lines = [4, 5, 6].map((row) => [
      sheet.getCell(`A${row}`).value,
      sheet.getCell(`B${row}`).value,
      sheet.getCell(`E${row}`).value,
    ]);
    expect(lines).toEqual(
      [
        [3, 'Nachname', 'FORMULA_LIKE'],
        [4, 'E-Mail', 'EMAIL_INVALID'],
        [4, 'PLZ', 'PLZ_INVALID'],
      ].sort((a, b) => Number(a[0]) - Number(b[0])),
    );
    expect(sheet.getCell('C4').value).toBe(`'=HYPERLINK("http://evil.example")`);
  });

  it('says which run does not exist', async () => {
    const out = createWriteStream(join(dir, 'none.xlsx'));
    await expect(
      writeImportReport(t.db, '00000000-0000-4000-8000-000000000000', out),
    ).rejects.toBeInstanceOf(ImportRunNotFoundError);
    out.end();
  });
});
