/**
 * Time-ordered UUIDs (version 7, RFC 9562 section 5.7) for the rows the import inserts. A
 * random UUID (v4) as primary key sends every insert to a random page of every index that
 * holds it (the table's own key and each foreign key to it); with 100,000 new cases that no
 * longer fits the database's page cache and each batch got slower than the one before. V7 ids
 * grow with time, so the import appends to those indexes instead. They are still UUIDs for every
 * column and reader, and unguessable (74 random bits); the creation time they carry is on the
 * row anyway (`createdAt`).
 *
 * Written by hand: the `uuid` package in this tree (8.x) predates version 7, and the layout is
 * a dozen lines fixed by the RFC.
 */
import { randomFillSync } from 'node:crypto';

let lastMs = 0;
let counter = 0;
/** Random bytes fetched 4 KB at a time: one system call per 256 ids instead of one per id. */
const pool = Buffer.alloc(4096);
let poolAt = pool.length;

function random(bytes: number): Buffer {
  if (poolAt + bytes > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  poolAt += bytes;
  return pool.subarray(poolAt - bytes, poolAt);
}

/** A new UUIDv7; ids made by one process are strictly increasing, also within a millisecond. */
export function timeOrderedId(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    // a random start in the lower half leaves room for 2,048 ids in this millisecond
    counter = random(2).readUInt16BE(0) & 0x7ff;
  } else {
    counter += 1;
    if (counter > 0xfff) {
      // counter exhausted (RFC 9562 6.2): borrow the next millisecond
      lastMs += 1;
      counter = 0;
    }
  }
  const bytes = Buffer.from(random(16));
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
