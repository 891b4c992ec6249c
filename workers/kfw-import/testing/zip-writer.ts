/**
 * A minimal zip writer for tests that need zips no honest tool writes: parts whose directory
 * lies about their size, and multi-gigabyte runs of zeros packed into a few megabytes. Deflated
 * parts are produced by streaming, so a 1 GB bomb never sits in memory unpacked.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { crc32, createDeflateRaw } from 'node:zlib';

/** One part of the zip. */
export interface ZipPart {
  readonly name: string;
  /** The content, a huge content given as repetitions (e.g. a run of zeros), or already deflated. */
  readonly content: Buffer | { readonly repeat: Buffer; readonly times: number } | Deflated;
  /** Write this as the unpacked size in the headers instead of the truth. */
  readonly declaredSize?: number;
}

/** Writes the parts, deflated, to `path`. */
export async function writeZip(path: string, parts: readonly ZipPart[]): Promise<void> {
  const out = createWriteStream(path);
  const directory: Buffer[] = [];
  let offset = 0;
  const write = async (buffer: Buffer): Promise<void> => {
    offset += buffer.length;
    if (!out.write(buffer)) await once(out, 'drain');
  };
  for (const part of parts) {
    const { packed, size, crc } =
      'packed' in part.content ? part.content : await deflate(part.content);
    const name = Buffer.from(part.name, 'utf8');
    const declared = part.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    directory.push(central, name);
    await write(Buffer.concat([local, name]));
    await write(packed);
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  await write(Buffer.concat([directoryBytes, end]));
  out.end();
  await once(out, 'finish');
}

/** A part's content, deflated once and reusable across zips. */
export interface Deflated {
  readonly packed: Buffer;
  readonly size: number;
  readonly crc: number;
}

/** Deflates a content (streaming, so a repeated content never sits in memory unpacked). */
export async function deflate(
  content: Buffer | { readonly repeat: Buffer; readonly times: number },
): Promise<Deflated> {
  const deflater = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflater.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = once(deflater, 'end');
  let crc = 0;
  let size = 0;
  const pieces = Buffer.isBuffer(content) ? [content] : null;
  const times = Buffer.isBuffer(content) ? 1 : content.times;
  for (let index = 0; index < times; index += 1) {
    const piece = pieces ? pieces[0]! : (content as { repeat: Buffer }).repeat;
    crc = crc32(piece, crc);
    size += piece.length;
    if (!deflater.write(piece)) await once(deflater, 'drain');
  }
  deflater.end();
  await done;
  return { packed: Buffer.concat(chunks), size, crc };
}
