/**
 * `case-validate`: checks the case's master data and locations against the domain's rules
 * (points within what was applied for, kW within the programme's limit, commissioning dates
 * real and not in the future, access as the programme requires, at least one location with
 * charging groups) and returns `valid` and `findings` (code, severity, field path, German and
 * English message). Reads only: delivering it twice gives the same answer.
 */
import { z } from 'zod';
import { JOB_TYPES, VARIABLES, checkLocations, isValid, type Finding } from '../../domain/index.js';
import { groupInput } from '../case-data/group-input.js';
import { loadCase } from '../case-data/load-case.js';
import { complete, defineJobHandler, failPermanently } from '../runtime/job-handler.js';
import { accessMismatch, noGroups, noLocation } from './case-findings.js';

/** Variables the job reads. */
export const caseValidateVariables = z.object({ [VARIABLES.caseId]: z.uuid() });

/** The `case-validate` handler. */
export const caseValidateHandler = defineJobHandler({
  jobType: JOB_TYPES.caseValidate,
  variables: caseValidateVariables,
  async handle({ variables }, { db, clock }) {
    const data = await loadCase(db, variables.caseId);
    if (!data) return failPermanently(`Förderfall ${variables.caseId} nicht gefunden`);
    const findings: Finding[] = [];
    if (data.standorte.length === 0) findings.push(noLocation());
    data.standorte.forEach(({ standort, gruppen }, index) => {
      if (gruppen.length === 0) findings.push(noGroups(index));
      const required = data.programm.zugang;
      if (required && standort.zugang !== required) {
        findings.push(accessMismatch(index, data.programm.code, required, standort.zugang ?? null));
      }
    });
    const limit = data.programm.maxKwProLadepunkt;
    findings.push(
      ...checkLocations({
        programme: {
          code: data.programm.code,
          maxKwPerPoint: limit === null ? null : Number(limit),
        },
        pointsAppliedFor: data.fall.anzahlLadepunkteBeantragt,
        locations: data.standorte.map(({ gruppen }) => ({ groups: gruppen.map(groupInput) })),
        asOf: clock(),
      }),
    );
    return complete({ [VARIABLES.valid]: isValid(findings), [VARIABLES.findings]: findings });
  },
});
