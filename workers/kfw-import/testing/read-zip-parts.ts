/** Reads every part of a zip (for tests that rebuild a real workbook with one part changed). */
import yauzl from 'yauzl';
import type { ZipPart } from './zip-writer.js';

/** The parts of the zip at `path`, unpacked, in directory order. */
export function readZipParts(path: string): Promise<ZipPart[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const parts: ZipPart[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, async (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          for await (const chunk of stream) chunks.push(chunk as Buffer);
          parts.push({ name: entry.fileName, content: Buffer.concat(chunks) });
          zip.readEntry();
        });
      });
      zip.on('end', () => resolve(parts));
      zip.readEntry();
    });
  });
}
