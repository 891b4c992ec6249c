import { describe, expect, it } from 'vitest';
import { generalisationMethods } from '../../domain/index.js';
import { generaliseAt, hierarchyOf, isoDate, keepHierarchy } from './generalisation.js';

describe('generalisation hierarchies', () => {
  it.each([
    // method, value, level 0, level 1
    ['plz-2-digits', '01067', '01', '0'],
    ['plz-2-digits', '1067', null, null],
    ['ags-to-district', '09162000', '09162', '09'],
    ['ags-to-district', '0916200', null, null],
    ['date-to-month', '2024-03-17', '2024-03', '2024'],
    ['date-to-month', '2024-01-20 01:47:33.000 +00:00', '2024-01', '2024'],
    ['date-to-month', new Date('2023-12-31T23:30:00Z'), '2023-12', '2023'],
    ['date-to-month', 'gestern', null, null],
    ['date-to-year', '2024-03-17', '2024', null],
    ['amount-band', '45000.00', '[25000,50000)', '[10000,100000)'],
    ['amount-band', 900, '[500,1000)', '[0,1000)'],
    ['amount-band', 2_500_000, '>=1000000', '>=1000000'],
    ['amount-band', -5, '<0', '<0'],
    ['count-band', 1, '1', '1'],
    ['count-band', 4, '3-4', '2-4'],
    ['count-band', 12, '10-19', '5-19'],
    ['count-band', 1500, '1000+', '100+'],
    ['count-band', -1, null, null],
    ['kw-band', '11.00', '(3.7,11]', '(0,22]'],
    ['kw-band', 22, '(11,22]', '(0,22]'],
    ['kw-band', 150, '(50,150]', '(22,150]'],
    ['kw-band', 0, '0', '0'],
    ['percent-band', 100, '>=100', '>=100'],
    ['percent-band', '80.5', '[75,100)', '[0,100)'],
    ['coordinate-1km', '53.551086', 53.544, 53.52],
    ['coordinate-1km', 9.993682, 9.992, 10],
    ['wz-to-division', '49.41', '49', 'H'],
    ['wz-to-division', '01.1', '01', 'A'],
    ['wz-to-division', 'Spedition', null, null],
  ] as const)('%s: %j -> %j -> %j -> suppressed', (method, value, level0, level1) => {
    const hierarchy = hierarchyOf(method);
    expect(generaliseAt(hierarchy, value, 0)).toEqual(level0);
    expect(generaliseAt(hierarchy, value, 1)).toEqual(level1);
    expect(generaliseAt(hierarchy, value, hierarchy.levels.length - 1)).toBeNull();
  });

  it('has a hierarchy for every method the classification names, ending in suppression', () => {
    for (const method of generalisationMethods) {
      const hierarchy = hierarchyOf(method);
      expect(hierarchy.coarsen).toHaveLength(hierarchy.levels.length - 1);
      expect(hierarchy.levels.at(-1)).toBe('suppressed');
    }
  });

  it('never passes through a value of unexpected shape', () => {
    for (const method of generalisationMethods) {
      expect(generaliseAt(hierarchyOf(method), 'LEAK-unexpected', 0)).toBeNull();
    }
  });

  it('keeps a kept quasi-identifier, then suppresses it', () => {
    expect(generaliseAt(keepHierarchy, 'WEG', 0)).toBe('WEG');
    expect(generaliseAt(keepHierarchy, 'WEG', 1)).toBeNull();
  });

  it('reads dates from either database', () => {
    expect(isoDate('2024-01-20 01:47:33.000 +00:00')).toBe('2024-01-20T01:47:33.000Z');
    expect(isoDate('2024-02-29')).toBe('2024-02-29');
    expect(isoDate(null)).toBeNull();
  });
});
