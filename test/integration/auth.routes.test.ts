import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { AUTH_COOKIES, CSRF_HEADER, type Session } from '#shared/auth.schema.js';
import type { Problem } from '#shared/problem.schema.js';
import { registerAccount, sessionIdOf, type TestAccount } from '../factories/accounts.js';
import { describeEachDialect } from '../support/databases.js';
import { cookieHeader, cookiesOf, createTestApp, TEST_SECRET, type TestApp } from '../support/test-app.js';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** An HS256 token with any claims, signed with the app's own secret. */
function signed(claims: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}`;
  return `${body}.${createHmac('sha256', TEST_SECRET).update(body).digest('base64url')}`;
}

describeEachDialect('auth routes', (create) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(await create());
  });
  afterEach(() => t.close());

  const refresh = (account: Pick<TestAccount, 'cookies'>, csrf = account.cookies[AUTH_COOKIES.csrf] ?? '') =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      headers: { cookie: cookieHeader(account.cookies), [CSRF_HEADER]: csrf },
    });
  const me = (token: string) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) });

  // Registration in each mode (SIGN_UP, with and without mail): sign-up-modes.test.ts.

  it('answers a wrong password and an unknown email the same way', async () => {
    const ada = await registerAccount(t.app);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: ada.email, password: 'not-the-password' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'nobody@example.com', password: 'not-the-password' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const strip = (p: Problem) => ({ ...p, request_id: undefined, instance: undefined });
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: ada.email.toUpperCase(), password: ada.password },
    });
    expect(ok.statusCode).toBe(200);
  });

  it('slows down repeated failures with 429 and Retry-After', async () => {
    const ada = await registerAccount(t.app);
    const attempt = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: ada.email, password: 'wrong-password!' },
      });
    for (let i = 0; i < 5; i++) expect((await attempt()).statusCode).toBe(401);
    const throttled = await attempt();
    expect(throttled.statusCode).toBe(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    expect(throttled.json<Problem>().code).toBe('rate_limited');
    // Even the right password waits: the throttle comes before the check.
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: ada.email, password: ada.password },
    });
    expect(right.statusCode).toBe(429);
  });

  it('rotates the refresh token and revokes the family when an old one is reused', async () => {
    const ada = await registerAccount(t.app);
    const first = await refresh(ada);
    expect(first.statusCode).toBe(200);
    const rotated = { cookies: { ...ada.cookies, ...cookiesOf(first) } };
    expect(rotated.cookies[AUTH_COOKIES.refresh]).not.toBe(ada.cookies[AUTH_COOKIES.refresh]);

    const second = await refresh(rotated);
    expect(second.statusCode).toBe(200);
    const newest = { cookies: { ...rotated.cookies, ...cookiesOf(second) } };

    // The first token is replayed (stolen?): the whole family dies, including the newest token.
    const replay = await refresh(ada);
    expect(replay.statusCode).toBe(401);
    expect(replay.json<Problem>().code).toBe('invalid_refresh_token');
    expect((await refresh(newest)).statusCode).toBe(401);
  });

  it('needs the CSRF header for cookie-authenticated requests', async () => {
    const ada = await registerAccount(t.app);
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      headers: { cookie: cookieHeader(ada.cookies) },
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json<Problem>().code).toBe('csrf_failed');
    expect((await refresh(ada, 'forged-token')).statusCode).toBe(403);
    const logout = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: cookieHeader(ada.cookies) },
    });
    expect(logout.statusCode).toBe(403);
  });

  it('logs out: the refresh token stops working and the cookies are cleared', async () => {
    const ada = await registerAccount(t.app);
    const logout = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: cookieHeader(ada.cookies), [CSRF_HEADER]: ada.cookies[AUTH_COOKIES.csrf] ?? '' },
    });
    expect(logout.statusCode).toBe(204);
    expect(cookiesOf(logout)[AUTH_COOKIES.refresh]).toBe('');
    expect((await refresh(ada)).statusCode).toBe(401);
  });

  // Issue 13, item 10: access tokens kept working for up to 15 minutes after these.
  it('logs out: the access token answers 401 on the very next request, other sessions keep working', async () => {
    const ada = await registerAccount(t.app);
    const elsewhere = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: ada.email, password: ada.password },
    });
    const otherToken = elsewhere.json<Session>().access_token;
    expect((await me(ada.session.access_token)).statusCode).toBe(200);
    const logout = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: cookieHeader(ada.cookies), [CSRF_HEADER]: ada.cookies[AUTH_COOKIES.csrf] ?? '' },
    });
    expect(logout.statusCode).toBe(204);
    const after = await me(ada.session.access_token);
    expect(after.statusCode).toBe(401);
    expect(after.json<Problem>()).toMatchObject({
      code: 'unauthenticated',
      detail: 'This session has ended; sign in again',
    });
    const business = await t.app.inject({ method: 'GET', url: '/api/business/', headers: ada.auth });
    expect(business.statusCode).toBe(401);
    expect((await me(otherToken)).statusCode).toBe(200);
  });

  it('a password change ends every earlier session’s access tokens on the next request', async () => {
    const ada = await registerAccount(t.app);
    const elsewhere = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: ada.email, password: ada.password },
    });
    const otherToken = elsewhere.json<Session>().access_token;
    expect((await me(otherToken)).statusCode).toBe(200);
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: ada.auth,
      payload: { current_password: ada.password, new_password: 'brand-new-secret-phrase' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await me(ada.session.access_token)).statusCode).toBe(401);
    expect((await me(otherToken)).statusCode).toBe(401);
    expect((await me(changed.json<Session>().access_token)).statusCode).toBe(200);
  });

  it('two tabs refreshing with the same token at once both succeed and stay signed in', async () => {
    const ada = await registerAccount(t.app);
    const [first, second] = await Promise.all([refresh(ada), refresh(ada)]);
    expect([first?.statusCode, second?.statusCode]).toEqual([200, 200]);
    // Both get the same new refresh cookie: whichever the browser keeps works.
    const cookie = cookiesOf(first as never)[AUTH_COOKIES.refresh];
    expect(cookiesOf(second as never)[AUTH_COOKIES.refresh]).toBe(cookie);
    expect(cookie).not.toBe(ada.cookies[AUTH_COOKIES.refresh]);
    // A third tab a moment later still gets the same answer.
    const late = await refresh(ada);
    expect(late.statusCode).toBe(200);
    expect(cookiesOf(late)[AUTH_COOKIES.refresh]).toBe(cookie);
    for (const response of [first, second, late]) {
      const session = (response as typeof late).json<Session>();
      expect(sessionIdOf({ session })).toBe(sessionIdOf(ada));
      expect((await me(session.access_token)).statusCode).toBe(200);
    }
    const next = await refresh({ cookies: { ...ada.cookies, ...cookiesOf(late) } });
    expect(next.statusCode).toBe(200);
    expect((await me(next.json<Session>().access_token)).statusCode).toBe(200);
  });

  // Issue 13, item 11: fast-jwt checked iss and aud only when the token had them.
  it('refuses tokens signed with the right secret but without, or with the wrong, issuer or audience', async () => {
    const ada = await registerAccount(t.app);
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: ada.session.user.id, sid: sessionIdOf(ada), iat: now, exp: now + 600 };
    expect((await me(signed({ ...claims, iss: 'mcc', aud: 'mcc-api' }))).statusCode).toBe(200);
    for (const token of [
      signed(claims),
      signed({ ...claims, aud: 'mcc-api' }),
      signed({ ...claims, iss: 'mcc' }),
      signed({ ...claims, iss: 'someone-else', aud: 'mcc-api' }),
      signed({ ...claims, iss: 'mcc', aud: 'another-api' }),
    ]) {
      const response = await me(token);
      expect(response.statusCode, token).toBe(401);
      expect(response.json<Problem>().code).toBe('unauthenticated');
    }
  });

  it('reads and updates the profile', async () => {
    const ada = await registerAccount(t.app);
    const bob = await registerAccount(t.app);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: ada.auth });
    expect(me.json()).toMatchObject({ email: ada.email });
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: '/api/auth/me',
      headers: ada.auth,
      payload: { name: 'Ada King', email: 'ADA.KING@example.com' },
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Ada King', email: 'ada.king@example.com' });
    const clash = await t.app.inject({
      method: 'PATCH',
      url: '/api/auth/me',
      headers: ada.auth,
      payload: { email: bob.email },
    });
    expect(clash.statusCode).toBe(409);
    const empty = await t.app.inject({
      method: 'PATCH',
      url: '/api/auth/me',
      headers: ada.auth,
      payload: {},
    });
    expect(empty.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('changes the password and signs out other sessions', async () => {
    const ada = await registerAccount(t.app);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: ada.auth,
      payload: { current_password: 'nope-nope-nope', new_password: 'brand-new-secret-phrase' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json<Problem>().errors?.[0]?.path).toBe('body.current_password');

    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: ada.auth,
      payload: { current_password: ada.password, new_password: 'brand-new-secret-phrase' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await refresh(ada)).statusCode).toBe(401);
    const fresh = { cookies: { ...ada.cookies, ...cookiesOf(changed) } };
    expect((await refresh(fresh)).statusCode).toBe(200);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: ada.email, password: 'brand-new-secret-phrase' },
    });
    expect(login.statusCode).toBe(200);
  });

  it('rejects forged and malformed bearer tokens', async () => {
    const ada = await registerAccount(t.app);
    const [header, payload] = ada.session.access_token.split('.');
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    for (const token of [
      `${none}.${payload}.`,
      `${header}.${payload}.AAAA`,
      'mcc_not-a-real-key',
      'garbage',
    ]) {
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.statusCode, token).toBe(401);
      expect(response.json<Problem>().code).toBe('unauthenticated');
    }
    const basic = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: 'Basic YTpi' },
    });
    expect(basic.statusCode).toBe(401);
  });
});

describeEachDialect('auth rate limits', (create) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(await create(), { AUTH_RATE_LIMIT_MAX: '3' });
  });
  afterEach(() => t.close());

  it('limits login attempts per account and address', async () => {
    const attempt = (email: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: 'whatever-password' },
      });
    for (let i = 0; i < 3; i++) expect((await attempt('a@example.com')).statusCode).toBe(401);
    const limited = await attempt('A@example.com');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await attempt('b@example.com')).statusCode).toBe(401);
  });

  it('also limits one address rotating through many emails', async () => {
    const attempt = (i: number) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: `u${i}@example.com`, password: 'whatever-password' },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await attempt(i)).statusCode);
    expect(statuses.slice(0, 30).every((status) => status === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});

describeEachDialect('refresh grace window', (create) => {
  let t: TestApp;
  let clock: number;
  beforeEach(async () => {
    clock = Date.parse('2026-03-02T09:00:00.000Z');
    t = await createTestApp(await create(), {}, { now: () => new Date(clock) });
  });
  afterEach(() => t.close());

  const refresh = (cookies: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      headers: { cookie: cookieHeader(cookies), [CSRF_HEADER]: cookies[AUTH_COOKIES.csrf] ?? '' },
    });

  it('treats the replaced token as reuse once the window has passed: the family is revoked as before', async () => {
    const ada = await registerAccount(t.app);
    const rotated = await refresh(ada.cookies);
    expect(rotated.statusCode).toBe(200);
    const newest = { ...ada.cookies, ...cookiesOf(rotated) };
    const newestToken = rotated.json<Session>().access_token;

    clock += 9_000;
    expect((await refresh(ada.cookies)).statusCode).toBe(200);
    clock += 2_000; // 11 s after the rotation; the default window is 10 s
    const replay = await refresh(ada.cookies);
    expect(replay.statusCode).toBe(401);
    expect(replay.json<Problem>().code).toBe('invalid_refresh_token');
    expect((await refresh(newest)).statusCode).toBe(401);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(newestToken) });
    expect(me.statusCode).toBe(401);
  });
});
