import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createSqliteTestDatabase } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Test files run two at a time, and some move their clock hours ahead and sweep media: a sweep must only
// ever see its own app's files, or it deletes another test's uploads as orphans (network-oauth-networks
// failed so, its picture "missing from storage").
const ROOT = path.resolve(import.meta.dirname, '../..');
let apps: TestApp[] = [];
afterEach(async () => {
  await Promise.all(apps.map((app) => app.close()));
  apps = [];
});

it('gives every test app media storage of its own, outside the repository', async () => {
  const later = new Date(Date.now() + 3 * 60 * 60_000);
  apps = [
    await createTestApp(await createSqliteTestDatabase()),
    await createTestApp(await createSqliteTestDatabase(), {}, { now: () => later }),
  ];
  const [uploader, sweeper] = apps as [TestApp, TestApp];
  const key = 'business-a/item-a/original.jpg';
  const bytes = Buffer.from('not really a photo');
  await uploader.services.mediaStore.put(key, bytes, { size: bytes.length, contentType: 'image/jpeg' });

  // Three hours on, the other app's sweep finds nothing of its own to remove.
  expect(await sweeper.services.media.sweepOrphans()).toMatchObject({ orphan_files: 0 });
  expect(await uploader.services.mediaStore.get(key)).toBeDefined();

  // Nor in the checkout's own data directory, which `npm start` uses.
  expect(existsSync(path.join(ROOT, 'data/media', key))).toBe(false);
});
