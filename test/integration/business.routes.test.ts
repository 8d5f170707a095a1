import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Business, CreatedApiKey, Member } from '#shared/business.schema.js';
import type { Problem } from '#shared/problem.schema.js';
import { addMember, createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { describeEachDialect } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describeEachDialect('workspace routes', (create) => {
  let t: TestApp;
  let owner: TestAccount;
  let business: Business;

  beforeEach(async () => {
    t = await createTestApp(await create());
    owner = await registerAccount(t.app);
    business = await createBusiness(t.app, owner);
  });
  afterEach(() => t.close());

  const as = (
    account: TestAccount,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url, headers: account.auth, ...(payload ? { payload } : {}) });

  it('creates, lists (with and without the trailing slash), reads, updates and deletes a workspace', async () => {
    expect(business).toMatchObject({ name: 'Acme Bakery', role: 'owner', time_zone: 'UTC', locale: 'en' });
    const list = await as(owner, 'GET', '/api/business/');
    expect(list.json<{ items: Business[] }>().items.map((b) => b.id)).toEqual([business.id]);
    expect((await as(owner, 'GET', '/api/business')).statusCode).toBe(200);

    const updated = await as(owner, 'PATCH', `/api/business/${business.id}`, {
      name: 'Acme Bread',
      time_zone: 'Europe/Paris',
      website: 'https://acme.example',
    });
    expect(updated.json()).toMatchObject({
      name: 'Acme Bread',
      time_zone: 'Europe/Paris',
      website: 'https://acme.example',
    });

    const badZone = await as(owner, 'PATCH', `/api/business/${business.id}`, { time_zone: 'Mars/Olympus' });
    expect(badZone.statusCode).toBe(400);
    expect(badZone.json<Problem>().errors?.[0]?.path).toBe('body.time_zone');

    expect((await as(owner, 'DELETE', `/api/business/${business.id}`)).statusCode).toBe(204);
    expect((await as(owner, 'GET', `/api/business/${business.id}`)).statusCode).toBe(404);
  });

  it('answers 404 — never 403 — for another tenant’s workspace, members, keys and audit log', async () => {
    const stranger = await registerAccount(t.app);
    const theirs = await createBusiness(t.app, stranger, 'Stranger Things');
    const urls: Array<['GET' | 'POST' | 'PATCH' | 'DELETE', string, object?]> = [
      ['GET', `/api/business/${business.id}`],
      ['PATCH', `/api/business/${business.id}`, { name: 'Pwned' }],
      ['DELETE', `/api/business/${business.id}`],
      ['GET', `/api/business/${business.id}/members`],
      ['POST', `/api/business/${business.id}/members`, { email: stranger.email, role: 'owner' }],
      ['PATCH', `/api/business/${business.id}/members/${owner.session.user.id}`, { role: 'viewer' }],
      ['DELETE', `/api/business/${business.id}/members/${owner.session.user.id}`],
      ['GET', `/api/business/${business.id}/api-keys`],
      ['POST', `/api/business/${business.id}/api-keys`, { name: 'steal' }],
      ['GET', `/api/business/${business.id}/audit-log`],
    ];
    for (const [method, url, payload] of urls) {
      const response = await as(stranger, method, url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.json<Problem>().code).toBe('not_found');
    }
    // Nothing changed, and the stranger's own workspace is unaffected.
    expect((await as(owner, 'GET', `/api/business/${business.id}`)).json()).toMatchObject({
      name: 'Acme Bakery',
    });
    expect(
      (await as(owner, 'GET', `/api/business/${business.id}/members`)).json<{ items: Member[] }>().items,
    ).toHaveLength(1);
    expect(
      (await as(stranger, 'GET', '/api/business/')).json<{ items: Business[] }>().items.map((b) => b.id),
    ).toEqual([theirs.id]);
  });

  it('enforces roles: viewers read, editors cannot manage, admins cannot touch owners', async () => {
    const viewer = await registerAccount(t.app);
    const editor = await registerAccount(t.app);
    const admin = await registerAccount(t.app);
    await addMember(t.app, owner, business, viewer, 'viewer');
    await addMember(t.app, owner, business, editor, 'editor');
    await addMember(t.app, owner, business, admin, 'admin');

    expect((await as(viewer, 'GET', `/api/business/${business.id}`)).json()).toMatchObject({
      role: 'viewer',
    });
    expect((await as(viewer, 'PATCH', `/api/business/${business.id}`, { name: 'x' })).statusCode).toBe(403);
    expect(
      (
        await as(editor, 'POST', `/api/business/${business.id}/members`, {
          email: viewer.email,
          role: 'admin',
        })
      ).statusCode,
    ).toBe(403);
    expect((await as(editor, 'GET', `/api/business/${business.id}/api-keys`)).statusCode).toBe(403);

    expect(
      (
        await as(admin, 'PATCH', `/api/business/${business.id}/members/${viewer.session.user.id}`, {
          role: 'editor',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await as(admin, 'PATCH', `/api/business/${business.id}/members/${viewer.session.user.id}`, {
          role: 'owner',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await as(admin, 'PATCH', `/api/business/${business.id}/members/${owner.session.user.id}`, {
          role: 'viewer',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await as(admin, 'DELETE', `/api/business/${business.id}/members/${owner.session.user.id}`)).statusCode,
    ).toBe(403);
    expect((await as(admin, 'DELETE', `/api/business/${business.id}`)).statusCode).toBe(403);
  });

  it('keeps the last owner', async () => {
    const ownerId = owner.session.user.id;
    const demote = await as(owner, 'PATCH', `/api/business/${business.id}/members/${ownerId}`, {
      role: 'admin',
    });
    expect(demote.statusCode).toBe(409);
    expect(demote.json<Problem>().code).toBe('last_owner');
    expect((await as(owner, 'DELETE', `/api/business/${business.id}/members/${ownerId}`)).statusCode).toBe(
      409,
    );

    const second = await registerAccount(t.app);
    await addMember(t.app, owner, business, second, 'owner');
    expect(
      (await as(owner, 'PATCH', `/api/business/${business.id}/members/${ownerId}`, { role: 'admin' }))
        .statusCode,
    ).toBe(200);
    // Now `second` is the last owner and cannot leave.
    expect(
      (await as(second, 'DELETE', `/api/business/${business.id}/members/${second.session.user.id}`))
        .statusCode,
    ).toBe(409);
  });

  it('invites by email, invites addresses without an account, refuses duplicates, lets members leave', async () => {
    const bob = await registerAccount(t.app);
    const invite = await as(owner, 'POST', `/api/business/${business.id}/members`, {
      email: bob.email.toUpperCase(),
      role: 'editor',
    });
    expect(invite.statusCode).toBe(201);
    expect(invite.json()).toMatchObject({ email: bob.email, role: 'editor', user_id: bob.session.user.id });
    const again = await as(owner, 'POST', `/api/business/${business.id}/members`, {
      email: bob.email,
      role: 'viewer',
    });
    expect(again.statusCode).toBe(409);
    const unknown = await as(owner, 'POST', `/api/business/${business.id}/members`, {
      email: 'ghost@example.com',
      role: 'viewer',
    });
    // No account: a pending invitation (test/integration/account-emails.test.ts follows its email).
    expect(unknown.statusCode).toBe(202);
    expect(unknown.json()).toMatchObject({ email: 'ghost@example.com', role: 'viewer', expired: false });

    expect(
      (await as(bob, 'DELETE', `/api/business/${business.id}/members/${bob.session.user.id}`)).statusCode,
    ).toBe(204);
    expect((await as(bob, 'GET', `/api/business/${business.id}`)).statusCode).toBe(404);
  });

  it('issues API keys that work as Bearer tokens inside their workspace only, until revoked', async () => {
    const created = await as(owner, 'POST', `/api/business/${business.id}/api-keys`, {
      name: 'Zapier',
      role: 'viewer',
    });
    expect(created.statusCode).toBe(201);
    const { api_key: apiKey, secret } = created.json<CreatedApiKey>();
    expect(secret).toMatch(/^mcc_/);
    expect(secret.startsWith(apiKey.prefix)).toBe(true);
    const listed = await as(owner, 'GET', `/api/business/${business.id}/api-keys`);
    expect(listed.body).not.toContain(secret);
    expect(listed.body).not.toContain('key_hash');

    const withKey = (url: string, method: 'GET' | 'PATCH' = 'GET', payload?: object) =>
      t.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${secret}` },
        ...(payload ? { payload } : {}),
      });
    expect((await withKey(`/api/business/${business.id}`)).json()).toMatchObject({
      id: business.id,
      role: 'viewer',
    });
    expect((await withKey('/api/business/')).json<{ items: Business[] }>().items.map((b) => b.id)).toEqual([
      business.id,
    ]);
    expect((await withKey(`/api/business/${business.id}`, 'PATCH', { name: 'x' })).statusCode).toBe(403);
    const other = await createBusiness(t.app, owner, 'Second');
    expect((await withKey(`/api/business/${other.id}`)).statusCode).toBe(404);
    expect((await withKey('/api/auth/me')).statusCode).toBe(403);

    expect((await as(owner, 'DELETE', `/api/business/${business.id}/api-keys/${apiKey.id}`)).statusCode).toBe(
      204,
    );
    expect((await withKey(`/api/business/${business.id}`)).statusCode).toBe(401);
    expect((await as(owner, 'DELETE', `/api/business/${business.id}/api-keys/${apiKey.id}`)).statusCode).toBe(
      404,
    );
  });

  it('records membership, role and key changes in the audit log, paginated', async () => {
    const bob = await registerAccount(t.app);
    await addMember(t.app, owner, business, bob, 'viewer');
    await as(owner, 'PATCH', `/api/business/${business.id}/members/${bob.session.user.id}`, {
      role: 'editor',
    });
    await as(owner, 'POST', `/api/business/${business.id}/api-keys`, { name: 'n8n' });
    await as(owner, 'DELETE', `/api/business/${business.id}/members/${bob.session.user.id}`);

    const first = await as(owner, 'GET', `/api/business/${business.id}/audit-log?limit=3`);
    const page = first.json<{
      items: Array<{ action: string; actor_user_id: string }>;
      next_cursor: string;
    }>();
    expect(page.items.map((e) => e.action)).toEqual([
      'member.removed',
      'api_key.created',
      'member.role_changed',
    ]);
    expect(page.items[0]?.actor_user_id).toBe(owner.session.user.id);
    const rest = await as(
      owner,
      'GET',
      `/api/business/${business.id}/audit-log?limit=3&cursor=${page.next_cursor}`,
    );
    expect(rest.json<{ items: Array<{ action: string }> }>().items.map((e) => e.action)).toEqual([
      'member.added',
      'business.created',
    ]);
    expect((await as(owner, 'GET', `/api/business/${business.id}/audit-log?limit=0`)).statusCode).toBe(400);
  });

  it('stores SQL-injection strings as plain text in every text field', async () => {
    const nasty = `Robert'); DROP TABLE businesses;-- " OR 1=1 --`;
    const created = await as(owner, 'POST', '/api/business/', {
      name: nasty,
      industry: nasty,
      description: nasty,
      locale: 'en',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: nasty, industry: nasty, description: nasty });
    const renamed = await as(owner, 'PATCH', '/api/auth/me', { name: nasty });
    expect(renamed.json()).toMatchObject({ name: nasty });
    const key = await as(owner, 'POST', `/api/business/${business.id}/api-keys`, { name: nasty });
    expect(key.json<CreatedApiKey>().api_key.name).toBe(nasty);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: `x'or'1'='1@example.com`, password: `' OR '1'='1` },
    });
    expect([400, 401]).toContain(login.statusCode);
    const sneaky = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: owner.email, password: `' OR '1'='1` },
    });
    expect(sneaky.statusCode).toBe(401);
    const badId = await as(owner, 'GET', `/api/business/${encodeURIComponent("1' OR '1'='1")}`);
    expect(badId.statusCode).toBe(400);
    expect((await as(owner, 'GET', '/api/business/')).json<{ items: Business[] }>().items).toHaveLength(2);
  });

  it('rejects oversized and malformed bodies with problems, storing nothing', async () => {
    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/business/',
      headers: { ...owner.auth, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x', description: 'y'.repeat(1_100_000) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.headers['content-type']).toMatch(/problem\+json/);
    const tooLong = await as(owner, 'POST', '/api/business/', { name: 'x'.repeat(121) });
    expect(tooLong.statusCode).toBe(400);
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/business/',
      headers: { ...owner.auth, 'content-type': 'application/json' },
      payload: '{"name": "x",',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json<Problem>().code).toBe('malformed_body');
    const wrongType = await as(owner, 'POST', '/api/business/', { name: 42, time_zone: ['UTC'] });
    expect(
      wrongType
        .json<Problem>()
        .errors?.map((e) => e.path)
        .sort(),
    ).toEqual(['body.name', 'body.time_zone']);
    expect((await as(owner, 'GET', '/api/business/')).json<{ items: Business[] }>().items).toHaveLength(1);
  });
});
