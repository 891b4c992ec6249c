/**
 * `upload-ladevorgaenge`: the process gets `uploadId` (the file of charging sessions this case
 * uploaded for the task's period), or `null` when the person uploads nothing this time; the
 * `sessions-import` worker then reads the file. The upload must belong to the case, and to the
 * period when it names one; it is tied to the period if it was not yet.
 */
import { formDataMismatch } from './form-data-mismatch.js';
import type { FormWriter } from './form-writer.js';

/** The session-upload writer. */
export const uploadWriter: FormWriter = {
  needs: ['periodId'],
  async write({ db, data, transaction, caseId, variables }) {
    if (data.ohneUpload === true || typeof data.uploadId !== 'string')
      return { tables: [], processVariables: { uploadId: null } };
    const periodId = typeof variables.periodId === 'string' ? variables.periodId : null;
    const upload = caseId
      ? await db.models.Upload.findOne({
          where: { id: data.uploadId, foerderfallId: caseId },
          transaction,
        })
      : null;
    if (
      !upload ||
      upload.art === 'DOKUMENT' ||
      (periodId && upload.berichtszeitraumId && upload.berichtszeitraumId !== periodId)
    )
      throw formDataMismatch(
        'uploadId',
        'Diese Datei wurde nicht als Ladevorgänge zu diesem Berichtszeitraum hochgeladen',
      );
    if (periodId && !upload.berichtszeitraumId)
      await upload.update({ berichtszeitraumId: periodId }, { transaction });
    return {
      tables: ['upload'],
      ids: { uploadId: upload.id },
      processVariables: { uploadId: upload.id },
    };
  },
};
