/**
 * KfW import administration: an uploaded KfW file goes into the storage inbox (`kfw-inbox/`),
 * where the inbox trigger starts the `kfw-import` process; import runs with their progress
 * (rows done of the total), rejected rows and the row report; the export for KfW.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { Op } from 'sequelize';
import type { Database, Importlauf } from '../../../../domain/index.js';
import {
  DependencyUnavailableError,
  NotFoundError,
  RequestInvalidError,
} from '../../http/portal-errors.js';
import type { Principal } from '../../http/principal.js';
import type { PortalStorage } from '../../portal-options.js';
import type { UploadedFile } from './multipart-upload.js';

/** The storage prefix the KfW inbox trigger watches (workers/kfw-inbox). */
export const KFW_INBOX_PREFIX = 'kfw-inbox/';

/** What an upload answers: where the file went and how to find its run. */
export interface UploadReceipt {
  fileKey: string;
  sha256: string;
  bytes: number;
  /** The run list filtered by this file's hash (the run appears once the import started). */
  runs: string;
}

/** One import run. */
export interface ImportRunView {
  id: string;
  dateiname: string;
  dateiHash: string;
  status: string;
  progress: { done: number; total: number };
  neu: number;
  aktualisiert: number;
  unveraendert: number;
  abgelehnt: number;
  fehlercode: string | null;
  fehlermeldung: string | null;
  gestartetAm: string;
  beendetAm: string | null;
}

/** One rejected row (or file-level problem) of a run. */
export interface RejectedRow {
  zeile: number;
  spalte: string | null;
  wert: string | null;
  code: string;
  meldung: string;
}

/** The service. */
export interface ImportService {
  upload(principal: Principal, file: UploadedFile, requestId: string): Promise<UploadReceipt>;
  list(filter: { hash?: string; from: number; limit: number }): Promise<{
    items: ImportRunView[];
    total: number;
  }>;
  run(
    id: string,
    page: { from: number; limit: number },
  ): Promise<ImportRunView & { rejected: { items: RejectedRow[]; total: number } }>;
  /** Checks the run exists (before a download starts streaming). */
  assertRun(id: string): Promise<string>;
  writeReport(id: string, out: Writable): Promise<number>;
}

function present(run: Importlauf): ImportRunView {
  return {
    id: run.id,
    dateiname: run.dateiname,
    dateiHash: run.dateiHash,
    status: run.status,
    progress: {
      done: run.neu + run.aktualisiert + run.unveraendert + run.abgelehnt,
      total: run.zeilenGesamt,
    },
    neu: run.neu,
    aktualisiert: run.aktualisiert,
    unveraendert: run.unveraendert,
    abgelehnt: run.abgelehnt,
    fehlercode: run.fehlercode ?? null,
    fehlermeldung: run.fehlermeldung ?? null,
    gestartetAm: run.gestartetAm.toISOString(),
    beendetAm: run.beendetAm ? run.beendetAm.toISOString() : null,
  };
}

/** A name safe as the last part of a storage key: letters, digits, `.`, `-`, `_`. */
const safeName = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w.-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(-100) || 'kfw.xlsx';

/** Creates the service (absent storage or report writer: those calls answer 503). */
export function createImportService(deps: {
  db: Database;
  storage: PortalStorage | undefined;
  importReport: ((importRunId: string, out: Writable) => Promise<number>) | undefined;
}): ImportService {
  const m = deps.db.models;

  async function existing(id: string): Promise<Importlauf> {
    const run = await m.Importlauf.findByPk(id);
    if (!run) throw new NotFoundError('Importlauf');
    return run;
  }

  return {
    async upload(principal, file, requestId) {
      if (!deps.storage) throw new DependencyUnavailableError('Speicher');
      if (!/\.xlsx$/i.test(file.name))
        throw new RequestInvalidError([
          { path: '/body/file', message: `${file.name}: erwartet wird eine KfW-Datei (.xlsx)` },
        ]);
      // An xlsx file is a zip archive; anything else is refused before it reaches the inbox.
      const handle = await open(file.path);
      const magic = Buffer.alloc(4);
      await handle.read(magic, 0, 4, 0);
      await handle.close();
      if (!magic.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])))
        throw new RequestInvalidError([
          { path: '/body/file', message: `${file.name}: keine xlsx-Datei (kein ZIP-Archiv)` },
        ]);
      // The hash prefix keeps two uploads with the same name apart.
      const fileKey = `${KFW_INBOX_PREFIX}${file.sha256.slice(0, 12)}-${safeName(file.name)}`;
      await deps.storage.put(fileKey, createReadStream(file.path));
      await m.AuditEvent.create({
        akteurTyp: 'PERSON',
        akteurId: principal.subject,
        aktion: 'kfw-datei.hochgeladen',
        objektTyp: 'kfw-datei',
        objektId: file.sha256,
        nachher: { fileKey, name: file.name, bytes: file.bytes },
        korrelationId: requestId,
      });
      return {
        fileKey,
        sha256: file.sha256,
        bytes: file.bytes,
        runs: `/api/imports?hash=${file.sha256}`,
      };
    },

    async list(filter) {
      const { rows, count } = await m.Importlauf.findAndCountAll({
        where: filter.hash ? { dateiHash: filter.hash } : {},
        order: [
          ['gestartetAm', 'DESC'],
          ['id', 'ASC'],
        ],
        offset: filter.from,
        limit: filter.limit,
      });
      return { items: rows.map(present), total: count };
    },

    async run(id, page) {
      const run = await existing(id);
      const { rows, count } = await m.Importfehler.findAndCountAll({
        where: { importlaufId: { [Op.eq]: id } },
        order: [
          ['zeile', 'ASC'],
          ['spalte', 'ASC'],
          ['id', 'ASC'],
        ],
        offset: page.from,
        limit: page.limit,
      });
      return {
        ...present(run),
        rejected: {
          items: rows.map((r) => ({
            zeile: r.zeile,
            spalte: r.spalte ?? null,
            wert: r.wert ?? null,
            code: r.code,
            meldung: r.meldung,
          })),
          total: count,
        },
      };
    },

    async assertRun(id) {
      const run = await existing(id);
      if (!deps.importReport) throw new DependencyUnavailableError('Zeilenbericht');
      return run.dateiname;
    },

    writeReport(id, out) {
      if (!deps.importReport) throw new DependencyUnavailableError('Zeilenbericht');
      return deps.importReport(id, out);
    },
  };
}
