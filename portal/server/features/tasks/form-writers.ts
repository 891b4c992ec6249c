/**
 * Writes validated form data to the domain tables (the process carries only ids and decisions):
 * one writer per form in `writers/`. Review forms go to the review writer (decision, findings in
 * `pruefbefund`); forms without a table (the import and snapshot reviews, ...) are kept in the
 * completion's audit event, which holds the whole form.
 */
import { abschlussbestaetigungWriter } from './writers/abschlussbestaetigung-writer.js';
import type { FormWriter } from './writers/form-writer.js';
import { contactWriter, missingReportWriter } from './writers/officer-case-writers.js';
import { nutzungsberichtWriter } from './writers/nutzungsbericht-writer.js';
import { reviewWriter } from './writers/review-writer.js';
import { stammdatenWriter } from './writers/stammdaten-writer.js';
import { standortWriter } from './writers/standort-writer.js';
import { uploadWriter } from './writers/upload-writer.js';

export type { WriteContext, Written } from './writers/form-writer.js';

/** Forms whose data goes to domain tables; every other form passes its decision only. */
const writers: Record<string, FormWriter> = {
  stammdaten: stammdatenWriter,
  standort: standortWriter,
  nutzungsbericht: nutzungsberichtWriter,
  'upload-ladevorgaenge': uploadWriter,
  'kontakt-aufnehmen': contactWriter,
  nachforderung: missingReportWriter,
  abschlussbestaetigung: abschlussbestaetigungWriter,
};

/** The writer of a form: its own, else the review writer (decision and findings). */
export function writerFor(formId: string | null): FormWriter {
  return (formId ? writers[formId] : undefined) ?? reviewWriter;
}
