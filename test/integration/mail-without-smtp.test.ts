import { afterEach, expect, it } from 'vitest';
import type { Problem } from '#shared/problem.schema.js';
import { createBusiness, registerAccount } from '../factories/accounts.js';
import { type AppWithJobs, startAppWithJobs } from '../support/app-with-jobs.js';
import { describeEachDialect } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

interface Outbox {
  items: { to: string; subject: string; text: string }[];
}

describeEachDialect('email without SMTP', (create) => {
  let running: AppWithJobs | undefined;
  let production: TestApp | undefined;
  afterEach(async () => {
    await running?.stop();
    await production?.close();
    running = undefined;
    production = undefined;
  });

  it('in development and tests, keeps messages in the dev outbox, readable from this machine only', async () => {
    running = await startAppWithJobs(await create());
    const { app, services } = running.t;
    expect((await app.inject({ method: 'GET', url: '/api/auth/options' })).json()).toEqual({
      mail: 'outbox',
      sign_up: 'confirm_by_email',
    });
    // Sign-up through the outbox: sign-up-modes.test.ts.
    const ada = await registerAccount(app);
    const asked = await app.inject({
      method: 'POST',
      url: '/api/auth/password/forgot',
      payload: { email: ada.email },
    });
    expect(asked.statusCode).toBe(202);
    // The job runs on the worker; wait for the outbox to receive the message.
    const outbox = services.mailer as unknown as { list(): Outbox['items'] };
    await expect.poll(() => outbox.list().length, { timeout: 5_000, interval: 20 }).toBe(1);

    const local = await app.inject({ method: 'GET', url: '/api/dev/outbox' });
    expect(local.statusCode).toBe(200);
    const [mail] = local.json<Outbox>().items;
    expect(mail).toMatchObject({ to: ada.email, subject: 'Reset your password' });
    expect(mail?.text).toMatch(/http:\/\/localhost:8000\/reset-password#token=[\w-]{40,}/);

    const remote = await app.inject({ method: 'GET', url: '/api/dev/outbox', remoteAddress: '203.0.113.9' });
    expect(remote.statusCode).toBe(404);
  });

  it('in production, refuses what needs mail with a readable 503, and still adds existing accounts', async () => {
    production = await createTestApp(await create(), {
      NODE_ENV: 'production',
      SECRET_KEY: 'q8Zr3mXv0LkP7tYw2NcB5hJd9GsF4aEu6RiO1lKxVbnM',
      ALLOWED_HOSTS: '*',
    });
    const { app } = production;
    expect((await app.inject({ method: 'GET', url: '/api/auth/options' })).json()).toEqual({
      mail: 'none',
      sign_up: 'confirm_by_email',
    });
    expect((await app.inject({ method: 'GET', url: '/api/dev/outbox' })).statusCode).toBe(404);
    const forgot = await app.inject({
      method: 'POST',
      url: '/api/auth/password/forgot',
      payload: { email: 'someone@example.com' },
    });
    expect(forgot.statusCode).toBe(503);
    expect(forgot.json<Problem>()).toMatchObject({
      code: 'mail_unavailable',
      detail: expect.stringMatching(/SMTP_URL/),
    });

    const owner = await registerAccount(app);
    const member = await registerAccount(app);
    const business = await createBusiness(app, owner);
    const invite = await app.inject({
      method: 'POST',
      url: `/api/business/${business.id}/members`,
      headers: owner.auth,
      payload: { email: 'no-account@example.com', role: 'editor' },
    });
    expect(invite.statusCode).toBe(503);
    const add = await app.inject({
      method: 'POST',
      url: `/api/business/${business.id}/members`,
      headers: owner.auth,
      payload: { email: member.email, role: 'editor' },
    });
    expect(add.statusCode).toBe(201);
  });
});
