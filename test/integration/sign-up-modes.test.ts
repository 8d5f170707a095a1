import type { FastifyInstance } from 'fastify';
import { afterEach, expect, it } from 'vitest';
import { newId } from '#server/db/ids.js';
import { createRepositories } from '#server/repositories/index.js';
import { AUTH_COOKIES, type Session } from '#shared/auth.schema.js';
import type { OutboxEmail } from '#shared/dev-outbox.schema.js';
import type { Problem } from '#shared/problem.schema.js';
import { createBusiness, registerAccount } from '../factories/accounts.js';
import { type AppWithJobs, startAppWithJobs } from '../support/app-with-jobs.js';
import { describeEachDialect } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const PRODUCTION = {
  NODE_ENV: 'production',
  SECRET_KEY: 'q8Zr3mXv0LkP7tYw2NcB5hJd9GsF4aEu6RiO1lKxVbnM',
  ALLOWED_HOSTS: '*',
};

const post = (app: FastifyInstance, url: string, payload: object) =>
  app.inject({ method: 'POST', url, payload });

const options = async (app: FastifyInstance) =>
  (await app.inject({ method: 'GET', url: '/api/auth/options' })).json();

/** The messages the dev outbox holds for `to`, read as a developer would (GET /api/dev/outbox). */
async function outboxFor(app: FastifyInstance, to: string): Promise<OutboxEmail[]> {
  const response = await app.inject({ method: 'GET', url: '/api/dev/outbox' });
  expect(response.statusCode).toBe(200);
  return response.json<{ items: OutboxEmail[] }>().items.filter((mail) => mail.to === to);
}

/** The first message for `to`, once the worker has "sent" it. */
async function waitForOutbox(app: FastifyInstance, to: string): Promise<OutboxEmail> {
  await expect.poll(async () => (await outboxFor(app, to)).length, { timeout: 5_000, interval: 20 }).toBe(1);
  const [mail] = await outboxFor(app, to);
  if (!mail) throw new Error(`no message for ${to}`);
  return mail;
}

/** The value after `#name=` in the message's first link into the app. */
function fragmentIn(mail: OutboxEmail, name: string): string {
  const link = /http:\/\/localhost:8000\/[^\s]+/.exec(mail.text)?.[0];
  if (!link) throw new Error(`no link in "${mail.subject}"`);
  return new URLSearchParams(new URL(link).hash.slice(1)).get(name) ?? '';
}

let sequence = 0;
const address = (name: string) => `${name}.${++sequence}.${Date.now()}@example.com`;

describeEachDialect('sign-up modes', (create) => {
  let running: AppWithJobs | undefined;
  let t: TestApp | undefined;
  afterEach(async () => {
    await running?.stop();
    await t?.close();
    running = undefined;
    t = undefined;
  });

  it('with the dev outbox, confirms by email: a new and a taken address get the same answer and each an email', async () => {
    running = await startAppWithJobs(await create());
    const { app } = running.t;
    expect(await options(app)).toEqual({ mail: 'outbox', sign_up: 'confirm_by_email' });
    const ada = await registerAccount(app);
    const newcomer = address('grace');

    const fresh = await post(app, '/api/auth/register', {
      email: newcomer,
      password: 'cobol-compiler-1959',
      name: 'Grace',
    });
    const taken = await post(app, '/api/auth/register', {
      email: ada.email.toUpperCase(),
      password: 'another-long-password',
      name: 'X',
    });
    expect(fresh.statusCode).toBe(202);
    expect(taken.statusCode).toBe(fresh.statusCode);
    expect(taken.body).toBe(fresh.body);
    expect(fresh.json()).toEqual({
      status: 'check_email',
      message: expect.stringMatching(/Check your email/),
    });
    expect([fresh.cookies, taken.cookies]).toEqual([[], []]);

    const notice = await waitForOutbox(app, ada.email);
    expect(notice.subject).toBe('Someone tried to sign up with your email');
    expect(notice.text).not.toMatch(/token=/);
    expect(
      (await post(app, '/api/auth/login', { email: ada.email, password: ada.password })).statusCode,
    ).toBe(200);

    const confirmation = await waitForOutbox(app, newcomer);
    expect(confirmation.subject).toBe('Confirm your email to finish signing up');
    const confirmed = await post(app, '/api/auth/register/confirm', {
      token: fragmentIn(confirmation, 'token'),
    });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    expect(confirmed.json<Session>().user.email).toBe(newcomer);
  });

  it('in production without SMTP, lets the first account in at once and answers 503 to everyone after', async () => {
    t = await createTestApp(await create(), PRODUCTION);
    const { app } = t;
    expect(await options(app)).toEqual({ mail: 'none', sign_up: 'confirm_by_email' });

    // Two people race for the first account: exactly one gets it.
    const racers = [address('first'), address('second')];
    const raced = await Promise.all(
      racers.map((email) =>
        post(app, '/api/auth/register', { email, password: 'first-light-harbour-1', name: 'F' }),
      ),
    );
    expect(raced.map((response) => response.statusCode).sort()).toEqual([201, 503]);
    expect(await createRepositories(t.database.db, t.database.dialect).users.count()).toBe(1);
    const winner = raced.find((response) => response.statusCode === 201)?.json<Session>();
    if (!winner) throw new Error('no first account');
    // The first account can set the server up: it makes a workspace.
    const business = await app.inject({
      method: 'POST',
      url: '/api/business/',
      headers: { authorization: `Bearer ${winner.access_token}` },
      payload: { name: 'First Light' },
    });
    expect(business.statusCode).toBe(201);

    const later = await post(app, '/api/auth/register', {
      email: address('later'),
      password: 'late-harbour-lantern-2',
      name: 'L',
    });
    const taken = await post(app, '/api/auth/register', {
      email: winner.user.email,
      password: 'late-harbour-lantern-2',
      name: 'L',
    });
    expect(later.statusCode).toBe(503);
    const problem = later.json<Problem>();
    expect(problem).toMatchObject({
      code: 'mail_unavailable',
      detail: expect.stringMatching(/SMTP_URL.*mcc user create/),
    });
    expect(taken.statusCode).toBe(503);
    expect(taken.json<Problem>().detail).toBe(problem.detail);
  });

  it('with SIGN_UP=closed, refuses sign-up and confirmation links, while an invitation still signs up', async () => {
    running = await startAppWithJobs(await create(), { env: { SIGN_UP: 'closed' } });
    const { app } = running.t;
    expect(await options(app)).toEqual({ mail: 'outbox', sign_up: 'closed' });
    const refused = await post(app, '/api/auth/register', {
      email: address('closed'),
      password: 'closed-door-lantern-3',
      name: 'C',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<Problem>()).toMatchObject({
      code: 'sign_up_closed',
      detail: expect.stringMatching(/invitation/),
    });
    const confirm = await post(app, '/api/auth/register/confirm', { token: 'a'.repeat(43) });
    expect(confirm.json<Problem>().code).toBe('sign_up_closed');

    const owner = await registerAccount(app);
    const business = await createBusiness(app, owner);
    const invitee = address('invitee');
    const invited = await app.inject({
      method: 'POST',
      url: `/api/business/${business.id}/members`,
      headers: owner.auth,
      payload: { email: invitee, role: 'editor' },
    });
    expect(invited.statusCode, invited.body).toBe(202);
    const token = fragmentIn(await waitForOutbox(app, invitee), 'invitation');
    const joined = await post(app, '/api/auth/register', {
      email: invitee,
      password: 'closed-door-lantern-3',
      name: 'Invitee',
      invitation_token: token,
    });
    expect(joined.statusCode, joined.body).toBe(201);
  });

  it('with SIGN_UP=closed, sends no confirmation link asked for while sign-up was open (it could not work)', async () => {
    running = await startAppWithJobs(await create(), { env: { SIGN_UP: 'closed' } });
    const { app, database, services } = running.t;
    const email = address('asked-before-closing');
    const at = new Date();
    const requestId = newId();
    // As `register` left it while sign-up was open: the request stored, its email job queued.
    await createRepositories(database.db, database.dialect).signUpRequests.insert({
      id: requestId,
      email,
      name: 'Late',
      password_hash: 'not-used-here',
      language: null,
      expires_at: new Date(at.getTime() + 3_600_000).toISOString(),
      created_at: at.toISOString(),
    });
    const jobId = await services.jobQueue.enqueue({
      name: 'mail.sign_up',
      businessId: null,
      payload: { sign_up_request_id: requestId },
    });
    const finished = () =>
      database.db.selectFrom('jobs').select(['state', 'result']).where('id', '=', jobId).executeTakeFirst();
    await expect
      .poll(async () => (await finished())?.state, { timeout: 5_000, interval: 20 })
      .toBe('succeeded');
    expect(JSON.parse((await finished())?.result ?? 'null')).toEqual({ skipped: 'sign_up_closed' });
    expect(await outboxFor(app, email)).toEqual([]);
  });

  it('with SIGN_UP=immediate, signs in at once with a normalised email and hardened cookies', async () => {
    t = await createTestApp(await create(), { SIGN_UP: 'immediate' });
    expect(await options(t.app)).toEqual({ mail: 'outbox', sign_up: 'immediate' });
    const response = await post(t.app, '/api/auth/register', {
      email: '  Ada.Lovelace@Example.COM ',
      password: 'analytical-engine-1843',
      name: 'Ada',
    });
    expect(response.statusCode).toBe(201);
    const session = response.json<Session>();
    expect(session.user.email).toBe('ada.lovelace@example.com');
    expect(session.token_type).toBe('Bearer');
    expect(session.expires_in).toBe(900);
    expect(session.user).not.toHaveProperty('password_hash');
    const refreshCookie = response.cookies.find((c) => c.name === AUTH_COOKIES.refresh);
    expect(refreshCookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth' });
    const csrfCookie = response.cookies.find((c) => c.name === AUTH_COOKIES.csrf);
    expect(csrfCookie?.httpOnly).toBeFalsy();
  });

  it('with SIGN_UP=immediate, answers 409 for a taken email (the enumeration the operator accepts)', async () => {
    t = await createTestApp(await create(), { SIGN_UP: 'immediate' });
    const ada = await registerAccount(t.app);
    const taken = await post(t.app, '/api/auth/register', {
      email: ada.email.toUpperCase(),
      password: 'another-long-password',
      name: 'X',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json<Problem>().errors?.[0]?.path).toBe('body.email');
  });

  it('refuses a weak password and unknown fields, field by field, before any email', async () => {
    t = await createTestApp(await create());
    const weak = await post(t.app, '/api/auth/register', {
      email: 'w@example.com',
      password: 'password123',
      name: 'W',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json<Problem>()).toMatchObject({
      code: 'weak_password',
      errors: [{ path: 'body.password' }],
    });

    const massAssignment = await post(t.app, '/api/auth/register', {
      email: 'm@example.com',
      password: 'a-long-enough-pass',
      name: 'M',
      role: 'owner',
      id: 'x',
    });
    expect(massAssignment.statusCode).toBe(400);
    const problem = massAssignment.json<Problem>();
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(['body.id', 'body.role']);
  });
});
