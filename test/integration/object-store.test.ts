import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { LocalObjectStore } from '#server/integrations/storage/local-store.js';
import { S3ObjectStore } from '#server/integrations/storage/s3-store.js';
import { startS3Server, type TestS3Server } from '../support/s3-server.js';
import { describeObjectStoreContract } from './object-store.contract.js';

describeObjectStoreContract('local directory', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'mcc-store-'));
  return {
    store: new LocalObjectStore(root),
    async dispose() {
      rmSync(root, { recursive: true, force: true });
    },
  };
});

let s3: TestS3Server;
beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(() => s3.dispose());

let run = 0;
describeObjectStoreContract('S3-compatible server', async () => {
  // Each test gets a prefix of its own in the one bucket, which is also what S3_PREFIX is for.
  run += 1;
  const store = new S3ObjectStore({
    kind: 's3',
    endpoint: s3.endpoint,
    region: 'us-east-1',
    bucket: s3.bucket,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    forcePathStyle: true,
    prefix: `run-${run}/`,
  });
  return {
    store,
    async dispose() {
      store.close();
    },
  };
});
