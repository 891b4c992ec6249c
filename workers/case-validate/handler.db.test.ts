import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../domain/testing/test-database.js';
import { createTestCase, type TestCaseOptions } from '../case-data/testing/case-factory.js';
import { runHandler } from '../runtime/testing/run-handler.js';
import { caseValidateHandler } from './handler.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(() => t.close());

const asOf = () => new Date('2025-01-01T12:00:00Z');

async function validate(options: TestCaseOptions) {
  const { fall } = await createTestCase(t.db, options);
  const result = await runHandler(
    caseValidateHandler,
    { caseId: fall.id },
    { db: t.db, clock: asOf },
  );
  if (result.action !== 'complete') throw new Error(`not completed: ${JSON.stringify(result)}`);
  return result.variables as {
    valid: boolean;
    findings: { code: string; path: string; message: string }[];
  };
}

describe('case-validate', () => {
  it('passes a case whose location fits the application and the programme', async () => {
    expect(await validate({})).toEqual({ valid: true, findings: [] });
  });

  it.each<[string, TestCaseOptions, string, string]>([
    [
      'more points than applied for',
      { gruppe: { anzahlLadesaeulen: 3 } },
      'POINTS_ABOVE_APPLIED',
      'locations',
    ],
    [
      'kW above the programme limit',
      { gruppe: { kwProLadepunkt: '50.00' } },
      'GROUP_KW_ABOVE_LIMIT',
      'locations[0].groups[0].kwPerPoint',
    ],
    [
      'commissioning in the future',
      { gruppe: { inbetriebnahme: '2031-05-01' } },
      'COMMISSIONING_IN_FUTURE',
      'locations[0].groups[0].commissionedAt',
    ],
    [
      'a public location in KfW 441',
      { standort: { zugang: 'OEFFENTLICH' } },
      'LOCATION_ACCESS_MISMATCH',
      'locations[0].access',
    ],
    ['no location', { withoutLocation: true }, 'CASE_NO_LOCATION', 'locations'],
  ])('finds %s', async (_name, options, code, path) => {
    // when a case with that defect is validated
    const { valid, findings } = await validate(options);
    // then it is invalid and the finding names the field with a German message
    expect(valid).toBe(false);
    const found = findings.find((f) => f.code === code);
    expect(found?.path.startsWith(path)).toBe(true);
    expect(found?.message).toMatch(/[a-zäöü]/);
  });

  it('refuses a caseId that is not a UUID', async () => {
    const result = await runHandler(caseValidateHandler, { caseId: 'A-123' }, { db: t.db });
    expect(result).toMatchObject({ action: 'fail', retries: 0 });
  });
});
