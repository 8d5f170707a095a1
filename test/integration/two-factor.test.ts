import { generate } from 'otplib';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createLoginThrottle } from '#server/services/access/security/login-throttle.js';
import { SecretBox } from '#server/services/access/security/secret-box.js';
import { AUTH_COOKIES, CSRF_HEADER, type Session } from '#shared/auth.schema.js';
import type { Business } from '#shared/business.schema.js';
import type { Problem } from '#shared/problem.schema.js';
import type {
  RecoveryCodes,
  TwoFactorChallenge,
  TwoFactorEnabled,
  TwoFactorSetup,
  TwoFactorStatus,
} from '#shared/two-factor.schema.js';
import { addMember, createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { describeEachDialect } from '../support/databases.js';
import { cookieHeader, createTestApp, type TestApp } from '../support/test-app.js';
import { openAuthenticatedSocket } from '../support/ws-client.js';

const STEP_MS = 30_000;
/**
 * The fake clock starts on the step boundary after the real time: codes depend only on it, while access
 * tokens (checked against the real clock by the WebSocket's expiry timer) stay plausible.
 */
const START = Math.ceil(Date.now() / STEP_MS) * STEP_MS;

describeEachDialect('two-factor sign-in', (create) => {
  let t: TestApp;
  let clock: number;
  beforeEach(async () => {
    clock = START + 5_000;
    t = await createTestApp(
      await create(),
      {},
      {
        now: () => new Date(clock),
        // A long first wait, so the throttled attempt cannot fall after the lock on a slow machine.
        loginThrottle: createLoginThrottle({ url: undefined, prefix: 'test' }, { baseDelaySeconds: 600 }),
      },
    );
  });
  afterEach(() => t.close());

  const post = (url: string, payload: object | undefined, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });
  const codeAt = (secret: string, ms = clock) => generate({ secret, epoch: Math.floor(ms / 1000) });
  const login = (account: TestAccount) =>
    post('/api/auth/login', { email: account.email, password: account.password });

  /** Register, enrol and confirm: the account's secret, recovery codes and new session. */
  async function enrolled() {
    const account = await registerAccount(t.app);
    const setup = await post('/api/auth/two-factor/setup', undefined, account.auth);
    expect(setup.statusCode, setup.body).toBe(200);
    const { secret, otpauth_uri, qr_code } = setup.json<TwoFactorSetup>();
    expect(otpauth_uri).toContain(`secret=${secret}`);
    expect(qr_code).toMatch(/^data:image\/png;base64,/);
    const enabled = await post('/api/auth/two-factor/enable', { code: await codeAt(secret) }, account.auth);
    expect(enabled.statusCode, enabled.body).toBe(200);
    const { recovery_codes, session } = enabled.json<TwoFactorEnabled>();
    clock += STEP_MS; // the enrolment code's step is spent
    return {
      account: { ...account, session, auth: { authorization: `Bearer ${session.access_token}` } },
      secret,
      recoveryCodes: recovery_codes,
      oldAuth: account.auth,
    };
  }

  async function challengeFor(account: TestAccount): Promise<string> {
    const response = await login(account);
    expect(response.statusCode, response.body).toBe(202);
    expect(response.cookies).toEqual([]);
    const body = response.json<TwoFactorChallenge>();
    expect(body).not.toHaveProperty('access_token');
    return body.challenge;
  }

  it('enrols with a QR code, shows 10 recovery codes once, and signs out the other sessions', async () => {
    const { account, recoveryCodes, oldAuth } = await enrolled();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: oldAuth })).statusCode).toBe(
      401,
    );
    const status = await t.app.inject({ method: 'GET', url: '/api/auth/two-factor', headers: account.auth });
    expect(status.json<TwoFactorStatus>()).toMatchObject({ enabled: true, recovery_codes_left: 10 });
    const again = await post('/api/auth/two-factor/setup', undefined, account.auth);
    expect(again.json<Problem>().code).toBe('conflict');
  });

  it('does not turn on with a wrong first code', async () => {
    const account = await registerAccount(t.app);
    const setup = (await post('/api/auth/two-factor/setup', undefined, account.auth)).json<TwoFactorSetup>();
    const wrong = await post(
      '/api/auth/two-factor/enable',
      { code: await codeAt(setup.secret, clock - 2 * STEP_MS) },
      account.auth,
    );
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json<Problem>()).toMatchObject({ code: 'invalid_two_factor_code' });
    expect((await login(account)).statusCode).toBe(200);
  });

  it('signs in with the password then a code; a wrong code and a replayed code are refused', async () => {
    const { account, secret } = await enrolled();
    const challenge = await challengeFor(account);
    const wrong = await post('/api/auth/login/two-factor', {
      challenge,
      code: await codeAt(secret, clock + 3 * STEP_MS),
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json<Problem>()).toMatchObject({
      code: 'invalid_two_factor_code',
      errors: [{ path: 'body.code' }],
    });

    const code = await codeAt(secret);
    const signedIn = await post('/api/auth/login/two-factor', { challenge, code });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    const session = signedIn.json<Session>();
    expect(session.user.email).toBe(account.email);
    expect(signedIn.cookies.map((cookie) => cookie.name)).toContain(AUTH_COOKIES.refresh);

    const replayed = await post('/api/auth/login/two-factor', {
      challenge: await challengeFor(account),
      code,
    });
    expect(replayed.json<Problem>().code).toBe('invalid_two_factor_code');
    // The previous step's code is within the window but older than the one used: refused too.
    const older = await post('/api/auth/login/two-factor', {
      challenge: await challengeFor(account),
      code: await codeAt(secret, clock - STEP_MS),
    });
    expect(older.json<Problem>().code).toBe('invalid_two_factor_code');
    clock += STEP_MS;
    const next = await post('/api/auth/login/two-factor', {
      challenge: await challengeFor(account),
      code: await codeAt(secret),
    });
    expect(next.statusCode, next.body).toBe(200);
  });

  it('refuses an expired or forged challenge, and slows down repeated wrong codes', async () => {
    const { account, secret } = await enrolled();
    const challenge = await challengeFor(account);
    const forged = await post('/api/auth/login/two-factor', {
      challenge: `${challenge}x`,
      code: await codeAt(secret),
    });
    expect(forged.json<Problem>().code).toBe('two_factor_challenge_expired');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const wrong = await post('/api/auth/login/two-factor', { challenge, code: '000000' });
      expect(wrong.json<Problem>().code).toBe('invalid_two_factor_code');
    }
    const throttled = await post('/api/auth/login/two-factor', { challenge, code: await codeAt(secret) });
    expect(throttled.statusCode).toBe(429);
    expect(throttled.headers['retry-after']).toBeDefined();

    clock += 5 * 60_000;
    const late = await post('/api/auth/login/two-factor', { challenge, code: await codeAt(secret) });
    expect(late.json<Problem>().code).toBe('two_factor_challenge_expired');
  });

  it('signs in with a recovery code once; new codes replace the old ones', async () => {
    const { account, recoveryCodes } = await enrolled();
    const [first = '', second = ''] = recoveryCodes;
    const typed = first.toUpperCase().replaceAll('-', ' ');
    const used = await post('/api/auth/login/two-factor', {
      challenge: await challengeFor(account),
      code: typed,
    });
    expect(used.statusCode, used.body).toBe(200);
    const again = await post('/api/auth/login/two-factor', {
      challenge: await challengeFor(account),
      code: first,
    });
    expect(again.json<Problem>().code).toBe('invalid_two_factor_code');
    const status = await t.app.inject({ method: 'GET', url: '/api/auth/two-factor', headers: account.auth });
    expect(status.json<TwoFactorStatus>().recovery_codes_left).toBe(9);

    const wrongPassword = await post(
      '/api/auth/two-factor/recovery-codes',
      { password: 'not the password' },
      account.auth,
    );
    expect(wrongPassword.json<Problem>().code).toBe('invalid_credentials');
    const renewed = await post(
      '/api/auth/two-factor/recovery-codes',
      { password: account.password },
      account.auth,
    );
    expect(renewed.json<RecoveryCodes>().recovery_codes).toHaveLength(10);
    const old = await post('/api/auth/login/two-factor', {
      challenge: await challengeFor(account),
      code: second,
    });
    expect(old.json<Problem>().code).toBe('invalid_two_factor_code');
  });

  it('refuses codes, without a 500, when the secret can no longer be opened; recovery codes still work', async () => {
    const { account, secret, recoveryCodes } = await enrolled();
    // What rotating SECRET_KEY does to a sealed secret: it no longer opens.
    const sealedElsewhere = new SecretBox('another-secret-key-0123456789abcdef-xyz').seal(secret);
    await t.database.db
      .updateTable('two_factor_credentials')
      .set({ secret_sealed: sealedElsewhere })
      .execute();

    const code = await post('/api/auth/login/two-factor', {
      challenge: await challengeFor(account),
      code: await codeAt(secret),
    });
    expect(code.statusCode).toBe(401);
    expect(code.json<Problem>().code).toBe('invalid_two_factor_code');
    const recovery = await post('/api/auth/login/two-factor', {
      challenge: await challengeFor(account),
      code: recoveryCodes[0] ?? '',
    });
    expect(recovery.statusCode, recovery.body).toBe(200);
  });

  it('turns off with the password and a code; sign-in then needs only the password', async () => {
    const { account, secret } = await enrolled();
    const noCode = await post(
      '/api/auth/two-factor/disable',
      { password: account.password, code: '000000' },
      account.auth,
    );
    expect(noCode.json<Problem>().code).toBe('invalid_two_factor_code');
    const wrongPassword = await post(
      '/api/auth/two-factor/disable',
      { password: 'not the password', code: await codeAt(secret) },
      account.auth,
    );
    expect(wrongPassword.json<Problem>().code).toBe('invalid_credentials');
    const off = await post(
      '/api/auth/two-factor/disable',
      { password: account.password, code: await codeAt(secret) },
      account.auth,
    );
    expect(off.statusCode, off.body).toBe(204);
    expect((await login(account)).statusCode).toBe(200);
  });

  it('a workspace that requires two-factor answers 403 to members without it, until they enrol', async () => {
    const { account: owner } = await enrolled();
    const member = await registerAccount(t.app);
    const strict = await createBusiness(t.app, owner, 'Strict Bakery');
    const relaxed = await createBusiness(t.app, member, 'Relaxed Bakery');
    await addMember(t.app, owner, strict, member, 'editor');
    const patch = (business: Business, who: TestAccount, payload: object) =>
      t.app.inject({ method: 'PATCH', url: `/api/business/${business.id}`, headers: who.auth, payload });
    const members = (business: Business, who: TestAccount) =>
      t.app.inject({ method: 'GET', url: `/api/business/${business.id}/members`, headers: who.auth });

    const notOwner = await patch(relaxed, owner, { require_two_factor: true });
    expect(notOwner.statusCode).toBe(404);
    const ownerWithout = await patch(relaxed, member, { require_two_factor: true });
    expect(ownerWithout.statusCode).toBe(403);
    expect(ownerWithout.json<Problem>().code).toBe('two_factor_required');

    const required = await patch(strict, owner, { require_two_factor: true });
    expect(required.statusCode, required.body).toBe(200);
    expect(required.json<Business>().require_two_factor).toBe(true);

    const refused = await members(strict, member);
    expect(refused.statusCode).toBe(403);
    expect(refused.json<Problem>()).toMatchObject({ code: 'two_factor_required' });
    expect(refused.json<Problem>().detail).toContain('Profile → Two-factor');
    // The workspace itself still answers, so the app can say why; the other workspace is unaffected.
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/business/${strict.id}`, headers: member.auth }))
        .statusCode,
    ).toBe(200);
    expect((await members(relaxed, member)).statusCode).toBe(200);
    expect((await members(strict, owner)).statusCode).toBe(200);

    const setup = (await post('/api/auth/two-factor/setup', undefined, member.auth)).json<TwoFactorSetup>();
    const enabled = await post(
      '/api/auth/two-factor/enable',
      { code: await codeAt(setup.secret) },
      member.auth,
    );
    const { session } = enabled.json<TwoFactorEnabled>();
    expect(
      (await members(strict, { ...member, auth: { authorization: `Bearer ${session.access_token}` } }))
        .statusCode,
    ).toBe(200);
  });

  it('sends nothing live from a workspace that requires it to a member without it', async () => {
    const { account: owner } = await enrolled();
    const member = await registerAccount(t.app);
    const strict = await createBusiness(t.app, owner, 'Strict Bakery');
    await addMember(t.app, owner, strict, member, 'editor');
    const required = await t.app.inject({
      method: 'PATCH',
      url: `/api/business/${strict.id}`,
      headers: owner.auth,
      payload: { require_two_factor: true },
    });
    expect(required.statusCode, required.body).toBe(200);

    const socket = await openAuthenticatedSocket(t.app, member.session.access_token);
    try {
      socket.send({ type: 'subscribe', business_id: strict.id });
      const refused = await socket.waitFor('error', (frame) => frame.business_id === strict.id);
      expect(refused.code).toBe('not_found');
    } finally {
      socket.close();
    }
    const ownerSocket = await openAuthenticatedSocket(t.app, owner.session.access_token);
    try {
      ownerSocket.send({ type: 'subscribe', business_id: strict.id });
      await ownerSocket.waitFor('subscribed', (frame) => frame.business_id === strict.id);
    } finally {
      ownerSocket.close();
    }
  });

  it('keeps the refresh cookie flow working after enrolment', async () => {
    const account = await registerAccount(t.app);
    const setup = (await post('/api/auth/two-factor/setup', undefined, account.auth)).json<TwoFactorSetup>();
    const enabled = await post(
      '/api/auth/two-factor/enable',
      { code: await codeAt(setup.secret) },
      account.auth,
    );
    const cookies = Object.fromEntries(enabled.cookies.map((cookie) => [cookie.name, cookie.value]));
    const refreshed = await post('/api/auth/refresh', undefined, {
      cookie: cookieHeader(cookies),
      [CSRF_HEADER]: cookies[AUTH_COOKIES.csrf] ?? '',
    });
    expect(refreshed.statusCode, refreshed.body).toBe(200);
    const oldRefresh = await post('/api/auth/refresh', undefined, {
      cookie: cookieHeader(account.cookies),
      [CSRF_HEADER]: account.cookies[AUTH_COOKIES.csrf] ?? '',
    });
    expect(oldRefresh.statusCode).toBe(401);
  });
});
