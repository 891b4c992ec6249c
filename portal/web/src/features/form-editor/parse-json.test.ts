import { describe, expect, it } from 'vitest';
import { parseJsonObject } from './parse-json.js';

describe('parseJsonObject', () => {
  it('gives the object of valid JSON', () => {
    expect(parseJsonObject('{"type":"object"}', false)).toEqual({
      ok: true,
      value: { type: 'object' },
    });
  });

  it('names line and column of a syntax error', () => {
    const result = parseJsonObject('{\n  "type": "object",\n  "x": \n}', false);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toBe('ValueExpected (4:1)');
  });

  it('refuses an array or a number, since a schema is an object', () => {
    expect(parseJsonObject('[1]', false)).toEqual({ ok: false, message: 'object' });
    expect(parseJsonObject('3', false)).toEqual({ ok: false, message: 'object' });
  });

  it('takes empty text as no UI schema only where that is allowed', () => {
    expect(parseJsonObject('  ', true)).toEqual({ ok: true, value: null });
    expect(parseJsonObject('', false).ok).toBe(false);
  });
});
