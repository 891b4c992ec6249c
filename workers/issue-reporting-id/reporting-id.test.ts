import { describe, expect, it } from 'vitest';
import { isValidReportingId, newReportingId } from './reporting-id.js';

describe('Reporting-ID', () => {
  it('has the documented shape and valid check digits', () => {
    // when many ids are drawn
    const ids = Array.from({ length: 2000 }, () => newReportingId());
    // then each looks like RP-XXXX-XXXX-XXXX-NN, passes its check and none repeats
    for (const id of ids) {
      expect(id).toMatch(
        /^RP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-\d{2}$/,
      );
      expect(isValidReportingId(id)).toBe(true);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('catches every single-character typo', () => {
    // given an id
    const id = newReportingId();
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    // when any one body character is replaced by another
    for (const position of [3, 4, 5, 6, 8, 9, 10, 11, 13, 14, 15, 16]) {
      for (const char of alphabet) {
        if (char === id[position]) continue;
        const typo = `${id.slice(0, position)}${char}${id.slice(position + 1)}`;
        // then the check fails
        expect(isValidReportingId(typo), typo).toBe(false);
      }
    }
  });

  it.each([
    ['a changed check digit', (id: string) => `${id.slice(0, -1)}${(Number(id.at(-1)) + 1) % 10}`],
    ['a missing group', (id: string) => id.slice(8)],
    ['a letter Crockford leaves out', (id: string) => `RP-I${id.slice(4)}`],
    ['an empty string', () => ''],
  ])('refuses %s', (_name, spoil) => {
    expect(isValidReportingId(spoil(newReportingId()))).toBe(false);
  });

  it('accepts lower case and surrounding spaces as typed by people', () => {
    const id = newReportingId();
    expect(isValidReportingId(` ${id.toLowerCase()} `)).toBe(true);
  });
});
