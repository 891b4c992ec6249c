import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);

let dataDir: string;
const env = () => ({ PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', DATA_DIR: dataDir });
const now = (...args: string[]) => run(process.execPath, ['bin/now.js', ...args], { env: env() });

beforeAll(async () => {
  // given a database with eight demo applications
  dataDir = mkdtempSync(path.join(tmpdir(), 'now-export-'));
  await now('seed', 'demo', '--cases', '8');
}, 180_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('now export kfw', () => {
  it('writes the xlsx file named by --out, one line per application', async () => {
    // when the export is written as xlsx
    const out = path.join(dataDir, 'rueckmeldung.xlsx');
    const { stdout } = await now('export', 'kfw', '--out', out);
    // then it says how many lines it wrote, and the file has the header and those lines
    expect(stdout).toContain(`KfW export: 8 applications written to ${out}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(4).value).toBe('Reporting-ID');
    expect(sheet.rowCount).toBe(9);
    expect(String(sheet.getRow(2).getCell(1).value)).toMatch(/^(439|440|441)$/);
  }, 60_000);

  it('writes CSV for a .csv name, and refuses any other extension', async () => {
    // when the export is written as CSV
    const out = path.join(dataDir, 'rueckmeldung.csv');
    await now('export', 'kfw', '--out', out);
    // then it is UTF-8 with a BOM and semicolons
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\ufeffProgramm;Antragsnummer;')).toBe(true);
    expect(text.trimEnd().split('\r\n')).toHaveLength(9);
    // and a .pdf name is refused with a message, writing nothing
    const pdf = path.join(dataDir, 'rueckmeldung.pdf');
    const refused = await now('export', 'kfw', '--out', pdf).catch(
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect(refused).toMatchObject({ code: 2 });
    expect((refused as { stderr: string }).stderr).toContain('must end in .xlsx or .csv');
    expect(existsSync(pdf)).toBe(false);
  }, 60_000);
});
