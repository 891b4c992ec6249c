/**
 * Multipart upload of one file (`file` field) for routes that take files: streamed with busboy
 * to a temporary file while its SHA-256 is computed, within a size limit. The route pipeline then
 * sees `{ file: UploadedFile }` as its body; a JSON body can never produce an `UploadedFile`, so
 * the upload cannot be faked. The middleware parses only for callers with an upload role (others
 * are refused by the pipeline without their bytes being stored) and removes the temporary file
 * when the response is done.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import busboy from 'busboy';
import type { Request, RequestHandler } from 'express';
import { PayloadTooLargeError, RequestInvalidError } from '../../http/portal-errors.js';

/** A file received in a multipart request, kept in a temporary file until the response ends. */
export class UploadedFile {
  constructor(
    /** The name the client gave (not trusted as a path). */
    readonly name: string,
    readonly bytes: number,
    /** SHA-256 of the content, hex. */
    readonly sha256: string,
    /** The temporary file. */
    readonly path: string,
  ) {}
}

/** Options of {@link multipartUpload}. */
export interface MultipartUploadOptions {
  limitBytes: number;
  /** Whether the caller may upload at all (checked before any byte is stored). */
  mayUpload(req: Request): Promise<boolean>;
}

/** Express middleware: parses `multipart/form-data` into `req.body = { file }`. */
export function multipartUpload(options: MultipartUploadOptions): RequestHandler {
  return (req, res, next) => {
    if (!req.is('multipart/form-data')) {
      next();
      return;
    }
    options.mayUpload(req).then(
      (allowed) => {
        if (!allowed) {
          // The pipeline answers 401/403; the bytes are read and dropped, never stored.
          req.resume();
          req.body = {};
          next();
          return;
        }
        receive(req, options.limitBytes).then(
          (file) => {
            res.on('close', () => void rm(file.path, { force: true }));
            req.body = { file };
            next();
          },
          (error: unknown) => next(error),
        );
      },
      (error: unknown) => next(error),
    );
  };
}

/** busboy's English messages as the people who upload read them. */
const germanMultipartMessages: Record<string, string> = {
  'Malformed part header': 'Fehlerhafter Kopf eines Teils der Anfrage (multipart)',
  'Unexpected end of form': 'Die Anfrage endet mitten im Formular (schließende Grenze fehlt)',
  'Unexpected end of file': 'Die Datei endet unerwartet',
  'Multipart: Boundary not found':
    'Der Inhaltstyp multipart/form-data nennt keine Grenze (boundary)',
  'Malformed content type': 'Fehlerhafter Inhaltstyp (Content-Type)',
  'Missing Content-Type': 'Der Inhaltstyp (Content-Type) fehlt',
};

/** A busboy failure as a field problem of the body, in German where the message is known. */
function multipartProblem(error: unknown): RequestInvalidError {
  const message = (error as Error).message;
  return new RequestInvalidError([
    { path: '/body', message: germanMultipartMessages[message] ?? message },
  ]);
}

function receive(req: Request, limitBytes: number): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { files: 1, fileSize: limitBytes, fields: 10 },
        // Browsers send the file name as UTF-8 (busboy's default is latin1).
        defParamCharset: 'utf8',
      });
    } catch (error) {
      reject(multipartProblem(error));
      return;
    }
    let received: Promise<UploadedFile> | undefined;
    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || received) {
        stream.resume();
        return;
      }
      const target = path.join(tmpdir(), `now-upload-${randomUUID()}`);
      const hash = createHash('sha256');
      let bytes = 0;
      let truncated = false;
      stream.on('limit', () => (truncated = true));
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          bytes += chunk.length;
          hash.update(chunk);
          callback(null, chunk);
        },
      });
      received = pipeline(stream, counter, createWriteStream(target)).then(
        async () => {
          if (truncated) {
            await rm(target, { force: true });
            throw new PayloadTooLargeError(limitBytes);
          }
          return new UploadedFile(
            path.basename(info.filename ?? 'upload'),
            bytes,
            hash.digest('hex'),
            target,
          );
        },
        async (error: unknown) => {
          // An aborted upload leaves nothing behind.
          await rm(target, { force: true });
          throw error;
        },
      );
      received.catch(() => undefined);
    });
    parser.on('error', (error: unknown) => reject(multipartProblem(error)));
    parser.on('close', () => {
      if (!received)
        reject(
          new RequestInvalidError([{ path: '/body/file', message: 'keine Datei im Feld "file"' }]),
        );
      else received.then(resolve, reject);
    });
    req.pipe(parser);
  });
}
