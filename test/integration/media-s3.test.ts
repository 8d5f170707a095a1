import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MediaItem } from '#shared/media.schema.js';
import { createBusiness, registerAccount } from '../factories/accounts.js';
import { createSqliteTestDatabase } from '../support/databases.js';
import { noisyPng } from '../support/media-fixtures.js';
import { multipartFile } from '../support/multipart.js';
import { startS3Server, type TestS3Server } from '../support/s3-server.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let s3: TestS3Server;
let t: TestApp;
let dataDir: string;

beforeAll(async () => {
  s3 = await startS3Server();
  dataDir = mkdtempSync(path.join(tmpdir(), 'mcc-media-s3-'));
  t = await createTestApp(await createSqliteTestDatabase(), {
    DATA_DIR: dataDir,
    ...s3.env,
    S3_PREFIX: 'mcc',
  });
});
afterAll(async () => {
  await t.close();
  await s3.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

it('keeps uploads and renditions in an S3-compatible bucket, serves them, and deletes them', async () => {
  expect(t.services.mediaStore.kind).toBe('s3');
  const owner = await registerAccount(t.app);
  const business = await createBusiness(t.app, owner);
  const body = multipartFile(await noisyPng(400, 300), { fileName: 'flyer.png' });
  const uploaded = await t.app.inject({
    method: 'POST',
    url: `/api/media?business_id=${business.id}`,
    headers: { ...owner.auth, ...body.headers },
    payload: body.payload,
  });
  expect(uploaded.statusCode, uploaded.body).toBe(201);
  const item = uploaded.json<MediaItem>();
  const keys = async () => {
    const found: string[] = [];
    for await (const object of t.services.mediaStore.list(`${business.id}/`)) found.push(object.key);
    return found;
  };
  expect(await keys()).toHaveLength(15);

  const rendition = await t.app.inject({
    method: 'GET',
    url: `/api/media/${item.id}/renditions/square.webp`,
    headers: owner.auth,
  });
  expect(rendition.statusCode).toBe(200);
  expect(rendition.rawPayload.length).toBe(item.renditions.find((r) => r.id === 'square.webp')?.bytes);

  const removed = await t.app.inject({ method: 'DELETE', url: `/api/media/${item.id}`, headers: owner.auth });
  expect(removed.statusCode).toBe(204);
  expect(await keys()).toEqual([]);
});
