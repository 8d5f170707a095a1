import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InProcessEventBus } from '#server/realtime/in-process-event-bus.js';
import { AccessTokens } from '#server/services/access/security/access-tokens.js';
import { AUTH_COOKIES, CSRF_HEADER } from '#shared/auth.schema.js';
import type { LiveEvent, NewLiveEvent } from '#shared/events.schema.js';
import {
  addMember,
  createBusiness,
  registerAccount,
  sessionIdOf,
  type TestAccount,
} from '../factories/accounts.js';
import { TEST_TASKS } from '../support/ai/test-tasks.js';
import { describeEachDialect } from '../support/databases.js';
import { cookieHeader, createTestApp, TEST_SECRET, type TestApp } from '../support/test-app.js';
import { connectSocket, openAuthenticatedSocket, openSocket, type TestSocket } from '../support/ws-client.js';

const NOWHERE = '0190a000-0000-7000-8000-000000000000';

const jobDone = (businessId: string, jobId: string): NewLiveEvent => ({
  type: 'job.completed',
  business_id: businessId,
  data: { job_id: jobId, name: 'calendar.generate' },
});

const eventsOf = (socket: TestSocket): LiveEvent[] =>
  socket.frames.flatMap((frame) => (frame.type === 'event' ? [frame.event] : []));
const jobIds = (socket: TestSocket) =>
  eventsOf(socket).flatMap((event) =>
    event.type.startsWith('job.') ? [(event.data as { job_id: string }).job_id] : [],
  );
const usageOf = (businessId: string, callId: string): NewLiveEvent => ({
  type: 'usage.changed',
  business_id: businessId,
  data: { call_id: callId, task: 'rewriteContent', outcome: 'ok', cost_micro_usd: 40 },
});
const callIds = (socket: TestSocket) =>
  eventsOf(socket).flatMap((event) => (event.type === 'usage.changed' ? [event.data.call_id] : []));

describeEachDialect('live updates over /api/ws', (create) => {
  let t: TestApp;
  let bus: InProcessEventBus;
  let owner: TestAccount;
  let other: TestAccount;
  let businessId: string;
  let otherBusinessId: string;
  const sockets: TestSocket[] = [];

  const socketFor = async (account: TestAccount) => {
    const socket = await openAuthenticatedSocket(t.app, account.session.access_token);
    sockets.push(socket);
    return socket;
  };
  const subscribe = async (socket: TestSocket, id: string, lastEventId?: string) => {
    socket.send({ type: 'subscribe', business_id: id, last_event_id: lastEventId });
    await socket.waitFor('subscribed', (frame) => frame.business_id === id);
  };

  beforeEach(async () => {
    bus = new InProcessEventBus();
    t = await createTestApp(
      await create(),
      {},
      { events: bus, aiTasks: TEST_TASKS },
      { realtime: { heartbeatMs: 20, authTimeoutMs: 200 } },
    );
    owner = await registerAccount(t.app);
    other = await registerAccount(t.app);
    businessId = (await createBusiness(t.app, owner)).id;
    otherBusinessId = (await createBusiness(t.app, other, 'Other Co')).id;
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.close();
    await t.close();
  });

  describe('authentication', () => {
    it('closes a socket that does not authenticate in time with 4401', async () => {
      const socket = await openSocket(t.app);
      expect(await socket.waitForClose()).toMatchObject({ code: 4401 });
    });

    it('ignores a token in the URL', async () => {
      const socket = await openSocket(t.app, `/api/ws?token=${owner.session.access_token}`);
      socket.send({ type: 'subscribe', business_id: businessId });
      expect(await socket.waitForClose()).toMatchObject({ code: 4401 });
      expect(socket.frames).toEqual([]);
    });

    it('closes with 4401 on a bad, expired or malformed credential', async () => {
      const expired = new AccessTokens(TEST_SECRET, 900, () => Date.now() - 3_600_000).issue(
        owner.session.user.id,
        sessionIdOf(owner),
      );
      const forged = new AccessTokens('x'.repeat(48), 900).issue(owner.session.user.id, sessionIdOf(owner));
      for (const frame of [
        { type: 'auth', token: 'not-a-token' },
        { type: 'auth', token: expired },
        { type: 'auth', token: forged },
        { type: 'auth' },
        'not json',
      ]) {
        const socket = await openSocket(t.app);
        socket.send(frame);
        expect(await socket.waitForClose()).toMatchObject({ code: 4401 });
      }
    });

    it('accepts a fresh token on the same socket and keeps the subscriptions', async () => {
      const socket = await socketFor(owner);
      await subscribe(socket, businessId);
      const fresh = new AccessTokens(TEST_SECRET, 900).issue(owner.session.user.id, sessionIdOf(owner));
      socket.send({ type: 'auth', token: fresh });
      await vi.waitFor(() =>
        expect(socket.frames.filter((frame) => frame.type === 'authenticated')).toHaveLength(2),
      );
      await bus.publish(jobDone(businessId, 'job-1'));
      await vi.waitFor(() => expect(jobIds(socket)).toEqual(['job-1']));
    });

    it('closes when the token expires without a new one', async () => {
      // Expires one to two seconds from now (token times are whole seconds).
      const shortLived = new AccessTokens(TEST_SECRET, 900, () => Date.now() - 898_000).issue(
        owner.session.user.id,
        sessionIdOf(owner),
      );
      const socket = await openAuthenticatedSocket(t.app, shortLived);
      sockets.push(socket);
      expect(await socket.waitForClose()).toEqual({
        code: 4401,
        reason: 'The token has expired; re-authenticate on time',
      });
    });

    it('refuses a re-authentication as another user with 4403', async () => {
      const socket = await socketFor(owner);
      socket.send({ type: 'auth', token: other.session.access_token });
      expect(await socket.waitForClose()).toMatchObject({ code: 4403 });
    });

    // Issue 13, item 10: the socket outlived the session by up to 15 minutes.
    it('closes the socket with 4401 when its session signs out, and refuses the token afterwards', async () => {
      const socket = await socketFor(owner);
      await subscribe(socket, businessId);
      const logout = await t.app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: {
          cookie: cookieHeader(owner.cookies),
          [CSRF_HEADER]: owner.cookies[AUTH_COOKIES.csrf] ?? '',
        },
      });
      expect(logout.statusCode).toBe(204);
      expect(await socket.waitForClose()).toEqual({
        code: 4401,
        reason: 'The session has ended; sign in again',
      });
      const again = await openSocket(t.app);
      sockets.push(again);
      again.send({ type: 'auth', token: owner.session.access_token });
      expect(await again.waitForClose()).toMatchObject({ code: 4401 });
    });

    it('closes the socket with 4401 when the password changes', async () => {
      const socket = await socketFor(owner);
      const otherSocket = await socketFor(other);
      const changed = await t.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: owner.auth,
        payload: { current_password: owner.password, new_password: 'a-completely-new-phrase' },
      });
      expect(changed.statusCode).toBe(200);
      expect(await socket.waitForClose()).toMatchObject({ code: 4401 });
      otherSocket.send({ type: 'ping' });
      await otherSocket.waitFor('pong');
      expect(otherSocket.closed).toBeUndefined();
    });
  });

  describe('subscriptions', () => {
    it('answers not_found for another tenant’s workspace, exactly as for one that does not exist', async () => {
      const socket = await socketFor(owner);
      socket.send({ type: 'subscribe', business_id: otherBusinessId });
      socket.send({ type: 'subscribe', business_id: NOWHERE });
      const foreign = await socket.waitFor('error', (frame) => frame.business_id === otherBusinessId);
      const missing = await socket.waitFor('error', (frame) => frame.business_id === NOWHERE);
      expect(foreign).toEqual({ ...missing, business_id: otherBusinessId });
      expect(foreign.code).toBe('not_found');

      await bus.publish(jobDone(otherBusinessId, 'secret-job'));
      await subscribe(socket, businessId);
      await bus.publish(jobDone(businessId, 'mine'));
      await vi.waitFor(() => expect(jobIds(socket)).toEqual(['mine']));
    });

    it('delivers events only to the members of their workspace', async () => {
      const viewer = await registerAccount(t.app);
      await addMember(t.app, owner, { id: businessId } as never, viewer, 'viewer');
      const ownerSocket = await socketFor(owner);
      const viewerSocket = await socketFor(viewer);
      const otherSocket = await socketFor(other);
      await subscribe(ownerSocket, businessId);
      await subscribe(viewerSocket, businessId);
      await subscribe(otherSocket, otherBusinessId);

      await bus.publish(jobDone(otherBusinessId, 'theirs-1'));
      await bus.publish(jobDone(businessId, 'ours-1'));
      await bus.publish(jobDone(otherBusinessId, 'theirs-2'));
      await bus.publish(jobDone(businessId, 'ours-2'));

      await vi.waitFor(() => expect(jobIds(ownerSocket)).toEqual(['ours-1', 'ours-2']));
      await vi.waitFor(() => expect(jobIds(viewerSocket)).toEqual(['ours-1', 'ours-2']));
      await vi.waitFor(() => expect(jobIds(otherSocket)).toEqual(['theirs-1', 'theirs-2']));
      expect(eventsOf(ownerSocket).every((event) => event.business_id === businessId)).toBe(true);
    });

    // Issue 13, item 10: a removed member heard the next events until their token was renewed.
    it('stops a removed member’s events at once, without a new token', async () => {
      const editor = await registerAccount(t.app);
      await addMember(t.app, owner, { id: businessId } as never, editor, 'editor');
      const socket = await socketFor(editor);
      const ownerSocket = await socketFor(owner);
      await subscribe(socket, businessId);
      await subscribe(ownerSocket, businessId);
      await bus.publish(jobDone(businessId, 'before-removal'));
      await vi.waitFor(() => expect(jobIds(socket)).toEqual(['before-removal']));
      const removed = await t.app.inject({
        method: 'DELETE',
        url: `/api/business/${businessId}/members/${editor.session.user.id}`,
        headers: owner.auth,
      });
      expect(removed.statusCode).toBe(204);
      for (const id of ['after-1', 'after-2', 'after-3', 'after-4'])
        await bus.publish(jobDone(businessId, id));
      await vi.waitFor(() =>
        expect(jobIds(ownerSocket)).toEqual(['before-removal', 'after-1', 'after-2', 'after-3', 'after-4']),
      );
      await socket.waitFor(
        'error',
        (frame) => frame.code === 'not_found' && frame.business_id === businessId,
      );
      socket.send({ type: 'ping' });
      await socket.waitFor('pong');
      expect(jobIds(socket)).toEqual(['before-removal']);
      expect(socket.closed).toBeUndefined();
      // The others hear that the member left.
      const left = await ownerSocket.waitFor('event', (frame) => frame.event.type === 'member.changed');
      expect(left.event.data).toEqual({ user_id: editor.session.user.id, role: null });
    });

    it('stops what a demoted member may no longer read (AI costs for a viewer), at once', async () => {
      const editor = await registerAccount(t.app);
      await addMember(t.app, owner, { id: businessId } as never, editor, 'editor');
      const socket = await socketFor(editor);
      await subscribe(socket, businessId);
      await bus.publish(usageOf(businessId, 'as-editor'));
      await vi.waitFor(() => expect(callIds(socket)).toEqual(['as-editor']));
      const demoted = await t.app.inject({
        method: 'PATCH',
        url: `/api/business/${businessId}/members/${editor.session.user.id}`,
        headers: owner.auth,
        payload: { role: 'viewer' },
      });
      expect(demoted.statusCode).toBe(200);
      await bus.publish(usageOf(businessId, 'as-viewer'));
      await bus.publish(jobDone(businessId, 'still-readable'));
      await vi.waitFor(() => expect(jobIds(socket)).toEqual(['still-readable']));
      expect(callIds(socket)).toEqual(['as-editor']);
      // A viewer who subscribes afresh never hears costs either.
      const fresh = await socketFor(editor);
      await subscribe(fresh, businessId);
      await bus.publish(usageOf(businessId, 'fresh-viewer'));
      await bus.publish(jobDone(businessId, 'fresh-job'));
      await vi.waitFor(() => expect(jobIds(fresh)).toEqual(['fresh-job']));
      expect(callIds(fresh)).toEqual([]);
    });

    it('unsubscribes on request', async () => {
      const socket = await socketFor(owner);
      await subscribe(socket, businessId);
      socket.send({ type: 'unsubscribe', business_id: businessId });
      await socket.waitFor('unsubscribed');
      await bus.publish(jobDone(businessId, 'unheard'));
      socket.send({ type: 'ping' });
      await socket.waitFor('pong');
      expect(jobIds(socket)).toEqual([]);
    });

    it('answers a malformed frame from an authenticated client with bad_request, and keeps the socket', async () => {
      const socket = await socketFor(owner);
      socket.send({ type: 'subscribe', business_id: 'not-a-uuid' });
      await socket.waitFor('error', (frame) => frame.code === 'bad_request');
      await subscribe(socket, businessId);
      expect(socket.closed).toBeUndefined();
    });
  });

  describe('resume', () => {
    it('replays what a reconnecting client missed after its last_event_id', async () => {
      const first = await socketFor(owner);
      await subscribe(first, businessId);
      await bus.publish(jobDone(businessId, 'seen'));
      await vi.waitFor(() => expect(jobIds(first)).toEqual(['seen']));
      const lastEventId = eventsOf(first)[0]?.id;
      first.close();
      await first.waitForClose();

      await bus.publish(jobDone(businessId, 'missed-1'));
      await bus.publish(jobDone(businessId, 'missed-2'));
      const again = await socketFor(owner);
      await subscribe(again, businessId, lastEventId);
      await vi.waitFor(() => expect(jobIds(again)).toEqual(['missed-1', 'missed-2']));
      // `subscribed` comes first, then the replay, in order.
      expect(again.frames.map((frame) => frame.type)).toEqual([
        'authenticated',
        'subscribed',
        'event',
        'event',
      ]);
      await bus.publish(jobDone(businessId, 'live'));
      await vi.waitFor(() => expect(jobIds(again)).toEqual(['missed-1', 'missed-2', 'live']));
    });

    it('resumes from the id in `subscribed` when the client saw no events before it dropped', async () => {
      await bus.publish(jobDone(businessId, 'before'));
      const first = await socketFor(owner);
      first.send({ type: 'subscribe', business_id: businessId });
      const { last_event_id: resumeFrom } = await first.waitFor('subscribed');
      first.close();
      await first.waitForClose();
      await bus.publish(jobDone(businessId, 'while-away'));

      const again = await socketFor(owner);
      await subscribe(again, businessId, resumeFrom);
      await vi.waitFor(() => expect(jobIds(again)).toEqual(['while-away']));
      const subscribed = await again.waitFor('subscribed');
      expect(subscribed.last_event_id).toBe(eventsOf(again)[0]?.id);
    });

    it('tells the client to resync when the missed events cannot be replayed', async () => {
      const socket = await socketFor(owner);
      socket.send({ type: 'subscribe', business_id: businessId, last_event_id: 'abc123-42' });
      await socket.waitFor('resync', (frame) => frame.business_id === businessId);
      expect(socket.frames.map((frame) => frame.type)).toEqual(['authenticated', 'subscribed', 'resync']);
    });
  });

  describe('connection health', () => {
    it('pings on the heartbeat, keeps answering clients that pong, and answers ping frames', async () => {
      const socket = await socketFor(owner);
      await subscribe(socket, businessId);
      await vi.waitFor(() => expect(socket.pings).toBeGreaterThanOrEqual(3), { timeout: 5_000 });
      expect(socket.closed).toBeUndefined();
      socket.send({ type: 'ping' });
      await socket.waitFor('pong');
      await bus.publish(jobDone(businessId, 'still-here'));
      await vi.waitFor(() => expect(jobIds(socket)).toEqual(['still-here']));
    });

    it('drops a connection that stops answering pings', async () => {
      const silent = await openSocket(t.app, '/api/ws', { answerPings: false });
      silent.send({ type: 'auth', token: owner.session.access_token });
      // 1006: terminated without a closing handshake.
      expect(await silent.waitForClose()).toMatchObject({ code: 1006 });
    });

    it('counts open connections in mcc_ws_connections', async () => {
      const gauge = async () => {
        const text = (await t.app.inject({ url: '/metrics' })).body;
        return Number(/^mcc_ws_connections (\d+)$/m.exec(text)?.[1]);
      };
      const a = await socketFor(owner);
      await socketFor(other);
      expect(await gauge()).toBe(2);
      a.close();
      await vi.waitFor(async () => expect(await gauge()).toBe(1));
    });
  });

  it('works over a real listening server and HTTP upgrade', async () => {
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const address = t.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const socket = await connectSocket(`ws://127.0.0.1:${port}/api/ws`);
    sockets.push(socket);
    socket.send({ type: 'auth', token: owner.session.access_token });
    await socket.waitFor('authenticated');
    await subscribe(socket, businessId);
    await bus.publish(jobDone(businessId, 'over-tcp'));
    await vi.waitFor(() => expect(jobIds(socket)).toEqual(['over-tcp']));

    const anonymous = await connectSocket(`ws://127.0.0.1:${port}/api/ws`);
    expect(await anonymous.waitForClose()).toMatchObject({ code: 4401 });
  });

  it('closes sockets as "going away" (1001) when the app shuts down', async () => {
    const socket = await socketFor(owner);
    await subscribe(socket, businessId);
    await t.app.close();
    expect(await socket.waitForClose()).toMatchObject({ code: 1001 });
  });

  it('announces usage.changed after an AI call, so usage pages refresh', async () => {
    const socket = await socketFor(owner);
    await subscribe(socket, businessId);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/ai/tasks/rewriteContent',
      headers: owner.auth,
      payload: { business_id: businessId, input: { product: 'Beans' } },
    });
    expect(response.statusCode).toBe(200);
    const event = await socket.waitFor('event', (frame) => frame.event.type === 'usage.changed');
    expect(event.event).toMatchObject({
      type: 'usage.changed',
      business_id: businessId,
      data: { call_id: response.json<{ call_id: string }>().call_id, task: 'rewriteContent', outcome: 'ok' },
    });
  });
});
