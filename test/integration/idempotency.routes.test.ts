import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Session } from '#shared/auth.schema.js';
import type { Business, CreatedApiKey } from '#shared/business.schema.js';
import type { Campaign } from '#shared/campaign.schema.js';
import type { Problem } from '#shared/problem.schema.js';
import { addMember, createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { describeEachDialect } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Auth = { authorization: string };

describeEachDialect('Idempotency-Key on creating requests', (create) => {
  let t: TestApp;
  let owner: TestAccount;
  let business: Business;

  beforeEach(async () => {
    t = await createTestApp(await create());
    owner = await registerAccount(t.app);
    business = await createBusiness(t.app, owner);
  });
  afterEach(() => t.close());

  const campaign = (businessId = business.id, fields: Record<string, unknown> = {}) => ({
    business_id: businessId,
    name: 'Spring launch',
    objective: 'sales',
    channels: ['instagram', 'x'],
    start_date: '2026-03-01',
    end_date: '2026-03-31',
    ...fields,
  });
  const post = (auth: Auth, url: string, payload: object | string, key?: string) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: {
        ...auth,
        ...(typeof payload === 'string' ? { 'content-type': 'application/json' } : {}),
        ...(key === undefined ? {} : { 'idempotency-key': key }),
      },
      payload,
    });
  const campaignsIn = async (auth: Auth, businessId = business.id) => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/campaign/?business_id=${businessId}`,
      headers: auth,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: Campaign[] }>().items;
  };
  const apiKey = async (businessId: string, account = owner): Promise<Auth> => {
    const response = await post(account.auth, `/api/business/${businessId}/api-keys`, { name: 'CRM' });
    expect(response.statusCode, response.body).toBe(201);
    return { authorization: `Bearer ${response.json<CreatedApiKey>().secret}` };
  };
  const keyRows = () => t.database.db.selectFrom('idempotency_keys').selectAll().execute();

  it('answers a repeat with the first answer, marked as replayed, and creates once', async () => {
    const first = await post(owner.auth, '/api/campaign/', campaign(), 'order-7f3a');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    const again = await post(owner.auth, '/api/campaign/', campaign(), 'order-7f3a');
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers['content-type']).toBe(first.headers['content-type']);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
    expect((await campaignsIn(owner.auth)).map((item) => item.id)).toEqual([first.json<Campaign>().id]);
  });

  it('creates again for every request without a key', async () => {
    expect((await post(owner.auth, '/api/campaign/', campaign())).statusCode).toBe(201);
    expect((await post(owner.auth, '/api/campaign/', campaign())).statusCode).toBe(201);
    expect(await campaignsIn(owner.auth)).toHaveLength(2);
  });

  it('takes the same JSON in another key order and spacing as the same request', async () => {
    const first = await post(owner.auth, '/api/campaign/', campaign(), 'k-order');
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(campaign()).reverse()), null, 2);
    const again = await post(owner.auth, '/api/campaign/', reordered, 'k-order');
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
  });

  it('refuses the key with another body or on another endpoint: 409 idempotency_key_reused', async () => {
    expect((await post(owner.auth, '/api/campaign/', campaign(), 'k-1')).statusCode).toBe(201);

    const otherBody = await post(
      owner.auth,
      '/api/campaign/',
      campaign(business.id, { name: 'Autumn' }),
      'k-1',
    );
    expect(otherBody.statusCode).toBe(409);
    expect(otherBody.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(otherBody.json<Problem>()).toMatchObject({
      code: 'idempotency_key_reused',
      status: 409,
      detail: expect.stringContaining('different request'),
    });

    const otherEndpoint = await post(
      owner.auth,
      '/api/content',
      { business_id: business.id, channel: 'x', body: 'Fresh bread' },
      'k-1',
    );
    expect(otherEndpoint.json<Problem>().code).toBe('idempotency_key_reused');
    expect(await campaignsIn(owner.auth)).toHaveLength(1);
  });

  it.each([
    ['empty', ''],
    ['with a space', 'two words'],
    ['too long', 'k'.repeat(256)],
  ])('refuses a key that is %s with a 400 naming the header', async (_label, key) => {
    const response = await post(owner.auth, '/api/campaign/', campaign(), key);
    expect(response.statusCode, response.body).toBe(400);
    const problem = response.json<Problem>();
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors?.[0]).toMatchObject({
      path: 'headers.idempotency-key',
      message: expect.stringContaining('255'),
    });
    expect(await campaignsIn(owner.auth)).toHaveLength(0);
  });

  it('keeps nothing for a request refused before it ran (400): the corrected request with the key runs', async () => {
    const invalid = await post(
      owner.auth,
      '/api/campaign/',
      campaign(business.id, { end_date: '2026-02-01' }),
      'k-fix',
    );
    expect(invalid.statusCode).toBe(400);
    const corrected = await post(owner.auth, '/api/campaign/', campaign(), 'k-fix');
    expect(corrected.statusCode).toBe(201);
    expect(corrected.headers['idempotent-replayed']).toBeUndefined();
  });

  it('keeps a final refusal from the service (403) and repeats it without running again', async () => {
    const viewer = await registerAccount(t.app);
    await addMember(t.app, owner, business, viewer, 'viewer');
    const refused = await post(viewer.auth, '/api/campaign/', campaign(), 'k-viewer');
    expect(refused.statusCode).toBe(403);
    const again = await post(viewer.auth, '/api/campaign/', campaign(), 'k-viewer');
    expect(again.statusCode).toBe(403);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(refused.json());
  });

  it('scopes a person’s key to the workspace: the same key for workspace B is independent of A', async () => {
    const other = await createBusiness(t.app, owner, 'Second shop');
    const inA = await post(owner.auth, '/api/campaign/', campaign(business.id), 'shared-key');
    const inB = await post(owner.auth, '/api/campaign/', campaign(other.id), 'shared-key');
    expect([inA.statusCode, inB.statusCode]).toEqual([201, 201]);
    expect(inB.headers['idempotent-replayed']).toBeUndefined();
    expect(await campaignsIn(owner.auth, business.id)).toHaveLength(1);
    expect(await campaignsIn(owner.auth, other.id)).toHaveLength(1);
    // And each workspace still repeats its own first answer.
    const againInB = await post(owner.auth, '/api/campaign/', campaign(other.id), 'shared-key');
    expect(againInB.json()).toEqual(inB.json());
  });

  it('scopes keys to the credential: another member reusing a key runs their own request', async () => {
    const editor = await registerAccount(t.app);
    await addMember(t.app, owner, business, editor, 'editor');
    const mine = await post(owner.auth, '/api/campaign/', campaign(), 'k-people');
    const theirs = await post(editor.auth, '/api/campaign/', campaign(), 'k-people');
    expect(theirs.statusCode).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.json<Campaign>().id).not.toBe(mine.json<Campaign>().id);
    expect(await campaignsIn(owner.auth)).toHaveLength(2);
  });

  it('keeps a person’s key across sessions: a retry after signing in again is a repeat', async () => {
    const first = await post(owner.auth, '/api/campaign/', campaign(), 'k-session');
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: owner.email, password: owner.password },
    });
    expect(login.statusCode, login.body).toBe(200);
    const newSession = { authorization: `Bearer ${login.json<Session>().access_token}` };
    const again = await post(newSession, '/api/campaign/', campaign(), 'k-session');
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
  });

  it('gives each API key its own key space, in its own workspace', async () => {
    const other = await createBusiness(t.app, owner, 'Second shop');
    const keyA = await apiKey(business.id);
    const secondKeyA = await apiKey(business.id);
    const keyB = await apiKey(other.id);

    const byA = await post(keyA, '/api/campaign/', campaign(business.id), 'crm-1');
    const bySecondA = await post(secondKeyA, '/api/campaign/', campaign(business.id), 'crm-1');
    const byB = await post(keyB, '/api/campaign/', campaign(other.id), 'crm-1');
    expect([byA.statusCode, bySecondA.statusCode, byB.statusCode]).toEqual([201, 201, 201]);
    expect(bySecondA.headers['idempotent-replayed']).toBeUndefined();
    expect(byB.headers['idempotent-replayed']).toBeUndefined();
    expect(await campaignsIn(owner.auth, business.id)).toHaveLength(2);
    expect(await campaignsIn(owner.auth, other.id)).toHaveLength(1);

    const repeat = await post(keyA, '/api/campaign/', campaign(business.id), 'crm-1');
    expect(repeat.headers['idempotent-replayed']).toBe('true');
    expect(repeat.json()).toEqual(byA.json());
    // Workspace B's key sent with workspace A's body is refused as any other workspace's id is.
    const crossing = await post(keyB, '/api/campaign/', campaign(business.id), 'crm-2');
    expect(crossing.statusCode).toBe(404);
    expect(await campaignsIn(owner.auth, business.id)).toHaveLength(2);
  });

  it('answers 404 to someone outside the workspace and keeps nothing for them', async () => {
    const outsider = await registerAccount(t.app);
    const response = await post(outsider.auth, '/api/campaign/', campaign(), 'k-outside');
    expect(response.statusCode).toBe(404);
    const rows = await keyRows();
    expect(rows.filter((row) => row.credential === `user:${outsider.session.user.id}`)).toEqual([]);
  });

  it('keeps a created secret sealed at rest and repeats it to the retry', async () => {
    const url = `/api/business/${business.id}/api-keys`;
    const created = await post(owner.auth, url, { name: 'Zapier' }, 'k-secret');
    expect(created.statusCode).toBe(201);
    const { secret } = created.json<CreatedApiKey>();
    const [row] = (await keyRows()).filter((candidate) => candidate.idempotency_key === 'k-secret');
    expect(row).toMatchObject({ state: 'done', response_status: 201, business_id: business.id });
    expect(row?.response_body).not.toContain(secret);
    expect(row?.response_body).not.toContain('Zapier');

    const again = await post(owner.auth, url, { name: 'Zapier' }, 'k-secret');
    expect(again.json<CreatedApiKey>().secret).toBe(secret);
    const list = await t.app.inject({ method: 'GET', url, headers: owner.auth });
    expect(list.json<{ items: unknown[] }>().items).toHaveLength(1);
  });

  it('scopes a new workspace’s key to the person (no workspace yet)', async () => {
    const first = await post(owner.auth, '/api/business/', { name: 'Third shop' }, 'k-workspace');
    const again = await post(owner.auth, '/api/business/', { name: 'Third shop' }, 'k-workspace');
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const mine = await t.app.inject({ method: 'GET', url: '/api/business/', headers: owner.auth });
    expect(
      mine
        .json<{ items: Business[] }>()
        .items.map((item) => item.name)
        .sort(),
    ).toEqual(['Acme Bakery', 'Third shop']);
  });

  it('keeps the answer as the handler made it: a repeat is compressed for whoever asks, like the first', async () => {
    const payload = {
      business_id: business.id,
      channel: 'email',
      body: 'Fresh sourdough every morning. '.repeat(60),
    };
    const send = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/content',
        headers: { ...owner.auth, 'idempotency-key': 'k-long', ...headers },
        payload,
      });
    const first = await send({ 'accept-encoding': 'gzip' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers['content-encoding']).toBe('gzip');
    const again = await send({ 'accept-encoding': 'gzip' });
    expect(again.headers['content-encoding']).toBe('gzip');
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(gunzipSync(again.rawPayload).toString()).toBe(gunzipSync(first.rawPayload).toString());
    const plain = await send({});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.json()).toEqual(JSON.parse(gunzipSync(first.rawPayload).toString()));
  });

  it('ignores the header on requests that create nothing', async () => {
    const created = await post(owner.auth, '/api/campaign/', campaign());
    const id = created.json<Campaign>().id;
    for (const name of ['One', 'Two']) {
      const patched = await t.app.inject({
        method: 'PATCH',
        url: `/api/campaign/${id}`,
        headers: { ...owner.auth, 'idempotency-key': 'k-patch' },
        payload: { name },
      });
      expect(patched.json<Campaign>().name).toBe(name);
      expect(patched.headers['idempotent-replayed']).toBeUndefined();
    }
    expect(await keyRows()).toEqual([]);
  });

  it('declares the header on exactly the creating operations in the OpenAPI document', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json<{
      paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>>;
    }>();
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, operation]) =>
          operation.parameters?.some(
            (parameter) => parameter.in === 'header' && parameter.name === 'idempotency-key',
          ),
        )
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(
      [
        'POST /api/ai/strategy/generate-calendar',
        'POST /api/analytics/metrics/import',
        'POST /api/analytics/simulate',
        'POST /api/business',
        'POST /api/business/{id}/api-keys',
        'POST /api/business/{id}/calendar-feed',
        'POST /api/business/{id}/members',
        'POST /api/business/{id}/review-links',
        'POST /api/campaign',
        'POST /api/connectors',
        'POST /api/content',
        'POST /api/content/import',
        'POST /api/content/posts',
        'POST /api/content/{id}/comments',
        'POST /api/content/{id}/duplicate',
        'POST /api/inbox/canned-replies',
        'POST /api/inbox/knowledge',
        'POST /api/inbox/rules',
        'POST /api/media',
        'POST /api/media/cards',
        'POST /api/media/generate',
        'POST /api/messages',
        'POST /api/messages/{id}/reply',
        'POST /api/network-accounts',
        'POST /api/oauth-picks/{id}',
        'POST /api/webhooks',
        'POST /api/webhooks/{id}/deliveries/{deliveryId}/redeliver',
        'POST /api/webhooks/{id}/test',
      ].sort(),
    );
  });
});
