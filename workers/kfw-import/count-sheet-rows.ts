/**
 * The pre-pass over the sheet: inflates it once without parsing XML, counting `<row` elements.
 * It proves the sheet really unpacks within the limits before a single row is stored (a lying
 * zip directory is caught here, not half-way through an import) and gives the progress total.
 */
import type { GuardedZip } from './zip-guard.js';

const ROW_TAG = Buffer.from('<row');

/** Number of `<row>` elements in a sheet part (an upper bound of its non-empty rows). */
export async function countSheetRows(zip: GuardedZip, part: string): Promise<number> {
  let rows = 0;
  let carry = Buffer.alloc(0);
  for await (const chunk of await zip.openEntry(part)) {
    // Keep the last bytes so a tag split across two chunks is still found.
    const buffer = carry.length ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    let at = buffer.indexOf(ROW_TAG);
    while (at !== -1 && at + ROW_TAG.length < buffer.length) {
      const next = buffer[at + ROW_TAG.length];
      // `<row ` or `<row>`, not `<rowBreaks` or `<rows`.
      if (
        next === 0x20 ||
        next === 0x3e ||
        next === 0x2f ||
        next === 0x0a ||
        next === 0x09 ||
        next === 0x0d
      )
        rows += 1;
      at = buffer.indexOf(ROW_TAG, at + 1);
    }
    const keepFrom = at === -1 ? Math.max(0, buffer.length - ROW_TAG.length) : at;
    carry = Buffer.from(buffer.subarray(keepFrom));
  }
  return rows;
}
