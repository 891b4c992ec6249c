import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KfwColumnKey } from './kfw-columns.js';
import {
  ColumnsMissingError,
  DuplicateColumnError,
  HeaderMissingError,
  NotAWorkbookError,
  SheetMissingError,
} from './kfw-file-errors.js';
import { openKfwWorkbook, type KfwSheetRow } from './read-kfw-workbook.js';
import { germanFaker, validKfwRow } from './testing/kfw-row-factory.js';
import { writeKfwWorkbook, type KfwWorkbookFixture } from './testing/kfw-workbook-fixture.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kfw-reader-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let fileNo = 0;
async function written(fixture: KfwWorkbookFixture): Promise<string> {
  const path = join(dir, `fixture-${++fileNo}.xlsx`);
  await writeKfwWorkbook(path, fixture);
  return path;
}

async function readAll(
  path: string,
): Promise<{ rows: KfwSheetRow[]; headerRow: number; total: number }> {
  const workbook = await openKfwWorkbook(path);
  const rows: KfwSheetRow[] = [];
  for await (const row of workbook.rows()) rows.push(row);
  return { rows, headerRow: workbook.headerRow, total: workbook.rowsBelowHeader };
}

const faker = germanFaker();

describe('openKfwWorkbook', () => {
  it('finds the header below preamble rows and numbers rows as Excel does', async () => {
    // given a title and an export date above the header, and two applications
    const path = await written({
      preamble: [['KfW Übergabe Ladeinfrastruktur'], ['Stand: 24.11.2026'], []],
      rows: [validKfwRow(faker, 1), validKfwRow(faker, 2, { antragsnummer: 'A-2' })],
    });
    // when it is read
    const { rows, headerRow, total } = await readAll(path);
    // then the header is row 4 and the applications are rows 5 and 6
    expect(headerRow).toBe(4);
    expect(total).toBe(2);
    expect(rows.map((row) => row.rowNumber)).toEqual([5, 6]);
    expect(rows[1]?.cells.antragsnummer).toBe('A-2');
  });

  it.each([
    ['upper case and trailing space', { email: 'E-MAIL ', plz: 'plz' }],
    [
      'non-breaking spaces and a line break',
      {
        standortStrasse: 'Straße\u00a0\n(Investitionsort)',
        firma: 'Firma /\u00a0Name der Organisation',
      },
    ],
    [
      'decomposed umlauts (NFD)',
      { foerderfaehigeKosten: 'Förderfähige Kosten (EUR)'.normalize('NFD') },
    ],
    [
      'missing and doubled spaces',
      { standortPlz: 'PLZ(Investitionsort)', anzahlLadepunkte: 'Anzahl   Ladepunkte' },
    ],
  ] satisfies [string, Partial<Record<KfwColumnKey, string>>][])(
    'maps columns by header text despite %s',
    async (_case, headerTexts) => {
      // given a file whose header is spelled differently from the documentation
      const path = await written({
        headerTexts,
        rows: [
          validKfwRow(faker, 3, {
            plz: '01067',
            standortPlz: '20095',
            standortStrasse: 'Am Hafen',
          }),
        ],
      });
      // when it is read
      const { rows } = await readAll(path);
      // then every cell lands in its column, applicant and location addresses kept apart
      const cells = rows[0]?.cells;
      expect(cells?.plz).toBe('01067');
      expect(cells?.standortPlz).toBe('20095');
      expect(cells?.standortStrasse).toBe('Am Hafen');
      expect(cells?.strasse).not.toBe('Am Hafen');
      expect(typeof cells?.foerderfaehigeKosten).toBe('number');
    },
  );

  it('rejects the whole file naming every missing required column', async () => {
    // given a header without PLZ (Investitionsort) and E-Mail
    const path = await written({
      omitColumns: ['standortPlz', 'email'],
      rows: [validKfwRow(faker, 4)],
    });
    // when it is opened, then it is rejected with both names
    const error = await openKfwWorkbook(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ColumnsMissingError);
    expect((error as ColumnsMissingError).missing).toEqual(['E-Mail', 'PLZ (Investitionsort)']);
    expect((error as Error).message).toContain('„PLZ (Investitionsort)“');
  });

  it('accepts a file without the optional columns', async () => {
    // given a header without Telefon, Reporting-ID and De-minimis
    const path = await written({
      omitColumns: ['telefon', 'reportingId', 'deMinimis'],
      rows: [validKfwRow(faker, 5)],
    });
    // when it is read, then the row is there without those cells
    const { rows } = await readAll(path);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.cells).not.toHaveProperty('telefon');
  });

  it('rejects a header that names one column twice', async () => {
    // given "PLZ" twice (the second should have been "PLZ (Investitionsort)")
    const path = await written({
      headerTexts: { standortPlz: 'plz' },
      rows: [validKfwRow(faker, 6)],
    });
    // when it is opened, then the duplicate is named with both column letters
    const error = await openKfwWorkbook(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DuplicateColumnError);
    expect((error as Error).message).toMatch(/„PLZ“.*Spalten R, V/);
  });

  it.each([['ANTRAEGE'], [' Anträge '], ['antraege']])(
    'finds the sheet named %j',
    async (sheetName) => {
      // given the sheet name written differently, behind another sheet
      const path = await written({
        sheetName,
        otherSheets: ['Hinweise'],
        rows: [validKfwRow(faker, 7)],
      });
      // when it is read, then the row is found
      expect((await readAll(path)).rows).toHaveLength(1);
    },
  );

  it('rejects a workbook without the sheet Antraege and lists the sheets it has', async () => {
    const path = await written({ sheetName: 'Tabelle1', rows: [validKfwRow(faker, 8)] });
    const error = await openKfwWorkbook(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SheetMissingError);
    expect((error as Error).message).toContain('„Tabelle1“');
  });

  it('rejects a sheet without a header row', async () => {
    // given only a preamble and data, the header row deleted
    const path = await written({ preamble: [['Nur Text']], omitColumns: ['programm'], rows: [] });
    const error = await openKfwWorkbook(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HeaderMissingError);
  });

  it.each([
    ['a CSV file', Buffer.from('Programm;Antragsnummer\n441;A-1\n'), /kein Zip-Archiv/],
    ['an empty file', Buffer.alloc(0), /leer/],
    [
      'an old .xls (OLE2) file',
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(512),
      ]),
      /\.xls/,
    ],
    [
      'a truncated zip',
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]),
      /beschädigt/,
    ],
  ])('rejects %s as not a workbook', async (_case, bytes, message) => {
    const path = join(dir, `broken-${++fileNo}.xlsx`);
    await writeFile(path, bytes);
    const error = await openKfwWorkbook(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotAWorkbookError);
    expect((error as NotAWorkbookError).code).toBe('KFW_FILE_NOT_XLSX');
    expect((error as Error).message).toMatch(message);
  });
});

describe('cell values as exceljs writes them', () => {
  it.each([
    ['shared strings', true],
    ['inline strings', false],
  ])('reads text, numbers, dates, formulas and rich text with %s', async (_case, sharedStrings) => {
    // given cells of every kind the format meets
    const path = await written({
      sharedStrings,
      rows: [
        validKfwRow(faker, 9, {
          plz: 1067,
          antragsdatum: new Date(Date.UTC(2024, 1, 29)),
          zusagedatum: { value: 45474, numFmt: '0' },
          foerderfaehigeKosten: { formula: 'Y10*1500', result: 4500 },
          firma: {
            richText: [{ text: 'Stadtwerke ', font: { bold: true } }, { text: 'Musterstadt' }],
          },
          ort: '  Görlitz\u00a0',
        }),
      ],
    });
    // when it is read
    const { rows } = await readAll(path);
    const cells = rows[0]?.cells;
    // then each cell has the value a person sees in Excel
    expect(cells?.plz).toBe(1067);
    expect(cells?.antragsdatum).toEqual(new Date(Date.UTC(2024, 1, 29)));
    expect(cells?.zusagedatum).toBe(45474);
    expect(cells?.foerderfaehigeKosten).toBe(4500);
    expect(cells?.ort).toBe('  Görlitz\u00a0');
    expect(cells?.firma).toBe('Stadtwerke Musterstadt');
  });

  it('keeps umlauts whole even where a multi-byte character straddles two chunks', async () => {
    // given 3,000 rows of long umlaut-heavy names (megabytes of text, many chunk boundaries)
    const name = 'Ärztegemeinschaft Größenwahn Überlingen Süßwaren '.repeat(4);
    const path = await written({
      rows: Array.from({ length: 3000 }, (_, index) =>
        validKfwRow(faker, index, { firma: `${name}${index}`, ort: `Öhringen-${index}` }),
      ),
    });
    // when it is read
    const { rows } = await readAll(path);
    // then no replacement character appears anywhere
    expect(rows).toHaveLength(3000);
    const broken = rows.filter((row) => `${row.cells.firma}${row.cells.ort}`.includes('\ufffd'));
    expect(broken).toEqual([]);
    expect(rows[2999]?.cells.firma).toBe(`${name}2999`);
  });
});

describe('a workbook written by LibreOffice Calc', () => {
  // testing/libreoffice-antraege.xlsx was made from testing/libreoffice-antraege.csv with
  // `soffice --headless --infilter="CSV:59,34,76,1,,1031" --convert-to xlsx` (German locale),
  // the way a spreadsheet program turns typed text into numbers and dates.
  const path = new URL('./testing/libreoffice-antraege.xlsx', import.meta.url).pathname;

  it('reads its shared strings, date cells and the numbers it made of PLZ and decimals', async () => {
    // when the file is read
    const { rows, headerRow } = await readAll(path);
    // then the preamble is skipped and cells carry what Calc stored
    expect(headerRow).toBe(4);
    expect(rows.map((row) => row.rowNumber)).toEqual([5, 6]);
    const [first, second] = rows;
    expect(first?.cells.plz).toBe(1067);
    expect(first?.cells.antragsdatum).toEqual(new Date(Date.UTC(2024, 2, 1)));
    expect(first?.cells.foerderfaehigeKosten).toBe(12345.67);
    expect(first?.cells.email).toBe('jana.mueller@example.de');
    expect(second?.cells.firma).toBe('Gemeinde Bärenstein');
    expect(second?.cells.zuschussAusgezahlt).toBe(3600);
  });
});
