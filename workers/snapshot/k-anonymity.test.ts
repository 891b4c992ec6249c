import { describe, expect, it } from 'vitest';
import { hierarchyOf, keepHierarchy } from './generalisation.js';
import { chooseLevels, KAnonymityCounter, publishedTuple } from './k-anonymity.js';

const qis = [
  { column: 'plz', method: 'plz-2-digits', hierarchy: hierarchyOf('plz-2-digits') },
  { column: 'typ', method: 'keep', hierarchy: keepHierarchy },
];

function counterOf(rows: Record<string, unknown>[]) {
  const counter = new KAnonymityCounter(qis);
  for (const row of rows) counter.add(row);
  return counter;
}
const repeat = (n: number, row: Record<string, unknown>) =>
  Array.from({ length: n }, () => ({ ...row }));

describe('k-anonymity', () => {
  it('keeps the base level when every class has at least k rows', () => {
    // given two classes of 10 rows each
    const rows = [
      ...repeat(10, { plz: '10115', typ: 'UNTERNEHMEN' }),
      ...repeat(10, { plz: '20095', typ: 'UNTERNEHMEN' }),
    ];
    // when levels are chosen with k = 10
    const decided = chooseLevels(counterOf(rows), 10, 0);
    // then nothing is generalised further or suppressed
    expect(decided.levels).toEqual([0, 0]);
    expect(decided.suppressedRows).toBe(0);
    expect(publishedTuple(counterOf(rows), decided, rows[0]!)).toEqual(['10', 'UNTERNEHMEN']);
  });

  it('generalises the column with the most distinct values until the small classes fit the budget', () => {
    // given 5 + 5 rows in PLZ zones 10 and 12 (same first digit) and 10 rows elsewhere
    const rows = [
      ...repeat(5, { plz: '10115', typ: 'WEG' }),
      ...repeat(5, { plz: '12043', typ: 'WEG' }),
      ...repeat(10, { plz: '20095', typ: 'WEG' }),
    ];
    const counter = counterOf(rows);
    // when levels are chosen with k = 10 and no suppression allowed
    const decided = chooseLevels(counter, 10, 0);
    // then the PLZ drops to its first digit, which makes both small classes one of 10
    expect(decided.levels).toEqual([1, 0]);
    expect(decided.suppressedRows).toBe(0);
    expect(publishedTuple(counter, decided, rows[0]!)).toEqual(['1', 'WEG']);
  });

  it('suppresses the quasi-identifiers of the rows left in small classes within the budget', () => {
    // given 19 ordinary rows and one natural person
    const rows = [
      ...repeat(19, { plz: '10115', typ: 'UNTERNEHMEN' }),
      { plz: '10115', typ: 'NATUERLICHE_PERSON' },
    ];
    const counter = counterOf(rows);
    // when 5 % of the rows may be suppressed
    const decided = chooseLevels(counter, 10, 0.05);
    // then the lone row loses its quasi-identifiers and the others keep theirs
    expect(decided.suppressedRows).toBe(1);
    expect(publishedTuple(counter, decided, rows[19]!)).toBeNull();
    expect(publishedTuple(counter, decided, rows[0]!)).toEqual(['10', 'UNTERNEHMEN']);
  });

  it('treats a tuple of only nulls as saying nothing', () => {
    const rows = [{ plz: null, typ: null }];
    const counter = counterOf(rows);
    const decided = chooseLevels(counter, 10, 0);
    expect(decided.suppressedRows).toBe(0);
    expect(publishedTuple(counter, decided, rows[0]!)).toEqual([null, null]);
  });
});
