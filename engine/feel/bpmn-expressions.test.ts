/**
 * The expressions our BPMN models use, evaluated the way the engine evaluates each property
 * (`=` marks an expression; the typed helper matches what the element needs).
 */
import { describe, expect, it } from 'vitest';
import {
  evaluate,
  evaluateBoolean,
  evaluateContext,
  evaluateCorrelationKey,
  evaluateDateTime,
  evaluateList,
  evaluateString,
  evaluateStringList,
  expressionSource,
  isExpression,
  parseExpression,
} from './index.js';

const caseId = '3f2b8c1e-6a4d-4e0b-9d7a-0c1e2f3a4b5c';

describe('expressions of the funding processes', () => {
  it('every model expression passes the deploy-time syntax check', () => {
    // given the properties as they appear in the models
    const properties = [
      '="case:" + caseId',
      '=["case:" + caseId]',
      '=count(findings) = 0',
      '=decision = "approve"',
      '=periodIds',
      '=if valid then "ok" else "rework"',
      '=date and time(submittedAt) + duration("P14D")',
      '=caseId',
    ];
    // when
    const results = properties.map(
      (property) => isExpression(property) && parseExpression(expressionSource(property)),
    );
    // then
    expect(results).toEqual(properties.map(() => ({ ok: true })));
  });

  it('an applicant task goes to the case group', () => {
    // given the case of the process instance
    const variables = { caseId };
    // when
    const group = evaluateString('"case:" + caseId', variables);
    const groups = evaluateStringList('["case:" + caseId]', variables);
    // then
    expect(group).toMatchObject({ ok: true, value: `case:${caseId}` });
    expect(groups).toMatchObject({ ok: true, value: [`case:${caseId}`] });
  });

  it('case messages correlate on the case id', () => {
    expect(evaluateCorrelationKey('caseId', { caseId })).toMatchObject({ ok: true, value: caseId });
  });

  it.each([
    [[], true],
    [[{ rule: 'sessions-total', severity: 'error' }], false],
  ])('a report with findings %j is valid: %s', (findings, valid) => {
    expect(evaluateBoolean('count(findings) = 0', { findings })).toMatchObject({
      ok: true,
      value: valid,
    });
  });

  it('a report validated without findings counts as not valid, as on Zeebe', () => {
    // when the worker did not return findings
    const result = evaluateBoolean('count(findings) = 0', {});
    // then: count(null) is null and null = 0 is false in FEEL, so the flow for findings is taken
    expect(result).toMatchObject({ ok: true, value: false });
  });

  it.each([
    ['approve', true],
    ['reject', false],
  ])('the decision %s routes the approval gateway: %s', (decision, approved) => {
    expect(evaluateBoolean('decision = "approve"', { decision })).toMatchObject({
      ok: true,
      value: approved,
    });
  });

  it('a missing decision counts as not approved (null = "approve" is false in FEEL)', () => {
    // when
    const result = evaluateBoolean('decision = "approve"', {});
    // then
    expect(result).toMatchObject({ ok: true, value: false });
  });

  it('the reporting periods are the multi-instance input collection', () => {
    // given the plan-periods worker returned the period ids
    const variables = { periodIds: ['2026-H1', '2026-H2'] };
    // when
    const collection = evaluateList('periodIds', variables);
    // then
    expect(collection).toMatchObject({ ok: true, value: ['2026-H1', '2026-H2'] });
  });

  it('a missing input collection is an incident', () => {
    expect(evaluateList('periodIds', {})).toMatchObject({
      ok: false,
      code: 'FEEL_UNEXPECTED_TYPE',
      message:
        "Expected result of the expression 'periodIds' to be 'ARRAY', but was 'NULL'. The evaluation reported the following warnings:\n[NO_VARIABLE_FOUND] No variable found with name 'periodIds'",
    });
  });

  it.each([
    [true, 'ok'],
    [false, 'rework'],
    [null, 'rework'],
  ])('validation result %s maps to %s', (valid, outcome) => {
    expect(evaluate('if valid then "ok" else "rework"', { valid })).toMatchObject({
      ok: true,
      value: outcome,
    });
  });

  it('the rework deadline is fourteen days after submission', () => {
    // given
    const variables = { submittedAt: '2026-12-20T09:30:00Z' };
    // when
    const due = evaluateDateTime('date and time(submittedAt) + duration("P14D")', variables);
    const stored = evaluate('date and time(submittedAt) + duration("P14D")', variables);
    // then
    expect(due).toMatchObject({
      ok: true,
      value: { epochMillis: Date.parse('2027-01-03T09:30:00Z'), iso: '2027-01-03T09:30Z' },
    });
    expect(stored).toMatchObject({ ok: true, value: '2027-01-03T09:30Z' });
  });

  it('output mappings of a completed job build the variables to merge', () => {
    // given the job's variables and the mappings source -> target
    const jobVariables = { result: { valid: true, findings: [] }, reportId: 'r-7' };
    // when
    const mapped = evaluateContext(
      '{valid: result.valid, findings: result.findings, lastReport: reportId, missing: notThere}',
      jobVariables,
    );
    // then: a missing source maps null, as in Zeebe 8.8
    expect(mapped).toMatchObject({
      ok: true,
      value: { valid: true, findings: [], lastReport: 'r-7', missing: null },
    });
  });
});
