import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Services } from '#server/composition-root.js';
import { type Database, openDatabase } from '#server/db/database.js';
import { AUTH_COOKIES, CSRF_HEADER, type Session } from '#shared/auth.schema.js';
import {
  addMember,
  createBusiness,
  registerAccount,
  sessionIdOf,
  type TestAccount,
} from '../factories/accounts.js';
import { TEST_TASKS } from '../support/ai/test-tasks.js';
import {
  createPostgresTestDatabase,
  postgresUnavailableReason,
  type TestDatabase,
} from '../support/databases.js';
import { deleteRedisPrefix, redisSkipReason, TEST_REDIS_URL, testRedisPrefix } from '../support/redis.js';
import { buildTestInstance, cookieHeader } from '../support/test-app.js';
import { openAuthenticatedSocket, type TestSocket } from '../support/ws-client.js';

interface Instance {
  app: FastifyInstance;
  services: Services;
  database: Database;
}

const skip = Boolean(redisSkipReason) || Boolean(await postgresUnavailableReason());

// Issue 13, item 10: two instances behind a load balancer, one PostgreSQL and one Redis. Each caches
// "this session is still signed in" for a minute here, so only the announcement through Redis can explain
// instance B refusing a token that instance A signed out.
describe.skipIf(skip)('sessions across two instances on PostgreSQL and Redis', () => {
  let prefix: string;
  let testDb: TestDatabase;
  let a: Instance;
  let b: Instance;
  let ada: TestAccount;
  const sockets: TestSocket[] = [];

  async function startInstance(): Promise<Instance> {
    // Each instance has its own connection pool to the shared database, as two processes would.
    const database = openDatabase(
      { kind: 'postgres', url: testDb.url ?? '', autoMigrate: false },
      { poolSize: 2 },
    );
    const instance = await buildTestInstance(
      database,
      { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix, SESSION_CACHE_TTL_MS: '60000' },
      { aiTasks: TEST_TASKS },
    );
    return { ...instance, database };
  }

  /** Resolves once `instance` has heard that `sessionId` ended (the signal; never a sleep). */
  function heardEnded(instance: Instance, sessionId: string): Promise<void> {
    return new Promise((resolve) => {
      const stop = instance.services.sessions.onEnded((ids) => {
        if (ids !== 'unknown' && ids.includes(sessionId)) {
          stop();
          resolve();
        }
      });
    });
  }

  const me = (instance: Instance, token: string) =>
    instance.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });

  beforeEach(async () => {
    prefix = testRedisPrefix();
    testDb = await createPostgresTestDatabase();
    a = await startInstance();
    b = await startInstance();
    ada = await registerAccount(a.app);
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.close();
    for (const { app, services, database } of [a, b]) {
      await app.close();
      await services.jobQueue.close();
      await database.close();
    }
    await testDb.dispose();
    await deleteRedisPrefix(prefix);
  });

  it('refuses on instance B, on the next request, a token signed out on instance A', async () => {
    // B has checked the session while hearing revocations, so it holds "signed in" in its cache.
    await b.services.sessions.whenListening();
    expect((await me(b, ada.session.access_token)).statusCode).toBe(200);
    const heard = heardEnded(b, sessionIdOf(ada));
    const logout = await a.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: cookieHeader(ada.cookies), [CSRF_HEADER]: ada.cookies[AUTH_COOKIES.csrf] ?? '' },
    });
    expect(logout.statusCode).toBe(204);
    await heard;
    expect((await me(b, ada.session.access_token)).statusCode).toBe(401);
  });

  it('ends every earlier session on both instances after a password change on A, sockets included', async () => {
    const login = await b.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: ada.email, password: ada.password },
    });
    const onB = login.json<Session>().access_token;
    expect((await me(b, onB)).statusCode).toBe(200);
    const socket = await openAuthenticatedSocket(b.app, onB);
    sockets.push(socket);
    const heard = heardEnded(b, sessionIdOf({ session: login.json<Session>() }));
    const changed = await a.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: ada.auth,
      payload: { current_password: ada.password, new_password: 'a-completely-new-phrase' },
    });
    expect(changed.statusCode).toBe(200);
    expect(await socket.waitForClose()).toMatchObject({ code: 4401 });
    await heard;
    expect((await me(b, onB)).statusCode).toBe(401);
    expect((await me(b, ada.session.access_token)).statusCode).toBe(401);
    expect((await me(b, changed.json<Session>().access_token)).statusCode).toBe(200);
  });

  it('stops the events of a member removed on A at once on their socket on B', async () => {
    const business = await createBusiness(a.app, ada);
    const editor = await registerAccount(a.app);
    await addMember(a.app, ada, business, editor, 'editor');
    const socket = await openAuthenticatedSocket(b.app, editor.session.access_token);
    const ownerSocket = await openAuthenticatedSocket(b.app, ada.session.access_token);
    sockets.push(socket, ownerSocket);
    for (const each of [socket, ownerSocket]) {
      each.send({ type: 'subscribe', business_id: business.id });
      await each.waitFor('subscribed');
    }
    const removed = await a.app.inject({
      method: 'DELETE',
      url: `/api/business/${business.id}/members/${editor.session.user.id}`,
      headers: ada.auth,
    });
    expect(removed.statusCode).toBe(204);
    await socket.waitFor('error', (frame) => frame.code === 'not_found' && frame.business_id === business.id);
    for (const n of [1, 2, 3, 4]) {
      await a.services.events.publish({
        type: 'job.completed',
        business_id: business.id,
        data: { job_id: `after-${n}`, name: 'calendar.generate' },
      });
    }
    await vi.waitFor(() =>
      expect(
        ownerSocket.frames.filter((frame) => frame.type === 'event' && frame.event.type === 'job.completed'),
      ).toHaveLength(4),
    );
    socket.send({ type: 'ping' });
    await socket.waitFor('pong');
    expect(socket.frames.filter((frame) => frame.type === 'event')).toEqual([]);
  });
});
