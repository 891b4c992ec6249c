/**
 * Officer review forms (`pruefung`, `bericht-pruefung`, `aenderungsmeldung-pruefung`,
 * `widerruf-freigabe`, `snapshot-pruefung`, ...): the decision and the findings per field go to
 * the process (`decision`, `findings` in the shape of `domain/rules` findings), so the applicant's
 * rework task can show them. The domain has no table of officer findings: the completion's audit
 * event keeps them with the whole form, which is where case detail and timeline read them.
 */
import type { FormWriter } from './form-writer.js';
import { list } from './form-writer.js';

/** The review writer. */
export const reviewWriter: FormWriter = {
  async write({ data }) {
    const processVariables: Record<string, unknown> = {};
    if (typeof data.decision === 'string') processVariables.decision = data.decision;
    if (Array.isArray(data.befunde))
      processVariables.findings = list(data.befunde).map((b) => ({
        code: typeof b.code === 'string' ? b.code : 'OFFICER_FINDING',
        severity: 'error',
        path: String(b.feld),
        message: String(b.begruendung),
      }));
    return { tables: [], processVariables };
  },
};
