/** The manifest written beside every dump (`snapshots/<id>.manifest.json`). */
import type { DumpReport } from './dump-statements.js';

/** Everything an analyst (or an auditor) needs to know about one snapshot. */
export interface SnapshotManifest {
  snapshotId: string;
  createdAt: string;
  generator: { name: string; version: string };
  source: { dialect: 'sqlite' | 'mysql' };
  dump: {
    key: string;
    format: string;
    compression: { algorithm: 'gzip'; level: number };
    /** SHA-256 (hex) of the gzipped dump as stored. */
    sha256: string;
    bytes: number;
  };
  tables: DumpReport['tables'];
  kAnonymity: {
    k: number;
    maxSuppressionRate: number;
    method: string;
    suppressedRows: number;
  };
  sessions?: DumpReport['sessions'];
  outOfScope: string[];
}

/** Object keys of a snapshot. */
export function snapshotKeys(snapshotId: string) {
  return {
    dump: `snapshots/${snapshotId}.sql.gz`,
    manifest: `snapshots/${snapshotId}.manifest.json`,
    partialDump: `snapshots/.partial/${snapshotId}.sql.gz`,
    partialManifest: `snapshots/.partial/${snapshotId}.manifest.json`,
  };
}

/** A snapshot id from a time: `2026-11-24T22-33-06-123Z` (safe in file names and keys). */
export function snapshotIdAt(date: Date): string {
  return date.toISOString().replace(/:/g, '-').replace('.', '-');
}

/** What a snapshot id may look like (ids come from job variables too). */
export const snapshotIdPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export const kAnonymityMethod =
  'Per table, over its quasi-identifier set (generalised columns and kept quasi columns): ' +
  'equivalence classes of the generalised values are counted (pass 1); whole columns are raised ' +
  'one level of their hierarchy at a time, the column with the most distinct values first ' +
  '(Datafly), until at most maxSuppressionRate of the rows lie in classes smaller than k; the ' +
  'quasi-identifiers of those rows are then suppressed (set to NULL; the row stays so foreign ' +
  'keys join). Pass 2 writes the rows.';

export const outOfScope = [
  'The engine state (process instances, variables, jobs, incidents) is not part of the snapshot: process variables carry ids and decisions only, never form data.',
  'Stored files (uploads, documents, KfW files) are not part of the snapshot; only their table rows, without names, hashes or storage keys.',
  'The migration bookkeeping table (SequelizeMeta).',
];
