/**
 * The first line of defence against hostile or broken files: an xlsx is a zip, and a zip can
 * claim anything. Before any XML is parsed, the zip's central directory is read (with yauzl,
 * which never trusts the local headers a streaming unzipper would follow) and the declared
 * sizes are checked: number of parts, each part's size, the total, and the compression ratio of
 * every large part. While a part is inflated, its real bytes are counted, so a directory that
 * lies about sizes is caught too (yauzl's `validateEntrySizes` and our own counter).
 *
 * @example
 *   const zip = await openGuardedZip('/inbox/antraege.xlsx');
 *   try {
 *     const stream = await zip.openEntry('xl/workbook.xml');
 *   } finally {
 *     zip.close();
 *   }
 */
import { open as openFile } from 'node:fs/promises';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import yauzl from 'yauzl';
import {
  DecompressionLimitError,
  FileTooLargeError,
  NotAWorkbookError,
} from './kfw-file-errors.js';

/** Size limits of one workbook. The defaults let a 100,000-row file pass with ample margin. */
export interface ZipLimits {
  /** @default 100 MiB: the file as delivered. */
  readonly maxFileBytes: number;
  /** @default 2,000 parts. */
  readonly maxEntries: number;
  /** @default 600 MiB: one unpacked part (a 100,000-row sheet is about 100-200 MiB). */
  readonly maxEntryBytes: number;
  /** @default 1 GiB: all unpacked parts together. */
  readonly maxTotalBytes: number;
  /**
   * @default 200: unpacked / packed size of one part. Spreadsheet XML packs 5 to 40 times;
   * a run of one byte packs about 1,000 times, which is what bombs are made of.
   */
  readonly maxRatio: number;
  /** @default 1 MiB: parts smaller than this are not ratio-checked (tiny parts pack oddly). */
  readonly ratioFloorBytes: number;
}

const MIB = 1024 * 1024;

/** The limits used unless a caller passes others. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxFileBytes: 100 * MIB,
  maxEntries: 2000,
  maxEntryBytes: 600 * MIB,
  maxTotalBytes: 1024 * MIB,
  maxRatio: 200,
  ratioFloorBytes: MIB,
};

/** A zip whose directory passed the checks; parts are inflated through a byte counter. */
export interface GuardedZip {
  /** Part names (e.g. `xl/workbook.xml`), in directory order. */
  readonly entryNames: readonly string[];
  /** True when the zip has this part. */
  has(name: string): boolean;
  /** Streams one part, inflated; the stream fails with {@link DecompressionLimitError} past the declared size. */
  openEntry(name: string): Promise<Readable>;
  close(): void;
}

const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Opens a workbook file and checks its zip directory against the limits.
 * @throws NotAWorkbookError, FileTooLargeError, DecompressionLimitError
 */
export async function openGuardedZip(
  path: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<GuardedZip> {
  await checkMagic(path, limits);
  const zipfile = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    yauzl.open(
      path,
      { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false },
      (error, zip) =>
        error || !zip
          ? reject(new NotAWorkbookError('das Zip-Verzeichnis ist beschädigt', { cause: error }))
          : resolve(zip),
    );
  });
  try {
    const entries = await readDirectory(zipfile, limits);
    return guarded(zipfile, entries);
  } catch (error) {
    zipfile.close();
    throw error;
  }
}

async function checkMagic(path: string, limits: ZipLimits): Promise<void> {
  const handle = await openFile(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > limits.maxFileBytes) throw new FileTooLargeError(size, limits.maxFileBytes);
    const head = Buffer.alloc(8);
    await handle.read(head, 0, 8, 0);
    if (head.equals(OLE2_MAGIC)) {
      throw new NotAWorkbookError(
        'sie ist im alten Format .xls (Excel 97-2003) gespeichert oder mit einem Kennwort verschlüsselt; bitte ohne Kennwort als .xlsx speichern',
      );
    }
    if (!head.subarray(0, 4).equals(ZIP_MAGIC)) {
      throw new NotAWorkbookError(
        size === 0 ? 'die Datei ist leer' : 'sie ist kein Zip-Archiv (vielleicht CSV oder Text?)',
      );
    }
  } finally {
    await handle.close();
  }
}

function readDirectory(
  zipfile: yauzl.ZipFile,
  limits: ZipLimits,
): Promise<Map<string, yauzl.Entry>> {
  if (zipfile.entryCount > limits.maxEntries) {
    throw new DecompressionLimitError(
      null,
      `${zipfile.entryCount} Teile, erlaubt sind ${limits.maxEntries}`,
    );
  }
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    let total = 0;
    zipfile.on('entry', (entry: yauzl.Entry) => {
      const problem = checkEntry(entry, limits, (total += entry.uncompressedSize));
      if (problem) return reject(problem);
      if (entries.has(entry.fileName)) {
        return reject(new NotAWorkbookError(`der Teil ${entry.fileName} kommt doppelt vor`));
      }
      entries.set(entry.fileName, entry);
      zipfile.readEntry();
    });
    zipfile.on('end', () => resolve(entries));
    zipfile.on('error', (error: unknown) =>
      reject(new NotAWorkbookError('das Zip-Verzeichnis ist beschädigt', { cause: error })),
    );
    zipfile.readEntry();
  });
}

function checkEntry(entry: yauzl.Entry, limits: ZipLimits, totalSoFar: number): Error | null {
  const name = entry.fileName;
  if (entry.uncompressedSize > limits.maxEntryBytes) {
    return new DecompressionLimitError(
      name,
      `${mb(entry.uncompressedSize)} entpackt, erlaubt sind ${mb(limits.maxEntryBytes)} je Teil`,
    );
  }
  if (totalSoFar > limits.maxTotalBytes) {
    return new DecompressionLimitError(
      null,
      `zusammen über ${mb(totalSoFar)} entpackt, erlaubt sind ${mb(limits.maxTotalBytes)}`,
    );
  }
  if (entry.uncompressedSize >= limits.ratioFloorBytes) {
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (ratio > limits.maxRatio) {
      return new DecompressionLimitError(
        name,
        `Kompressionsverhältnis ${Math.round(ratio)}:1, erlaubt sind ${limits.maxRatio}:1`,
      );
    }
  }
  if (entry.isEncrypted()) return new NotAWorkbookError(`der Teil ${name} ist verschlüsselt`);
  return null;
}

function guarded(zipfile: yauzl.ZipFile, entries: Map<string, yauzl.Entry>): GuardedZip {
  return {
    entryNames: [...entries.keys()],
    has: (name) => entries.has(name),
    openEntry: (name) =>
      new Promise((resolve, reject) => {
        const entry = entries.get(name);
        if (!entry) return reject(new NotAWorkbookError(`der Teil ${name} fehlt`));
        zipfile.openReadStream(entry, (error, stream) => {
          if (error || !stream) {
            return reject(
              new NotAWorkbookError(`der Teil ${name} ist nicht lesbar`, { cause: error }),
            );
          }
          const counter = new ByteCounter(name, entry.uncompressedSize);
          // yauzl reports a size mismatch or a broken deflate stream on its own stream.
          stream.on('error', (cause: Error) => counter.destroy(translateInflateError(name, cause)));
          resolve(stream.pipe(counter));
        });
      }),
    close: () => zipfile.close(),
  };
}

function translateInflateError(name: string, cause: Error): Error {
  return /too many bytes|expected/i.test(cause.message)
    ? new DecompressionLimitError(name, 'der Teil ist größer als im Zip-Verzeichnis angegeben')
    : new NotAWorkbookError(`der Teil ${name} ist beschädigt`, { cause });
}

/** Counts the bytes that really come out of the inflater and stops at the declared size. */
class ByteCounter extends Transform {
  private seen = 0;
  constructor(
    private readonly entry: string,
    private readonly limit: number,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.limit) {
      callback(
        new DecompressionLimitError(
          this.entry,
          'der Teil ist größer als im Zip-Verzeichnis angegeben',
        ),
      );
      return;
    }
    callback(null, chunk);
  }
}

function mb(bytes: number): string {
  return `${Math.round(bytes / MIB)} MB`;
}
