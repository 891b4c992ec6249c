import { describe, expect, it } from 'vitest';
import { feelIdentifiers } from './feel-identifiers.js';
import { parseAllModels } from './read-model.js';

describe('feelIdentifiers', () => {
  it.each([
    ['a condition with a string literal', '<c>=decision = "rework"</c>', ['decision']],
    ['an escaped attribute', '<t dueDate="=periodDeadline" />', ['periodDeadline']],
    [
      'date arithmetic',
      '<t>=date and time(periodDeadline) - duration("P14D")</t>',
      ['periodDeadline'],
    ],
    ['a null check', '<c>=uploadId != null</c>', ['uploadId']],
    [
      'a FEEL string concatenation',
      '<a candidateGroups="=&quot;case:&quot; + caseId" />',
      ['caseId'],
    ],
    ['a static value', '<t>R/P14D</t>', []],
  ])('reads %s', (_what, xml, names) => {
    expect(feelIdentifiers(xml)).toEqual(names);
  });

  it('finds the variables the models read', async () => {
    const names = (await parseAllModels()).flatMap((model) => feelIdentifiers(model.xml));
    expect(new Set(names)).toEqual(
      new Set([
        'caseId',
        'periodId',
        'periodIds',
        'periodEnd',
        'periodDeadline',
        'uploadId',
        'valid',
        'decision',
        'rejectedCount',
        'suppressedCount',
      ]),
    );
  });
});
