/**
 * The `s3://` backend through `@aws-sdk/client-s3`. Uploads stream as multipart uploads
 * (`@aws-sdk/lib-storage`), so a body of unknown length never sits in memory whole; a failed
 * upload is aborted, so no partial object appears under the key.
 */
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { Readable } from 'node:stream';
import {
  checkKey,
  ObjectNotFoundError,
  type ObjectInfo,
  type ObjectStore,
} from './object-store.js';

/** Settings of the S3 backend. */
export interface S3StoreOptions {
  bucket: string;
  /** Key prefix inside the bucket (no leading slash). @default '' */
  prefix?: string;
  /** Endpoint of MinIO or another S3-protocol server; switches to path-style addressing. */
  endpoint?: string;
  /**
   * The bucket's region. Unset: the AWS SDK's own chain (`AWS_REGION`, which ECS and EKS set
   * for every task, or the profile); with an `endpoint` (MinIO) it falls back to `us-east-1`,
   * which S3-protocol servers accept.
   */
  region?: string;
  /** Static credentials; otherwise the SDK's default chain (environment, profile, role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Further client settings (e.g. `requestChecksumCalculation`). */
  clientConfig?: S3ClientConfig;
}

/** Objects in one S3 bucket, optionally under a prefix. */
export class S3ObjectStore implements ObjectStore {
  readonly location: string;
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;

  constructor(options: S3StoreOptions) {
    this.bucket = options.bucket;
    this.prefix = options.prefix ? `${options.prefix.replace(/\/+$/, '')}/` : '';
    this.location = `s3://${this.bucket}/${this.prefix}`;
    this.client = new S3Client({
      ...(options.region || options.endpoint ? { region: options.region ?? 'us-east-1' } : {}),
      ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
      ...(options.credentials ? { credentials: options.credentials } : {}),
      ...options.clientConfig,
    });
  }

  private key(key: string): string {
    return `${this.prefix}${checkKey(key)}`;
  }

  async put(key: string, body: Readable | Buffer | string): Promise<void> {
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: this.key(key), Body: body },
      leavePartsOnError: false,
    });
    await upload.done();
  }

  async get(key: string): Promise<Readable> {
    try {
      const answer = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: this.key(key) }),
      );
      return answer.Body as Readable;
    } catch (error) {
      if (isNotFound(error)) throw new ObjectNotFoundError(key, { cause: error });
      throw error;
    }
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    try {
      const answer = await this.client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: this.key(key) }),
      );
      return { key, size: answer.ContentLength ?? 0 };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async list(prefix: string): Promise<ObjectInfo[]> {
    const found: ObjectInfo[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: `${this.prefix}${prefix}`,
          ContinuationToken: token,
        }),
      );
      for (const item of page.Contents ?? []) {
        if (item.Key) found.push({ key: item.Key.slice(this.prefix.length), size: item.Size ?? 0 });
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  async rename(from: string, to: string): Promise<void> {
    // S3 has no rename: a server-side copy makes the whole object appear at once.
    const source = this.key(from);
    try {
      await this.client.send(
        new CopyObjectCommand({
          Bucket: this.bucket,
          Key: this.key(to),
          CopySource: `${this.bucket}/${source.split('/').map(encodeURIComponent).join('/')}`,
        }),
      );
    } catch (error) {
      if (isNotFound(error)) throw new ObjectNotFoundError(from, { cause: error });
      throw error;
    }
    await this.delete(from);
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.key(key) }));
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
}
