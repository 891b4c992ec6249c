import { describe, expect, it } from 'vitest';
import { timeOrderedId } from './time-ordered-id.js';

describe('timeOrderedId', () => {
  it('makes version-7 UUIDs that sort in the order they were made, also within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => timeOrderedId(1_764_000_000_000));
    expect(
      ids.every((id) =>
        /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id),
      ),
    ).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('carries the millisecond in its first 48 bits', () => {
    const id = timeOrderedId(Date.UTC(2030, 0, 1));
    expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.UTC(2030, 0, 1));
  });
});
