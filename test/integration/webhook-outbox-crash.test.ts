import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Database, openDatabase } from '#server/db/database.js';
import { createPostgresTestDatabase, TEST_DIALECTS } from '../support/databases.js';
import { type ServerProcess, startServerProcess } from '../support/server-process.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

// kill -9 between a change's commit and the relay of its webhook delivery: the server process kills itself
// at exactly that point (MCC_TEST_KILL_BEFORE_WEBHOOK_RELAY), is started again on the same database, and
// the receiver gets the delivery exactly once — from the outbox sweep at start-up.

const SECRET_KEY = '7d4e9a1c3b5f8e2d6a0c4b7f1e3d5a9c8b2e6f0a4d7c1b3e5f9a2d6c0b4e8f1a';
const WAIT = { timeout: 30_000, interval: 50 };

interface Storage {
  env: Record<string, string>;
  /** The test's own connection to the same database (once a server has migrated it), to look inside. */
  connect(): Database;
  dispose(): Promise<void>;
}

async function sqliteFile(): Promise<Storage> {
  const dir = mkdtempSync(path.join(tmpdir(), 'mcc-outbox-'));
  const file = path.join(dir, 'mcc.db');
  let database: Database | undefined;
  return {
    env: { DATA_DIR: dir, DATABASE_URL: file },
    connect: () => {
      database ??= openDatabase({ kind: 'sqlite', path: file, autoMigrate: false });
      return database;
    },
    async dispose() {
      await database?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgres(): Promise<Storage> {
  const testDb = await createPostgresTestDatabase();
  const dir = mkdtempSync(path.join(tmpdir(), 'mcc-outbox-'));
  return {
    env: { DATA_DIR: dir, DATABASE_URL: testDb.url ?? '' },
    connect: () => testDb.database,
    async dispose() {
      await testDb.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const STORAGES = [
  { name: 'SQLite file', open: sqliteFile, skip: false },
  {
    name: 'PostgreSQL',
    open: postgres,
    skip: TEST_DIALECTS.find((d) => d.dialect === 'postgres')?.skip ?? true,
  },
];

describe.each(STORAGES)('webhook outbox across kill -9 ($name)', ({ open, skip }) => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it.skipIf(skip)(
    'delivers a change committed just before the kill exactly once, after a restart',
    {
      timeout: 120_000,
    },
    async () => {
      const storage = await open();
      cleanups.push(() => storage.dispose());
      const receiver: WebhookReceiver = await startWebhookReceiver();
      cleanups.push(() => receiver.close());
      const env = {
        ...storage.env,
        NODE_ENV: 'test',
        MCC_DEMO: '0',
        SECRET_KEY,
        OUTBOUND_ALLOWED_HOSTS: '127.0.0.1',
        LOG_LEVEL: 'warn',
        // Not a test of registration: sign-up signs in at once (sign-up-modes.test.ts covers every mode).
        SIGN_UP: 'immediate',
      };
      const start = async (extra: Record<string, string> = {}) => {
        const server = await startServerProcess({ ...env, ...extra });
        cleanups.push(async () => {
          if (server.child.exitCode === null && server.child.signalCode === null)
            await server.stop('SIGKILL');
        });
        return server;
      };

      const doomed = await start({ MCC_TEST_KILL_BEFORE_WEBHOOK_RELAY: '1' });
      const api = client(doomed);
      const session = await api<{ access_token: string }>('POST', '/api/auth/register', {
        email: 'outbox@example.com',
        password: 'violet-harbour-sourdough-lantern',
        name: 'Outbox',
      });
      const auth = { authorization: `Bearer ${session.access_token}` };
      const business = await api<{ id: string }>('POST', '/api/business/', { name: 'Acme Bakery' }, auth);
      const { webhook } = await api<{ webhook: { id: string } }>(
        'POST',
        '/api/webhooks',
        { business_id: business.id, url: receiver.url, events: ['content.changed'] },
        auth,
      );

      const exited = once(doomed.child, 'exit');
      const change = api(
        'POST',
        '/api/content',
        { business_id: business.id, channel: 'linkedin', body: 'Fresh sourdough every morning' },
        auth,
      );
      await expect(change).rejects.toThrow(); // the process died before it could answer
      const [code, signal] = await exited;
      // tsx runs the server in a child process and reports its SIGKILL as exit code 137 (128 + 9).
      expect(signal === 'SIGKILL' || code === 137).toBe(true);

      // The change and its delivery were committed together; nothing was relayed or sent.
      const { db } = storage.connect();
      expect(await db.selectFrom('content_items').select('id').execute()).toHaveLength(1);
      const [delivery] = await db.selectFrom('webhook_deliveries').selectAll().execute();
      expect(delivery).toMatchObject({
        webhook_id: webhook.id,
        event_type: 'content.changed',
        status: 'pending',
      });
      expect(await db.selectFrom('webhook_outbox').select('delivery_id').execute()).toEqual([
        { delivery_id: delivery?.id },
      ]);
      expect(
        await db.selectFrom('jobs').select('id').where('name', '=', 'webhook.deliver').execute(),
      ).toEqual([]);
      expect(receiver.requests).toHaveLength(0);

      const restarted = await start();
      const [request] = await receiver.waitForRequests(1, 30_000);
      expect(request?.headers['x-mcc-delivery']).toBe(delivery?.id);
      await vi.waitFor(async () => {
        const row = await db
          .selectFrom('webhook_deliveries')
          .select(['status', 'attempts'])
          .where('id', '=', delivery?.id ?? '')
          .executeTakeFirst();
        expect(row).toEqual({ status: 'succeeded', attempts: 1 });
      }, WAIT);
      expect(await db.selectFrom('webhook_outbox').select('delivery_id').execute()).toEqual([]);
      expect(
        await db.selectFrom('jobs').select('id').where('name', '=', 'webhook.deliver').execute(),
      ).toHaveLength(1);
      expect(receiver.requests).toHaveLength(1);
      expect(await restarted.stop('SIGTERM')).toBe(0);
    },
  );
});

/** JSON over real HTTP to a server process; rejects on a non-2xx answer or a broken connection. */
function client(server: ServerProcess) {
  return async <T = unknown>(
    method: string,
    url: string,
    body: object,
    headers: Record<string, string> = {},
  ): Promise<T> => {
    const response = await fetch(`${server.url}${url}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
}
