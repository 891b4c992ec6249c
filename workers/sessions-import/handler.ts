/**
 * `sessions-import`: imports an upload of charging sessions (our CSV or OCPI 2.2.1 CDR JSON,
 * by the upload's `art`) from storage, checks them with the domain's session rules against the
 * reporting period (`periodId`, else the upload's period) and the case's charging points, keeps
 * a row report of what was rejected (table `importfehler`) and returns `rejectedCount`.
 *
 * Idempotent: an upload already processed (status VERARBEITET or ABGELEHNT) is answered from
 * its stored counts; the import itself is one transaction, so an interrupted delivery leaves
 * nothing behind. A file that cannot be read at all (no header, not JSON) marks the upload
 * ABGELEHNT with one report row saying why, and completes with `rejectedCount` 1 so the model
 * shows the applicant the report.
 */
import { z } from 'zod';
import {
  importMessageExcerpt,
  JOB_TYPES,
  VARIABLES,
  type Database,
  type Upload,
} from '../../domain/index.js';
import { ObjectNotFoundError } from '../storage/index.js';
import { complete, defineJobHandler, failPermanently } from '../runtime/job-handler.js';
import { readCsvSessions } from './csv-sessions.js';
import { importSessions, type FieldColumns } from './import-sessions.js';
import { readOcpiCdrs } from './ocpi-cdrs.js';
import { SessionsFileError } from './session-row.js';

/** Variables the job reads. */
export const sessionsImportVariables = z.object({
  [VARIABLES.caseId]: z.uuid(),
  [VARIABLES.uploadId]: z.uuid(),
  [VARIABLES.periodId]: z.uuid().nullish(),
});

const CSV_COLUMNS: FieldColumns = {
  pointId: 'evse_id',
  start: 'beginn',
  end: 'ende',
  energyKwh: 'energie_kwh',
};
const CDR_FIELDS: FieldColumns = {
  pointId: 'cdr_location.evse_id',
  start: 'start_date_time',
  end: 'end_date_time',
  energyKwh: 'total_energy',
};

/** The `sessions-import` handler. */
export const sessionsImportHandler = defineJobHandler({
  jobType: JOB_TYPES.sessionsImport,
  variables: sessionsImportVariables,
  async handle({ variables }, { db, storage, logger }) {
    const upload = await db.models.Upload.findByPk(variables.uploadId);
    if (!upload || upload.foerderfallId !== variables.caseId) {
      return failPermanently(
        `Upload ${variables.uploadId} des Förderfalls ${variables.caseId} nicht gefunden`,
      );
    }
    if (upload.status === 'VERARBEITET' || upload.status === 'ABGELEHNT') {
      return complete({ [VARIABLES.rejectedCount]: upload.zeilenAbgelehnt ?? 0 });
    }
    if (upload.art === 'DOKUMENT') {
      return failPermanently(`Upload ${upload.id} ist ein Dokument, keine Ladevorgänge`);
    }
    const periodId = variables.periodId ?? upload.berichtszeitraumId;
    const period = periodId ? await db.models.Berichtszeitraum.findByPk(periodId) : null;
    if (!period || period.foerderfallId !== upload.foerderfallId) {
      return failPermanently(
        `Upload ${upload.id}: kein Berichtszeitraum des Förderfalls ${variables.caseId} angegeben (Variable periodId oder Upload-Zuordnung)`,
      );
    }
    let file;
    try {
      file = await storage.get(upload.speicherSchluessel);
    } catch (error) {
      if (error instanceof ObjectNotFoundError) {
        return failPermanently(
          `Datei ${upload.speicherSchluessel} des Uploads ${upload.id} fehlt im Speicher`,
        );
      }
      throw error;
    }
    const csv = upload.art === 'LADEVORGAENGE_CSV';
    try {
      const summary = await importSessions(db, {
        upload,
        period,
        rows: csv ? readCsvSessions(file) : readOcpiCdrs(file),
        columns: csv ? CSV_COLUMNS : CDR_FIELDS,
      });
      logger.info(
        {
          uploadId: upload.id,
          total: summary.total,
          imported: summary.imported,
          rejected: summary.rejected,
        },
        'sessions imported',
      );
      return complete({ [VARIABLES.rejectedCount]: summary.rejected });
    } catch (error) {
      if (!(error instanceof SessionsFileError)) throw error;
      await rejectWhole(db, upload, error);
      return complete({ [VARIABLES.rejectedCount]: 1 });
    } finally {
      file.destroy();
    }
  },
});

async function rejectWhole(db: Database, upload: Upload, error: SessionsFileError): Promise<void> {
  await db.sequelize.transaction(async (transaction) => {
    await db.models.Importfehler.destroy({ where: { uploadId: upload.id }, transaction });
    await db.models.Importfehler.create(
      {
        uploadId: upload.id,
        zeile: error.row ?? 1,
        spalte: error.column,
        wert: null,
        code: error.code,
        meldung: importMessageExcerpt(error.message),
      },
      { transaction },
    );
    await upload.update(
      { status: 'ABGELEHNT', zeilenGesamt: null, zeilenUebernommen: 0, zeilenAbgelehnt: 1 },
      { transaction },
    );
  });
}
