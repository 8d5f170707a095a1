import { afterEach, beforeEach, expect, it } from 'vitest';
import type { AuditEntry } from '#shared/business.schema.js';
import type { Problem } from '#shared/problem.schema.js';
import type { Webhook, WebhookWithSecret } from '#shared/webhook.schema.js';
import { addMember, createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { describeEachDialect } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// The webhooks resource: CRUD, validation, the secret shown once, roles, tenancy and the SSRF check at
// registration. Deliveries are in webhook-deliveries.test.ts.

const HOOK = 'http://127.0.0.1:9/hook';

describeEachDialect('webhooks API', (create) => {
  let t: TestApp;
  let owner: TestAccount;
  let businessId: string;

  beforeEach(async () => {
    t = await createTestApp(await create(), { OUTBOUND_ALLOWED_HOSTS: '127.0.0.1' });
    owner = await registerAccount(t.app);
    businessId = (await createBusiness(t.app, owner)).id;
  });
  afterEach(() => t.close());

  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    account = owner,
    payload?: object,
  ) => t.app.inject({ method, url, headers: account.auth, ...(payload ? { payload } : {}) });
  const createHook = async (body: object = {}, account = owner) =>
    call('POST', '/api/webhooks', account, {
      business_id: businessId,
      url: HOOK,
      events: ['content.published'],
      ...body,
    });

  it('registers, lists, changes, rotates and deletes a webhook; the secret is shown only when issued', async () => {
    const created = await createHook({ description: 'Zapier', events: ['content.published', 'job.failed'] });
    expect(created.statusCode, created.body).toBe(201);
    const { webhook, secret } = created.json<WebhookWithSecret>();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(webhook).toMatchObject({
      business_id: businessId,
      url: HOOK,
      description: 'Zapier',
      events: ['content.published', 'job.failed'],
      enabled: true,
      created_by: owner.session.user.id,
    });

    const list = await call('GET', `/api/webhooks?business_id=${businessId}`);
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: Webhook[] }>().items).toEqual([webhook]);
    expect(list.body).not.toContain(secret);
    expect(list.body).not.toContain('secret');

    const patched = await call('PATCH', `/api/webhooks/${webhook.id}`, owner, {
      enabled: false,
      events: ['message.received'],
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json<Webhook>()).toMatchObject({
      enabled: false,
      events: ['message.received'],
      url: HOOK,
    });
    expect(patched.body).not.toContain(secret);

    const rotated = await call('POST', `/api/webhooks/${webhook.id}/rotate-secret`);
    expect(rotated.statusCode).toBe(200);
    const newSecret = rotated.json<WebhookWithSecret>().secret;
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(secret);

    expect((await call('DELETE', `/api/webhooks/${webhook.id}`)).statusCode).toBe(204);
    expect((await call('DELETE', `/api/webhooks/${webhook.id}`)).statusCode).toBe(404);
    expect((await call('GET', `/api/webhooks?business_id=${businessId}`)).json()).toEqual({ items: [] });

    const audit = (await call('GET', `/api/business/${businessId}/audit-log`)).json<{
      items: AuditEntry[];
    }>();
    expect(audit.items.map((entry) => entry.action).reverse()).toEqual(
      expect.arrayContaining([
        'webhook.created',
        'webhook.updated',
        'webhook.secret_rotated',
        'webhook.deleted',
      ]),
    );
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it('answers field errors for a malformed body', async () => {
    const invalid = await createHook({ url: 'not a url', events: [], colour: 'red' });
    expect(invalid.statusCode).toBe(400);
    expect(
      invalid
        .json<Problem>()
        .errors?.map((e) => e.path)
        .sort(),
    ).toEqual(['body.colour', 'body.events', 'body.url']);
    const ftp = await createHook({ url: 'ftp://example.com/hook' });
    expect(ftp.json<Problem>().errors?.[0]?.path).toBe('body.url');
    expect((await createHook({ events: ['job.completed', 'job.completed'] })).statusCode).toBe(400);
    expect((await createHook({ events: ['webhook.test'] })).statusCode).toBe(400);
    const id = (await createHook()).json<WebhookWithSecret>().webhook.id;
    expect((await call('PATCH', `/api/webhooks/${id}`, owner, {})).statusCode).toBe(400);
  });

  it('refuses private, loopback and metadata addresses with 422 on url, unless allow-listed', async () => {
    for (const url of [
      'http://10.0.0.5/hook',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::1]:8080/hook',
      'http://[::ffff:192.168.0.1]/hook',
      'http://127.0.0.2/hook',
    ]) {
      const refused = await createHook({ url });
      expect(refused.statusCode, url).toBe(422);
      const problem = refused.json<Problem>();
      expect(problem.code).toBe('url_not_allowed');
      expect(problem.errors).toEqual([
        { path: 'body.url', message: expect.stringMatching(/OUTBOUND_ALLOWED_HOSTS/), code: 'blocked' },
      ]);
    }
    // 127.0.0.1 is allow-listed in this app; moving the webhook inside is checked as well.
    const id = (await createHook()).json<WebhookWithSecret>().webhook.id;
    const moved = await call('PATCH', `/api/webhooks/${id}`, owner, { url: 'http://192.168.1.20/hook' });
    expect(moved.statusCode).toBe(422);
    expect(moved.json<Problem>().errors?.[0]?.path).toBe('body.url');
    expect(
      (await call('GET', `/api/webhooks?business_id=${businessId}`)).json<{ items: Webhook[] }>().items[0],
    ).toMatchObject({ url: HOOK });
  });

  it('lets owners and admins manage webhooks, and nobody else read them', async () => {
    const business = { id: businessId } as never;
    const [admin, editor, viewer] = [
      await registerAccount(t.app),
      await registerAccount(t.app),
      await registerAccount(t.app),
    ];
    await addMember(t.app, owner, business, admin, 'admin');
    await addMember(t.app, owner, business, editor, 'editor');
    await addMember(t.app, owner, business, viewer, 'viewer');
    const byAdmin = await createHook({}, admin);
    expect(byAdmin.statusCode).toBe(201);
    const id = byAdmin.json<WebhookWithSecret>().webhook.id;
    for (const member of [editor, viewer]) {
      expect((await createHook({}, member)).statusCode).toBe(403);
      expect((await call('GET', `/api/webhooks?business_id=${businessId}`, member)).statusCode).toBe(403);
      expect((await call('PATCH', `/api/webhooks/${id}`, member, { enabled: false })).statusCode).toBe(403);
      expect((await call('POST', `/api/webhooks/${id}/test`, member)).statusCode).toBe(403);
      expect((await call('GET', `/api/webhooks/${id}/deliveries`, member)).statusCode).toBe(403);
      expect((await call('DELETE', `/api/webhooks/${id}`, member)).statusCode).toBe(403);
    }
    expect((await call('DELETE', `/api/webhooks/${id}`, admin)).statusCode).toBe(204);
  });

  it('answers 404 on every route to another workspace', async () => {
    const created = (await createHook()).json<WebhookWithSecret>().webhook;
    const test = await call('POST', `/api/webhooks/${created.id}/test`);
    expect(test.statusCode).toBe(202);
    const deliveryId = test.json<{ id: string }>().id;
    const stranger = await registerAccount(t.app);
    const theirs = (await createBusiness(t.app, stranger, 'Elsewhere')).id;
    const base = `/api/webhooks/${created.id}`;

    expect((await call('GET', `/api/webhooks?business_id=${businessId}`, stranger)).statusCode).toBe(404);
    expect((await createHook({}, stranger)).statusCode).toBe(404);
    const attempts = [
      await call('PATCH', base, stranger, { enabled: false }),
      await call('DELETE', base, stranger),
      await call('POST', `${base}/rotate-secret`, stranger),
      await call('POST', `${base}/test`, stranger),
      await call('GET', `${base}/deliveries`, stranger),
      await call('GET', `${base}/deliveries/${deliveryId}`, stranger),
      await call('POST', `${base}/deliveries/${deliveryId}/redeliver`, stranger),
    ];
    expect(attempts.map((response) => response.statusCode)).toEqual([404, 404, 404, 404, 404, 404, 404]);
    expect(attempts.every((response) => response.json<Problem>().detail === 'No such webhook')).toBe(true);

    // A delivery of one webhook is not reachable through another webhook, even in the same workspace.
    const other = (
      await call('POST', '/api/webhooks', stranger, {
        business_id: theirs,
        url: HOOK,
        events: ['job.failed'],
      })
    ).json<WebhookWithSecret>().webhook;
    const sibling = (await createHook()).json<WebhookWithSecret>().webhook;
    expect((await call('GET', `/api/webhooks/${sibling.id}/deliveries/${deliveryId}`)).statusCode).toBe(404);
    expect((await call('GET', `/api/webhooks/${other.id}/deliveries`)).statusCode).toBe(404);
    // Untouched by all of that.
    expect(
      (await call('GET', `/api/webhooks?business_id=${businessId}`)).json<{ items: Webhook[] }>().items,
    ).toHaveLength(2);
  });
});
