import { afterEach, beforeEach, expect, it } from 'vitest';
import { verifySignatureHeader } from '#server/integrations/signed-delivery.js';
import type { Business } from '#shared/business.schema.js';
import type { Connector, ConnectorTestResult, ConnectorWithSecret } from '#shared/connector.schema.js';
import type { Problem } from '#shared/problem.schema.js';
import { addMember, createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { describeEachDialect } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

// The connector API over the real app; the test endpoint POSTs to a real receiver on 127.0.0.1, which
// OUTBOUND_ALLOWED_HOSTS permits (everything else on loopback stays refused).

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

describeEachDialect('publishing connector routes', (create) => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  let owner: TestAccount;
  let business: Business;

  beforeEach(async () => {
    t = await createTestApp(await create(), { OUTBOUND_ALLOWED_HOSTS: '127.0.0.1' });
    receiver = await startWebhookReceiver();
    owner = await registerAccount(t.app);
    business = await createBusiness(t.app, owner);
  });
  afterEach(async () => {
    await t.close();
    await receiver.close();
  });

  const as = (account: TestAccount, method: Method, url: string, payload?: object) =>
    t.app.inject({ method, url, headers: account.auth, ...(payload ? { payload } : {}) });
  const add = async (fields: object = {}, account = owner) => {
    const response = await as(account, 'POST', '/api/connectors', {
      business_id: business.id,
      kind: 'webhook',
      name: 'Zapier',
      settings: { url: receiver.url },
      ...fields,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<ConnectorWithSecret>();
  };

  it('creates, lists, edits, rotates and deletes a connector; the secret is shown only when issued', async () => {
    const created = await add({ channels: ['instagram', 'x'] });
    expect(created.secret).toMatch(/^whsec_[\w-]{40,}$/);
    expect(created.connector).toMatchObject({
      kind: 'webhook',
      name: 'Zapier',
      settings: { url: receiver.url },
      channels: ['instagram', 'x'],
      enabled: true,
      created_by: owner.session.user.id,
    });
    const list = await as(owner, 'GET', `/api/connectors?business_id=${business.id}`);
    expect(list.json<{ items: Connector[] }>().items).toEqual([created.connector]);
    expect(list.body).not.toContain(created.secret);

    const id = created.connector.id;
    const edited = await as(owner, 'PATCH', `/api/connectors/${id}`, { enabled: false, channels: null });
    expect(edited.json<ConnectorWithSecret>()).toMatchObject({
      connector: { enabled: false, channels: null },
      secret: null,
    });
    const rotated = (
      await as(owner, 'PATCH', `/api/connectors/${id}`, { rotate_secret: true })
    ).json<ConnectorWithSecret>();
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(created.secret);

    expect((await as(owner, 'DELETE', `/api/connectors/${id}`)).statusCode).toBe(204);
    expect((await as(owner, 'DELETE', `/api/connectors/${id}`)).statusCode).toBe(404);
    const audit = await as(owner, 'GET', `/api/business/${business.id}/audit-log`);
    const actions = audit.json<{ items: Array<{ action: string }> }>().items.map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'connector.created',
        'connector.updated',
        'connector.secret_rotated',
        'connector.deleted',
      ]),
    );
  });

  it('refuses URLs the server may not call with a 422 on the url field, and bad settings', async () => {
    for (const url of [
      'http://169.254.169.254/latest/meta-data',
      'http://10.0.0.8/hook',
      'http://[::1]:9/x',
    ]) {
      const response = await as(owner, 'POST', '/api/connectors', {
        business_id: business.id,
        kind: 'webhook',
        name: 'Inside',
        settings: { url },
      });
      expect(response.statusCode, url).toBe(422);
      expect(response.json<Problem>()).toMatchObject({
        code: 'url_not_allowed',
        errors: [{ path: 'body.settings.url', code: 'blocked', message: expect.stringContaining('private') }],
      });
    }
    const ftp = await as(owner, 'POST', '/api/connectors', {
      business_id: business.id,
      kind: 'webhook',
      name: 'FTP',
      settings: { url: 'ftp://example.com/x' },
    });
    expect(ftp.statusCode).toBe(400);
    const unknownKind = await as(owner, 'POST', '/api/connectors', {
      business_id: business.id,
      kind: 'carrier_pigeon',
      name: 'Coo',
      settings: { url: receiver.url },
    });
    expect(unknownKind.statusCode).toBe(400);
    const created = await add();
    const moved = await as(owner, 'PATCH', `/api/connectors/${created.connector.id}`, {
      settings: { url: 'http://192.168.1.1/hook' },
    });
    expect(moved.statusCode).toBe(422);
    expect(moved.json<Problem>().errors?.[0]?.path).toBe('body.settings.url');
    const duplicateChannels = await as(owner, 'PATCH', `/api/connectors/${created.connector.id}`, {
      channels: ['x', 'x'],
    });
    expect(duplicateChannels.statusCode).toBe(400);
  });

  it('sends a signed test payload and reports the answer, a 4xx included', async () => {
    const { connector, secret } = await add();
    const ok = await as(owner, 'POST', `/api/connectors/${connector.id}/test`);
    expect(ok.json<ConnectorTestResult>()).toMatchObject({ ok: true, status_code: 200, failure_kind: null });
    const [request] = receiver.requests;
    expect(request?.headers['x-mcc-event']).toBe('connector.test');
    expect(JSON.parse(request?.body ?? '{}')).toMatchObject({
      type: 'connector.test',
      connector_id: connector.id,
      business_id: business.id,
    });
    const header = String(request?.headers['x-mcc-signature']);
    expect(verifySignatureHeader(secret ?? '', request?.body ?? '', header, Date.now() / 1000)).toBe(true);
    expect(verifySignatureHeader('whsec_other', request?.body ?? '', header, Date.now() / 1000)).toBe(false);

    receiver.script({ status: 401, body: 'token expired' }, { status: 404 }, { status: 503 });
    const results = [];
    for (let i = 0; i < 3; i += 1) {
      results.push(
        (await as(owner, 'POST', `/api/connectors/${connector.id}/test`)).json<ConnectorTestResult>(),
      );
    }
    expect(results.map((result) => [result.ok, result.status_code, result.failure_kind])).toEqual([
      [false, 401, 'auth_expired'],
      [false, 404, 'rejected'],
      [false, 503, 'retryable'],
    ]);
    expect(results[0]?.response_headers).toMatchObject({ 'content-type': 'text/plain' });
    expect(JSON.stringify(results)).not.toContain('token expired');
  });

  it('lets only owners and admins manage connectors', async () => {
    const { connector } = await add();
    for (const role of ['editor', 'viewer'] as const) {
      const member = await registerAccount(t.app);
      await addMember(t.app, owner, business, member, role);
      expect((await as(member, 'GET', `/api/connectors?business_id=${business.id}`)).statusCode).toBe(403);
      const create = await as(member, 'POST', '/api/connectors', {
        business_id: business.id,
        kind: 'webhook',
        name: 'Mine',
        settings: { url: receiver.url },
      });
      expect(create.statusCode).toBe(403);
      expect((await as(member, 'PATCH', `/api/connectors/${connector.id}`, { name: 'x' })).statusCode).toBe(
        403,
      );
      expect((await as(member, 'POST', `/api/connectors/${connector.id}/test`)).statusCode).toBe(403);
    }
    const admin = await registerAccount(t.app);
    await addMember(t.app, owner, business, admin, 'admin');
    expect((await as(admin, 'PATCH', `/api/connectors/${connector.id}`, { name: 'Make' })).statusCode).toBe(
      200,
    );
  });

  it('answers 404 for another workspace’s connectors, exactly as for missing ones', async () => {
    const { connector } = await add();
    const stranger = await registerAccount(t.app);
    const theirs = await createBusiness(t.app, stranger, 'Other Bakery');
    expect((await as(stranger, 'GET', `/api/connectors?business_id=${business.id}`)).statusCode).toBe(404);
    for (const [method, url, payload] of [
      ['PATCH', `/api/connectors/${connector.id}`, { name: 'Mine now' }],
      ['DELETE', `/api/connectors/${connector.id}`, undefined],
      ['POST', `/api/connectors/${connector.id}/test`, undefined],
    ] as const) {
      const response = await as(stranger, method, url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.json<Problem>().detail).toBe('No such connector');
    }
    const intoTheirs = await as(stranger, 'POST', '/api/connectors', {
      business_id: business.id,
      kind: 'webhook',
      name: 'Sneaky',
      settings: { url: receiver.url },
    });
    expect(intoTheirs.statusCode).toBe(404);
    expect((await as(stranger, 'GET', `/api/connectors?business_id=${theirs.id}`)).json()).toEqual({
      items: [],
    });
    expect(receiver.requests).toHaveLength(0);
  });
});
