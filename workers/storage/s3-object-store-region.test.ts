import { afterEach, describe, expect, it } from 'vitest';
import { S3ObjectStore } from './s3-object-store.js';

/** The region the store's client signs requests for. */
async function signingRegion(store: S3ObjectStore): Promise<string> {
  const client = (store as unknown as { client: { config: { region: () => Promise<string> } } })
    .client;
  return client.config.region();
}

describe('S3ObjectStore region', () => {
  const saved = process.env.AWS_REGION;
  afterEach(() => {
    if (saved === undefined) delete process.env.AWS_REGION;
    else process.env.AWS_REGION = saved;
  });

  it('signs for the region the platform runs in (AWS_REGION, as ECS and EKS set it)', async () => {
    // given a bucket on AWS itself (no endpoint) and a task in eu-central-1
    process.env.AWS_REGION = 'eu-central-1';
    // when
    const store = new S3ObjectStore({ bucket: 'foerderplattform-prod' });
    // then
    expect(await signingRegion(store)).toBe('eu-central-1');
  });

  it('falls back to us-east-1 for an S3-protocol server such as MinIO', async () => {
    delete process.env.AWS_REGION;
    const store = new S3ObjectStore({ bucket: 'platform', endpoint: 'http://127.0.0.1:9000' });
    expect(await signingRegion(store)).toBe('us-east-1');
  });

  it('uses a region given explicitly', async () => {
    process.env.AWS_REGION = 'eu-central-1';
    const store = new S3ObjectStore({ bucket: 'platform', region: 'eu-west-1' });
    expect(await signingRegion(store)).toBe('eu-west-1');
  });
});
