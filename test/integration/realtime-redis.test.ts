import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Services } from '#server/composition-root.js';
import { createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { TEST_TASKS } from '../support/ai/test-tasks.js';
import { createSqliteTestDatabase, type TestDatabase } from '../support/databases.js';
import { deleteRedisPrefix, redisSkipReason, TEST_REDIS_URL, testRedisPrefix } from '../support/redis.js';
import { buildTestInstance } from '../support/test-app.js';
import { openAuthenticatedSocket, type TestSocket } from '../support/ws-client.js';

interface Instance {
  app: FastifyInstance;
  services: Services;
}

// Two app instances on one database and one Redis prefix: what `mcc serve` twice behind a load balancer is.
describe.skipIf(Boolean(redisSkipReason))('live updates across instances on Redis', () => {
  let prefix: string;
  let testDb: TestDatabase;
  let a: Instance;
  let b: Instance;
  let owner: TestAccount;
  let businessId: string;
  const sockets: TestSocket[] = [];

  const startInstance = (): Promise<Instance> =>
    buildTestInstance(
      testDb.database,
      { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix },
      { aiTasks: TEST_TASKS },
    );

  beforeEach(async () => {
    prefix = testRedisPrefix();
    testDb = await createSqliteTestDatabase();
    a = await startInstance();
    b = await startInstance();
    owner = await registerAccount(a.app);
    businessId = (await createBusiness(a.app, owner)).id;
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.close();
    for (const { app, services } of [a, b]) {
      await app.close();
      await services.jobQueue.close();
    }
    await testDb.dispose();
    await deleteRedisPrefix(prefix);
  });

  const subscribedSocket = async (
    instance: Instance,
    account: TestAccount,
    id: string,
    lastEventId?: string,
  ) => {
    const socket = await openAuthenticatedSocket(instance.app, account.session.access_token);
    sockets.push(socket);
    socket.send({ type: 'subscribe', business_id: id, last_event_id: lastEventId });
    await socket.waitFor('subscribed');
    return socket;
  };

  it('uses the Redis bus in both instances', () => {
    expect([a.services.events.kind, b.services.events.kind]).toEqual(['redis', 'redis']);
  });

  it('delivers an AI call on instance A to a browser connected to instance B', async () => {
    const onB = await subscribedSocket(b, owner, businessId);
    const response = await a.app.inject({
      method: 'POST',
      url: '/api/ai/tasks/rewriteContent',
      headers: owner.auth,
      payload: { business_id: businessId, input: { product: 'Beans' } },
    });
    expect(response.statusCode).toBe(200);
    const frame = await onB.waitFor('event');
    expect(frame.event).toMatchObject({
      type: 'usage.changed',
      business_id: businessId,
      data: { call_id: response.json<{ call_id: string }>().call_id },
    });
  });

  it('keeps tenants apart across instances', async () => {
    const stranger = await registerAccount(b.app);
    const theirs = (await createBusiness(b.app, stranger, 'Stranger Co')).id;
    const ownerOnB = await subscribedSocket(b, owner, businessId);
    const strangerOnA = await subscribedSocket(a, stranger, theirs);

    await a.services.events.publish({
      type: 'message.received',
      business_id: businessId,
      data: { conversation_id: 'c-1', message_id: 'm-1' },
    });
    await b.services.events.publish({
      type: 'message.received',
      business_id: theirs,
      data: { conversation_id: 'c-2', message_id: 'm-2' },
    });
    const ours = await ownerOnB.waitFor('event');
    const other = await strangerOnA.waitFor('event');
    expect(ours.event.business_id).toBe(businessId);
    expect(other.event.business_id).toBe(theirs);
    ownerOnB.send({ type: 'ping' });
    strangerOnA.send({ type: 'ping' });
    await ownerOnB.waitFor('pong');
    await strangerOnA.waitFor('pong');
    expect(ownerOnB.frames.filter((frame) => frame.type === 'event')).toHaveLength(1);
    expect(strangerOnA.frames.filter((frame) => frame.type === 'event')).toHaveLength(1);
  });

  it('resumes on another instance that was following the workspace, from the shared numbering', async () => {
    // A second tab keeps instance B following the workspace.
    const keeper = await subscribedSocket(b, owner, businessId);
    const onA = await subscribedSocket(a, owner, businessId);
    const publish = (n: number) =>
      a.services.events.publish({
        type: 'job.progress',
        business_id: businessId,
        data: { job_id: 'job-1', name: 'calendar.generate', progress: n * 10, message: null },
      });
    await publish(1);
    const seen = await onA.waitFor('event');
    onA.close();
    await publish(2);
    await publish(3);
    await vi.waitFor(() => expect(keeper.frames.filter((frame) => frame.type === 'event')).toHaveLength(3));

    const resumed = await subscribedSocket(b, owner, businessId, seen.event.id);
    await vi.waitFor(() =>
      expect(
        resumed.frames.flatMap((frame) =>
          frame.type === 'event' && frame.event.type === 'job.progress' ? [frame.event.data.progress] : [],
        ),
      ).toEqual([20, 30]),
    );
    expect(resumed.frames.some((frame) => frame.type === 'resync')).toBe(false);
  });
});
