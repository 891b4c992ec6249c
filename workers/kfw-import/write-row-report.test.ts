import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RowProblem } from './validate-row.js';
import { writeRowReport } from './write-row-report.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kfw-report-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeRowReport', () => {
  it('lists each problem and writes formula-looking values as text', async () => {
    // given problems whose delivered values look like formulas
    const problems: RowProblem[] = [
      {
        row: 5,
        column: 'Nachname',
        value: '=HYPERLINK("http://evil","x")',
        message: 'Der Wert beginnt mit „=“ …',
        code: 'FORMULA_LIKE',
      },
      {
        row: 9,
        column: 'PLZ',
        value: '0106',
        message: '„0106“ ist keine fünfstellige Postleitzahl.',
        code: 'PLZ_INVALID',
      },
      { row: 12, column: 'Telefon', value: '@SUMME(A1)', message: 'x', code: 'TELEFON_INVALID' },
    ];
    const path = join(dir, 'report.xlsx');
    // when the report is written
    const written = await writeRowReport(createWriteStream(path), problems, {
      title: 'antraege.xlsx',
      summary: 'neu: 1',
    });
    // then a spreadsheet program sees three lines of text, none of them a formula
    expect(written).toBe(3);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet('Fehler');
    expect(sheet?.getRow(3).values).toEqual([
      undefined,
      'Zeile',
      'Spalte',
      'Wert',
      'Meldung',
      'Code',
    ]);
    expect(sheet?.getRow(4).values).toEqual([
      undefined,
      5,
      'Nachname',
      `'=HYPERLINK("http://evil","x")`,
      'Der Wert beginnt mit „=“ …',
      'FORMULA_LIKE',
    ]);
    expect(sheet?.getCell('C6').value).toBe("'@SUMME(A1)");
    const formulas: string[] = [];
    sheet?.eachRow((row) => row.eachCell((cell) => cell.formula && formulas.push(cell.address)));
    expect(formulas).toEqual([]);
  });

  it('streams problems from an async source', async () => {
    async function* many(): AsyncIterable<RowProblem> {
      for (let row = 2; row < 2002; row += 1)
        yield { row, column: 'PLZ', value: '1', message: 'm', code: 'PLZ_INVALID' };
    }
    const path = join(dir, 'many.xlsx');
    expect(await writeRowReport(createWriteStream(path), many(), { title: 'x' })).toBe(2000);
  });
});
