/**
 * A real S3-protocol server (s3rver) on a free loopback port for tests, with one bucket.
 *
 * @example
 *   const s3 = await startS3TestServer('snapshots-test');
 *   const store = s3.openStore();
 *   ...
 *   await store.close();
 *   await s3.close();
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
// @ts-expect-error s3rver ships no type declarations
import S3rver from 's3rver';
import { S3ObjectStore } from '../../storage/s3-object-store.js';

interface S3rverInstance {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
}

/** A running s3rver and how to reach it. */
export interface S3TestServer {
  endpoint: string;
  bucket: string;
  /** A store on the bucket with s3rver's fixed credentials. */
  openStore(prefix?: string): S3ObjectStore;
  close(): Promise<void>;
}

/** Starts s3rver on 127.0.0.1 (port chosen by the system) with `bucket` created. */
export async function startS3TestServer(bucket: string): Promise<S3TestServer> {
  const directory = await mkdtemp(path.join(tmpdir(), 'now-s3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  }) as S3rverInstance;
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    openStore(prefix?: string) {
      return new S3ObjectStore({
        bucket,
        prefix,
        endpoint,
        credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
        // s3rver predates the SDK's default CRC checksums (docs/FACTS: set to WHEN_REQUIRED).
        clientConfig: {
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
        },
      });
    },
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
