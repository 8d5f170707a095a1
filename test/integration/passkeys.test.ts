import { generate } from 'otplib';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { isAppError } from '#server/errors/app-error.js';
import { createLoginThrottle } from '#server/services/access/security/login-throttle.js';
import type { Session } from '#shared/auth.schema.js';
import type { Business } from '#shared/business.schema.js';
import type {
  Passkey,
  PasskeyAdded,
  PasskeyAuthenticationOptions,
  PasskeyRegistrationOptions,
} from '#shared/passkey.schema.js';
import type { Problem } from '#shared/problem.schema.js';
import type {
  TwoFactorChallenge,
  TwoFactorEnabled,
  TwoFactorSetup,
  TwoFactorStatus,
} from '#shared/two-factor.schema.js';
import { addMember, createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { describeEachDialect } from '../support/databases.js';
import { SoftAuthenticator } from '../support/soft-authenticator.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const ORIGIN = 'https://mcc.example.com';

describeEachDialect('passkeys as a second factor', (create) => {
  let t: TestApp;
  let clock: number;
  beforeEach(async () => {
    clock = Date.now();
    t = await createTestApp(
      await create(),
      { PUBLIC_URL: `${ORIGIN}/` },
      {
        now: () => new Date(clock),
        loginThrottle: createLoginThrottle({ url: undefined, prefix: 'test' }, { baseDelaySeconds: 600 }),
      },
    );
  });
  afterEach(() => t.close());

  const post = (url: string, payload: object | undefined, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });
  const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });
  const bearer = (session: Session) => ({ authorization: `Bearer ${session.access_token}` });

  async function registrationOptions(auth: Record<string, string>): Promise<PasskeyRegistrationOptions> {
    const response = await post('/api/auth/passkeys/options', undefined, auth);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<PasskeyRegistrationOptions>();
  }

  /** Register an account and add a passkey: its authenticator, the answer and the new session. */
  async function withPasskey(name = 'Laptop') {
    const account = await registerAccount(t.app);
    const authenticator = new SoftAuthenticator(ORIGIN);
    const options = await registrationOptions(account.auth);
    const response = await post(
      '/api/auth/passkeys',
      { name, response: authenticator.register(options) },
      account.auth,
    );
    expect(response.statusCode, response.body).toBe(201);
    const added = response.json<PasskeyAdded>();
    const auth = added.session ? bearer(added.session) : account.auth;
    return { account: { ...account, auth }, authenticator, added, oldAuth: account.auth };
  }

  async function challengeFor(account: TestAccount): Promise<TwoFactorChallenge> {
    const response = await post('/api/auth/login', { email: account.email, password: account.password });
    expect(response.statusCode, response.body).toBe(202);
    return response.json<TwoFactorChallenge>();
  }

  async function signInOptions(challenge: string): Promise<PasskeyAuthenticationOptions> {
    const response = await post('/api/auth/login/passkey/options', { challenge });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<PasskeyAuthenticationOptions>();
  }

  /** Why the service refused `work` (the library's reason, kept for the logs). */
  async function rejection(work: Promise<unknown>): Promise<string> {
    const error = await work.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    if (!isAppError(error)) throw new Error(`expected a refusal, got ${String(error)}`);
    expect(error.code).toBe('passkey_rejected');
    return error.options.diagnostics ?? '';
  }

  it('adds a first passkey: two-factor on, other sessions out, recovery codes once; a second one changes nothing else', async () => {
    const { account, added, oldAuth } = await withPasskey('Laptop');
    expect(added.passkey).toMatchObject({ name: 'Laptop', transports: ['internal'], last_used_at: null });
    expect(added.recovery_codes).toHaveLength(10);
    expect(added.session).not.toBeNull();
    expect((await get('/api/auth/me', oldAuth)).statusCode).toBe(401);

    const options = await registrationOptions(account.auth);
    expect(options.rp).toEqual({ name: 'mcc', id: 'mcc.example.com' });
    expect(options.excludeCredentials?.map((c) => c.id)).toHaveLength(1);
    const phone = new SoftAuthenticator(ORIGIN);
    const second = await post(
      '/api/auth/passkeys',
      { name: '  Phone ', response: phone.register(options) },
      account.auth,
    );
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json<PasskeyAdded>()).toMatchObject({ recovery_codes: [], session: null });
    expect((await get('/api/auth/me', account.auth)).statusCode).toBe(200);

    const list = (await get('/api/auth/passkeys', account.auth)).json<{ items: Passkey[] }>();
    expect(list.items.map((p) => p.name)).toEqual(['Laptop', 'Phone']);
    const status = (await get('/api/auth/two-factor', account.auth)).json<TwoFactorStatus>();
    expect(status).toMatchObject({
      enabled: true,
      totp_enabled: false,
      passkeys: 2,
      recovery_codes_left: 10,
    });
  });

  it('signs in with the password then a passkey, and records its use', async () => {
    const { account, authenticator } = await withPasskey();
    const challenge = await challengeFor(account);
    expect(challenge).toMatchObject({ status: 'two_factor_required', passkey: true });
    const options = await signInOptions(challenge.challenge);
    expect(options.rpId).toBe('mcc.example.com');
    expect(options.allowCredentials?.map((c) => c.id)).toEqual([authenticator.credentialId]);

    clock += 60_000;
    const response = await post('/api/auth/login/passkey', {
      challenge: challenge.challenge,
      response: authenticator.authenticate(options),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.cookies.map((c) => c.name)).toContain('mcc_refresh');
    const session = response.json<Session>();
    const [passkey] = (await get('/api/auth/passkeys', bearer(session))).json<{ items: Passkey[] }>().items;
    expect(passkey?.last_used_at).toBe(new Date(clock).toISOString());
  });

  it('refuses another origin, another challenge, a replayed challenge and a counter that does not grow', async () => {
    const { account, authenticator } = await withPasskey();
    const { challenge } = await challengeFor(account);
    const userId = account.session.user.id;
    const finish = (response: ReturnType<SoftAuthenticator['authenticate']>) =>
      t.services.auth.completePasskeyLogin({ challenge, response });

    const phishing = await signInOptions(challenge);
    expect(
      await rejection(finish(authenticator.authenticate(phishing, { origin: 'https://mcc.example.net' }))),
    ).toMatch(/origin/);
    // That challenge is spent even though the answer was refused.
    expect(await rejection(finish(authenticator.authenticate(phishing)))).toMatch(/challenge/);

    const options = await signInOptions(challenge);
    const made = await t.services.passkeys.registrationOptions(userId);
    // A challenge made for adding a passkey, or one never issued, does not sign in.
    expect(
      await rejection(finish(authenticator.authenticate(options, { challenge: made.challenge }))),
    ).toMatch(/challenge/);
    expect(
      await rejection(finish(authenticator.authenticate(options, { challenge: 'AAAAAAAAAAAAAAAAAAAAAA' }))),
    ).toMatch(/challenge/);

    const good = authenticator.authenticate(await signInOptions(challenge));
    expect((await finish(good)).session.user.id).toBe(userId);
    expect(await rejection(finish(good))).toMatch(/challenge/);

    // A clone reports a counter that does not grow past the stored one.
    const stored = authenticator.counter;
    expect(
      await rejection(
        finish(authenticator.authenticate(await signInOptions(challenge), { counter: stored })),
      ),
    ).toMatch(/counter/);
    expect(
      (await finish(authenticator.authenticate(await signInOptions(challenge), { counter: stored + 1 })))
        .session.user.id,
    ).toBe(userId);

    // Over HTTP: 400 passkey_rejected with the field, no reason given away.
    const refused = await post('/api/auth/login/passkey', {
      challenge,
      response: authenticator.authenticate(await signInOptions(challenge), {
        origin: 'https://evil.example',
      }),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<Problem>()).toMatchObject({
      code: 'passkey_rejected',
      errors: [{ path: 'body.response', code: 'passkey_rejected' }],
    });
    expect(refused.body).not.toContain('evil.example');
  });

  it('refuses adding a passkey from another origin or with a spent challenge', async () => {
    const account = await registerAccount(t.app);
    const authenticator = new SoftAuthenticator(ORIGIN);
    const options = await registrationOptions(account.auth);
    expect(
      await rejection(
        t.services.passkeys.add(account.session.user.id, {
          name: 'Laptop',
          response: authenticator.register(options, { origin: 'http://localhost:5173' }),
        }),
      ),
    ).toMatch(/origin/);
    const again = await post(
      '/api/auth/passkeys',
      { name: 'Laptop', response: authenticator.register(options) },
      account.auth,
    );
    expect(again.statusCode).toBe(400);
    expect(again.json<Problem>().code).toBe('passkey_rejected');
    expect((await get('/api/auth/two-factor', account.auth)).json<TwoFactorStatus>().enabled).toBe(false);
    // Nothing was signed out by the refusals.
    expect((await get('/api/auth/me', account.auth)).statusCode).toBe(200);
  });

  it('keeps passkeys and challenges to their account: another’s id answers 404, another’s passkey does not sign in', async () => {
    const alice = await withPasskey('Alice’s laptop');
    const bob = await withPasskey('Bob’s laptop');
    const aliceKey = alice.added.passkey;

    const removal = await post(
      `/api/auth/passkeys/${aliceKey.id}/remove`,
      { password: bob.account.password },
      bob.account.auth,
    );
    expect(removal.statusCode).toBe(404);
    expect(removal.json<Problem>().code).toBe('not_found');
    expect(
      (await get('/api/auth/passkeys', alice.account.auth)).json<{ items: Passkey[] }>().items,
    ).toHaveLength(1);

    // Bob's password step, answered with Alice's authenticator (on the options made for Bob).
    const { challenge } = await challengeFor(bob.account);
    const options = await signInOptions(challenge);
    expect(
      await rejection(
        t.services.auth.completePasskeyLogin({
          challenge,
          response: alice.authenticator.authenticate(options),
        }),
      ),
    ).toMatch(/account/);
    // A challenge issued for Alice does not serve Bob's sign-in.
    const aliceOptions = await signInOptions((await challengeFor(alice.account)).challenge);
    expect(
      await rejection(
        t.services.auth.completePasskeyLogin({
          challenge,
          response: bob.authenticator.authenticate(aliceOptions),
        }),
      ),
    ).toMatch(/challenge/);
    // Nor does Alice's registration challenge add a passkey to Bob's account.
    const aliceRegistration = await registrationOptions(alice.account.auth);
    const stolen = await post(
      '/api/auth/passkeys',
      { name: 'Stolen', response: new SoftAuthenticator(ORIGIN).register(aliceRegistration) },
      bob.account.auth,
    );
    expect(stolen.json<Problem>().code).toBe('passkey_rejected');
  });

  it('removes a passkey with the password; the last one needs a recovery code and turns two-factor off', async () => {
    const { account, added } = await withPasskey('Laptop');
    const options = await registrationOptions(account.auth);
    const phone = await post(
      '/api/auth/passkeys',
      { name: 'Phone', response: new SoftAuthenticator(ORIGIN).register(options) },
      account.auth,
    );
    const phoneId = phone.json<PasskeyAdded>().passkey.id;
    const remove = (id: string, payload: object) =>
      post(`/api/auth/passkeys/${id}/remove`, payload, account.auth);

    const wrongPassword = await remove(phoneId, { password: 'not-the-password' });
    expect(wrongPassword.statusCode).toBe(401);
    expect(wrongPassword.json<Problem>().code).toBe('invalid_credentials');
    expect((await remove(phoneId, { password: account.password })).statusCode).toBe(204);

    const needsCode = await remove(added.passkey.id, { password: account.password });
    expect(needsCode.statusCode).toBe(400);
    expect(needsCode.json<Problem>().errors?.[0]?.path).toBe('body.code');
    const wrongCode = await remove(added.passkey.id, { password: account.password, code: '000000' });
    expect(wrongCode.json<Problem>().code).toBe('invalid_two_factor_code');
    const [code] = added.recovery_codes;
    expect(
      (await remove(added.passkey.id, { password: account.password, code: code ?? '' })).statusCode,
    ).toBe(204);

    expect((await get('/api/auth/two-factor', account.auth)).json<TwoFactorStatus>()).toMatchObject({
      enabled: false,
      passkeys: 0,
      recovery_codes_left: 0,
    });
    const signIn = await post('/api/auth/login', { email: account.email, password: account.password });
    expect(signIn.statusCode).toBe(200);
  });

  it('signs in with a recovery code when the passkey is not at hand', async () => {
    const { account, added } = await withPasskey();
    const { challenge, message } = await challengeFor(account);
    expect(message).toMatch(/passkey/);
    const response = await post('/api/auth/login/two-factor', { challenge, code: added.recovery_codes[0] });
    expect(response.statusCode, response.body).toBe(200);
  });

  it('with an authenticator app too: enabling it keeps the recovery codes, turning it off keeps two-factor on', async () => {
    const { account } = await withPasskey();
    const setup = (await post('/api/auth/two-factor/setup', undefined, account.auth)).json<TwoFactorSetup>();
    const codeNow = () => generate({ secret: setup.secret, epoch: Math.floor(clock / 1000) });
    const enabled = await post('/api/auth/two-factor/enable', { code: await codeNow() }, account.auth);
    expect(enabled.statusCode, enabled.body).toBe(200);
    const { recovery_codes, session } = enabled.json<TwoFactorEnabled>();
    expect(recovery_codes).toEqual([]);
    const auth = bearer(session);
    expect((await get('/api/auth/two-factor', auth)).json<TwoFactorStatus>()).toMatchObject({
      totp_enabled: true,
      passkeys: 1,
      recovery_codes_left: 10,
    });
    const { message } = await challengeFor(account);
    expect(message).toMatch(/authenticator app/);

    clock += 30_000;
    const disabled = await post(
      '/api/auth/two-factor/disable',
      { password: account.password, code: await codeNow() },
      auth,
    );
    expect(disabled.statusCode, disabled.body).toBe(204);
    expect((await get('/api/auth/two-factor', auth)).json<TwoFactorStatus>()).toMatchObject({
      enabled: true,
      totp_enabled: false,
      passkeys: 1,
      recovery_codes_left: 10,
    });
    expect((await challengeFor(account)).passkey).toBe(true);
  });

  it('a workspace that requires two-factor accepts a passkey, from its owner and its members', async () => {
    const { account: owner } = await withPasskey('Owner’s key');
    const { account: member } = await withPasskey('Member’s key');
    const business = await createBusiness(t.app, owner, 'Strict Bakery');
    await addMember(t.app, owner, business, member, 'editor');
    const required = await t.app.inject({
      method: 'PATCH',
      url: `/api/business/${business.id}`,
      headers: owner.auth,
      payload: { require_two_factor: true },
    });
    expect(required.statusCode, required.body).toBe(200);
    expect(required.json<Business>().require_two_factor).toBe(true);
    const members = await get(`/api/business/${business.id}/members`, member.auth);
    expect(members.statusCode, members.body).toBe(200);

    const without = await registerAccount(t.app);
    await addMember(t.app, owner, business, without, 'viewer');
    expect((await get(`/api/business/${business.id}/members`, without.auth)).statusCode).toBe(403);
  });
});
