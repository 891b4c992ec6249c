import { describe, expect, it } from 'vitest';
import { importMessageExcerpt, importValueExcerpt } from './importfehler-excerpt.js';

describe('importValueExcerpt', () => {
  it('keeps a value of up to 200 characters as it is', () => {
    expect(importValueExcerpt('DE*HAM*E9001')).toBe('DE*HAM*E9001');
    expect(importValueExcerpt('x'.repeat(200))).toBe('x'.repeat(200));
    expect(importValueExcerpt(null)).toBeNull();
  });

  it('keeps the first 200 characters of a megabyte cell and says how long it was', () => {
    expect(importValueExcerpt('M'.repeat(1024 * 1024))).toBe(
      `${'M'.repeat(200)}… (1.048.576 Zeichen)`,
    );
  });

  it('counts characters, not UTF-16 units, and splits no emoji', () => {
    const excerpt = importValueExcerpt('😀'.repeat(300));
    expect(excerpt).toBe(`${'😀'.repeat(200)}… (300 Zeichen)`);
  });
});

describe('importMessageExcerpt', () => {
  it('cuts a message quoting a giant value after 2,000 characters', () => {
    const message = `Zeile 3: Ladepunkt „${'E'.repeat(100_000)}“ gehört nicht zu diesem Förderfall.`;
    const excerpt = importMessageExcerpt(message);
    expect(excerpt.startsWith('Zeile 3: Ladepunkt „EEE')).toBe(true);
    expect(excerpt).toMatch(/… \(100\.0\d\d Zeichen\)$/);
    expect(excerpt.length).toBeLessThan(2100);
  });
});
