import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DecompressionLimitError,
  FileTooLargeError,
  KfwFileRejectedError,
  TooManyRowsError,
} from './kfw-file-errors.js';
import { openKfwWorkbook } from './read-kfw-workbook.js';
import { germanFaker, validKfwRow } from './testing/kfw-row-factory.js';
import { writeKfwWorkbook } from './testing/kfw-workbook-fixture.js';
import { readZipParts } from './testing/read-zip-parts.js';
import { deflate, writeZip, type Deflated, type ZipPart } from './testing/zip-writer.js';
import { DEFAULT_ZIP_LIMITS } from './zip-guard.js';

let dir: string;
/** The parts of a real, small workbook; tests swap its sheet for a bomb. */
let workbookParts: ZipPart[];
const SHEET = 'xl/worksheets/sheet1.xml';
/** 1 GiB of zeros, deflated once (about 1 MB). */
let zeros: Deflated;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kfw-guard-'));
  const small = join(dir, 'small.xlsx');
  await writeKfwWorkbook(small, { rows: [validKfwRow(germanFaker(), 1)] });
  workbookParts = await readZipParts(small);
  zeros = await deflate({ repeat: Buffer.alloc(1024 * 1024), times: 1024 });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function bomb(name: string, sheet: Partial<ZipPart>): Promise<string> {
  const path = join(dir, name);
  await writeZip(
    path,
    workbookParts.map((part) => (part.name === SHEET ? { ...part, ...sheet, name: SHEET } : part)),
  );
  return path;
}

describe('zip bombs', () => {
  it('rejects 1 GiB of zeros in the sheet by the sizes in the zip directory, before unpacking', async () => {
    // given a workbook whose sheet is a 1 GiB run of zeros packed into about 1 MB, declared honestly
    const path = await bomb('honest-bomb.xlsx', { content: zeros });
    // when it is opened, then it is rejected for the part's size
    const error = await openKfwWorkbook(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DecompressionLimitError);
    expect((error as DecompressionLimitError).code).toBe('KFW_FILE_DECOMPRESSION_LIMIT');
    expect((error as Error).message).toContain(`Teil ${SHEET}`);
    expect((error as Error).message).toContain('1024 MB entpackt');
  });

  it('rejects the same bomb by its compression ratio when the size limits are generous', async () => {
    // given limits that would allow 2 GiB per part
    const path = await bomb('ratio-bomb.xlsx', { content: zeros });
    const limits = { ...DEFAULT_ZIP_LIMITS, maxEntryBytes: 2 ** 31, maxTotalBytes: 2 ** 32 };
    // when it is opened, then the ratio gives it away
    const error = await openKfwWorkbook(path, { limits }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DecompressionLimitError);
    expect((error as Error).message).toMatch(/Kompressionsverhältnis \d+:1/);
  });

  it('catches a zip directory that lies about the unpacked size while inflating', async () => {
    // given the bomb declared as 4 MB (a harmless ratio of about 4:1)
    const path = await bomb('lying-bomb.xlsx', { content: zeros, declaredSize: 4 * 1024 * 1024 });
    // when it is opened, then the counted bytes exceed the declaration and it is rejected whole
    const error = await openKfwWorkbook(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DecompressionLimitError);
    expect((error as Error).message).toContain('größer als im Zip-Verzeichnis angegeben');
  });

  it('rejects a file larger than the file size limit', async () => {
    const path = join(dir, 'small.xlsx');
    const limits = { ...DEFAULT_ZIP_LIMITS, maxFileBytes: 1000 };
    const error = await openKfwWorkbook(path, { limits }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FileTooLargeError);
  });
});

describe('zips that are not workbooks', () => {
  it.each([
    [
      'a zip of a text file',
      [{ name: 'readme.txt', content: Buffer.from('hallo') }],
      /xl\/_rels\/workbook.xml.rels fehlt/,
    ],
    [
      'a workbook whose sheet part is missing',
      () => workbookPartsWithout(SHEET),
      /xl\/worksheets\/sheet1.xml fehlt/,
    ],
    [
      'a workbook whose sheet is not XML',
      () =>
        workbookParts.map((part) =>
          part.name === SHEET ? { ...part, content: Buffer.from('kein <xml') } : part,
        ),
      /beschädigt/,
    ],
  ])('rejects %s whole', async (name, parts, message) => {
    const path = join(dir, `${name.replace(/\W+/g, '-')}.xlsx`);
    await writeZip(path, typeof parts === 'function' ? parts() : parts);
    const error = await openKfwWorkbook(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KfwFileRejectedError);
    expect((error as Error).message).toMatch(message);
  });
});

function workbookPartsWithout(name: string): ZipPart[] {
  return workbookParts.filter((part) => part.name !== name);
}

describe('large honest files', () => {
  it(
    'lets a 100,000-row workbook through and counts its rows for progress',
    { timeout: 120_000 },
    async () => {
      // given 100,000 applications written by exceljs (about 20 MB, a 100 MB sheet)
      const faker = germanFaker(11);
      const template = validKfwRow(faker, 0);
      const path = join(dir, 'large.xlsx');
      await writeKfwWorkbook(path, {
        rows: Array.from({ length: 100_000 }, (_, index) => ({
          ...template,
          antragsnummer: `A-${index}`,
          email: `person-${index}@example.de`,
        })),
      });
      // when it is opened and read
      const workbook = await openKfwWorkbook(path);
      let rows = 0;
      for await (const _row of workbook.rows()) rows += 1;
      // then every row arrives and the total was known before the first row
      expect(workbook.rowsBelowHeader).toBe(100_000);
      expect(rows).toBe(100_000);
    },
  );

  it('rejects a sheet with more rows than one import takes', async () => {
    const path = join(dir, 'rows.xlsx');
    await writeKfwWorkbook(path, {
      rows: Array.from({ length: 30 }, (_, index) => validKfwRow(germanFaker(), index)),
    });
    const error = await openKfwWorkbook(path, { maxRows: 20 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TooManyRowsError);
    expect((error as Error).message).toContain('31 Zeilen');
  });
});
