import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

/** An S3-compatible server of the test's own (s3rver, on a free loopback port) with one empty bucket. */
export interface TestS3Server {
  /** `http://127.0.0.1:<port>`, for S3_ENDPOINT. */
  endpoint: string;
  bucket: string;
  /** Settings that point the app's media storage at it. */
  env: Record<string, string>;
  dispose(): Promise<void>;
}

/** s3rver accepts any credentials that are signed consistently; these are its documented defaults. */
const ACCESS_KEY_ID = 'S3RVER';
const SECRET_ACCESS_KEY = 'S3RVER';

/** Start s3rver with `bucket` created; `dispose` stops it and deletes its files. */
export async function startS3Server(bucket = 'mcc-test-media'): Promise<TestS3Server> {
  const directory = mkdtempSync(path.join(tmpdir(), 'mcc-s3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const address = await server.run();
  const endpoint = `http://127.0.0.1:${address.port}`;
  return {
    endpoint,
    bucket,
    env: {
      MEDIA_STORAGE: 's3',
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: ACCESS_KEY_ID,
      S3_SECRET_ACCESS_KEY: SECRET_ACCESS_KEY,
      S3_FORCE_PATH_STYLE: '1',
    },
    async dispose() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
