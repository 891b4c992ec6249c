import { describe, expect, it, vi } from 'vitest';
import { handleKfwImportJob, type KfwImportDeps } from './handler.js';
import {
  ImportRunFailedError,
  ImportStillRunningError,
  type ImportOutcome,
} from './import-file.js';
import { DamagedWorkbookError, SheetMissingError } from './kfw-file-errors.js';

const SUMMARY = { new: 2, updated: 1, unchanged: 0, rejected: 3 };

function deps(outcome: ImportOutcome | Error, overrides: Partial<KfwImportDeps> = {}) {
  const release = vi.fn(async () => undefined);
  const started: string[] = [];
  const value: KfwImportDeps = {
    openStoredFile: vi.fn(async (key: string) => ({ path: `/storage/${key}`, release })),
    importFile: vi.fn(async () => {
      if (outcome instanceof Error) throw outcome;
      return outcome;
    }),
    startCaseProcesses: vi.fn(async (caseIds: readonly string[]) => {
      started.push(...caseIds);
    }),
    retryBackOffMs: 1000,
    ...overrides,
  };
  return { value, release, started };
}

const imported: ImportOutcome = {
  kind: 'imported',
  importRunId: 'run-1',
  summary: SUMMARY,
  newCaseIds: ['case-a', 'case-b'],
};

describe('handleKfwImportJob', () => {
  it('completes with ids and counts only, after starting a process per new case', async () => {
    // given a delivered file that imports with two new cases
    const { value, release, started } = deps(imported);
    // when the job is handled
    const outcome = await handleKfwImportJob(
      { variables: { fileKey: 'kfw-inbox/antraege.xlsx' }, retries: 3 },
      value,
    );
    // then the job completes with importRunId and rejectedCount, and both cases got their process
    expect(outcome).toMatchObject({
      kind: 'complete',
      variables: { importRunId: 'run-1', rejectedCount: 3 },
      alreadyImported: false,
    });
    expect(started).toEqual(['case-a', 'case-b']);
    expect(value.importFile).toHaveBeenCalledWith('/storage/kfw-inbox/antraege.xlsx', {
      fileName: 'antraege.xlsx',
      storageKey: 'kfw-inbox/antraege.xlsx',
    });
    expect(release).toHaveBeenCalledOnce();
  });

  it('completes a job delivered again with the same variables and lets the idempotent starter see the cases again', async () => {
    const { value, started } = deps({ ...imported, kind: 'already-imported' });
    const outcome = await handleKfwImportJob(
      { variables: { fileKey: 'kfw-inbox/antraege.xlsx' }, retries: 3 },
      value,
    );
    expect(outcome).toMatchObject({
      kind: 'complete',
      variables: { importRunId: 'run-1', rejectedCount: 3 },
      alreadyImported: true,
    });
    expect(started).toEqual(['case-a', 'case-b']);
  });

  it.each([
    ['no fileKey', {}, 'fileKey fehlt'],
    ['a number', { fileKey: 42 }, 'fileKey fehlt oder ist kein Text'],
    ['an empty key', { fileKey: '' }, 'fileKey ist leer'],
    ['a path out of storage', { fileKey: 'kfw-inbox/../../etc/passwd' }, '„..“'],
    ['an absolute path', { fileKey: '/etc/passwd' }, 'relativer Speicherschlüssel'],
  ])('fails without retries on %s', async (_case, variables, message) => {
    const { value } = deps(imported);
    const outcome = await handleKfwImportJob({ variables, retries: 3 }, value);
    expect(outcome).toMatchObject({ kind: 'fail', code: 'KFW_IMPORT_INPUT_INVALID', retries: 0 });
    expect(outcome.kind === 'fail' && outcome.message).toContain(message);
    expect(value.importFile).not.toHaveBeenCalled();
  });

  it('fails without retries when the file is rejected whole, naming the reason, and moves it to kfw-rejected', async () => {
    const settleStoredFile = vi.fn(async () => 'kfw-rejected/x.xlsx');
    const { value, started } = deps(
      {
        kind: 'rejected',
        importRunId: 'run-3',
        error: new SheetMissingError('Antraege', ['Tabelle1']),
      },
      { settleStoredFile },
    );
    const outcome = await handleKfwImportJob(
      { variables: { fileKey: 'kfw-inbox/x.xlsx' }, retries: 3 },
      value,
    );
    expect(outcome).toMatchObject({ kind: 'fail', code: 'KFW_SHEET_MISSING', retries: 0 });
    expect(outcome.kind === 'fail' && outcome.message).toContain('„Antraege“ fehlt');
    expect(started).toEqual([]);
    expect(settleStoredFile).toHaveBeenCalledExactlyOnceWith(
      'kfw-inbox/x.xlsx',
      'rejected',
      'run-3',
    );
  });

  it('moves an imported file to kfw-processed, and its outcome stands when the move fails', async () => {
    const settleStoredFile = vi.fn(async () => {
      throw new Error('bucket away');
    });
    const { value } = deps(imported, { settleStoredFile });
    const outcome = await handleKfwImportJob(
      { variables: { fileKey: 'kfw-inbox/x.xlsx' }, retries: 3 },
      value,
    );
    expect(outcome).toMatchObject({ kind: 'complete', variables: { importRunId: 'run-1' } });
    expect(settleStoredFile).toHaveBeenCalledExactlyOnceWith(
      'kfw-inbox/x.xlsx',
      'processed',
      'run-1',
    );
  });

  it('fails with one retry less and a back-off when the database is away', async () => {
    const { value, release } = deps(new Error('SQLITE_BUSY: database is locked'));
    const outcome = await handleKfwImportJob(
      { variables: { fileKey: 'kfw-inbox/x.xlsx' }, retries: 3 },
      value,
    );
    expect(outcome).toMatchObject({
      kind: 'fail',
      code: 'KFW_IMPORT_TRANSIENT',
      retries: 2,
      retryBackOffMs: 1000,
    });
    expect(outcome.kind === 'fail' && outcome.message).toContain('database is locked');
    expect(release).toHaveBeenCalledOnce();
  });

  it('fails without retries when the sheet turns out damaged half-way through', async () => {
    const broken = new ImportRunFailedError('run-7', {
      cause: new DamagedWorkbookError('xl/worksheets/sheet1.xml'),
    });
    const { value } = deps(broken);
    const outcome = await handleKfwImportJob(
      { variables: { fileKey: 'kfw-inbox/x.xlsx' }, retries: 3 },
      value,
    );
    expect(outcome).toMatchObject({ kind: 'fail', code: 'KFW_FILE_DAMAGED', retries: 0 });
    expect(outcome.kind === 'fail' && outcome.message).toContain('run-7');
  });

  it('waits without using up a retry while another worker imports the same file', async () => {
    const { value } = deps(new ImportStillRunningError('run-9', new Date('2026-11-24T10:00:00Z')));
    const outcome = await handleKfwImportJob(
      { variables: { fileKey: 'kfw-inbox/x.xlsx' }, retries: 2 },
      value,
    );
    expect(outcome).toMatchObject({
      kind: 'fail',
      code: 'KFW_IMPORT_STILL_RUNNING',
      retries: 2,
      retryBackOffMs: 2000,
    });
  });

  it('fails with a retry when starting a case process fails, so the redelivered job starts the rest', async () => {
    const { value } = deps(imported, {
      startCaseProcesses: vi.fn(async () => {
        throw new Error('gateway unavailable');
      }),
    });
    const outcome = await handleKfwImportJob(
      { variables: { fileKey: 'kfw-inbox/x.xlsx' }, retries: 1 },
      value,
    );
    expect(outcome).toMatchObject({ kind: 'fail', code: 'KFW_IMPORT_TRANSIENT', retries: 0 });
  });
});
