import type { InjectOptions } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { AUTH_COOKIES, CSRF_HEADER, type Session } from '#shared/auth.schema.js';
import type { Invitation, Member } from '#shared/business.schema.js';
import type { Problem } from '#shared/problem.schema.js';
import { createBusiness } from '../factories/accounts.js';
import { type AppWithJobs, startAppWithJobs } from '../support/app-with-jobs.js';
import { describeEachDialect } from '../support/databases.js';
import { linkIn, startSmtpServer, type TestSmtpServer } from '../support/smtp-server.js';
import { cookieHeader, cookiesOf } from '../support/test-app.js';

/** The value after `#name=` in an emailed link. */
const fragmentOf = (url: URL, name: string) => new URLSearchParams(url.hash.slice(1)).get(name) ?? '';

describeEachDialect('account emails over SMTP', (create) => {
  let smtp: TestSmtpServer;
  let running: AppWithJobs;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(() => smtp.close());
  beforeEach(async () => {
    running = await startAppWithJobs(await create(), {
      env: {
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Marketing <mcc@example.com>',
        PUBLIC_URL: 'https://mcc.example.com',
      },
    });
  });
  afterEach(() => running.stop());

  const inject = (options: InjectOptions) => running.t.app.inject(options);
  const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
    inject({ method: 'POST', url, payload, headers });
  let sequence = 0;
  const address = (name: string) => `${name}.${++sequence}.${Date.now()}@example.com`;

  /** Sign up through the emailed confirmation link, as a person would. */
  async function signUp(email: string, password = 'violet-harbour-lantern-7', extra: object = {}) {
    const asked = await post('/api/auth/register', {
      email,
      password,
      name: 'Ada <b>Lovelace</b>',
      ...extra,
    });
    expect(asked.statusCode, asked.body).toBe(202);
    const mail = await smtp.waitForMail(email);
    const confirmed = await post('/api/auth/register/confirm', { token: fragmentOf(linkIn(mail), 'token') });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    const session = confirmed.json<Session>();
    return {
      email,
      password,
      session,
      cookies: cookiesOf(confirmed),
      auth: { authorization: `Bearer ${session.access_token}` },
    };
  }

  it('says how sign-up works on this server', async () => {
    const options = await inject({ method: 'GET', url: '/api/auth/options' });
    expect(options.json()).toEqual({ mail: 'smtp', sign_up: 'confirm_by_email' });
  });

  it('answers sign-up the same for a new and a taken address; each owner learns by email', async () => {
    const ada = await signUp(address('ada'));
    expect(ada.session.user.email).toBe(ada.email);
    const welcome = smtp.messages.find((mail) => mail.to.includes(ada.email));
    expect(welcome?.from).toBe('mcc@example.com');
    expect(welcome?.headers.from).toBe('Marketing <mcc@example.com>');
    expect(welcome?.subject).toBe('Confirm your email to finish signing up');
    // The name is escaped in the HTML part and the link leads to the public URL, token in the fragment.
    expect(welcome?.html).toContain('Welcome, Ada &lt;b&gt;Lovelace&lt;/b&gt;');
    expect(linkIn(welcome as never).origin + linkIn(welcome as never).pathname).toBe(
      'https://mcc.example.com/sign-up/confirm',
    );

    const newcomer = address('grace');
    const fresh = await post('/api/auth/register', {
      email: newcomer,
      password: 'cobol-compiler-1959',
      name: 'Grace',
    });
    const taken = await post('/api/auth/register', {
      email: ada.email,
      password: 'another-long-password',
      name: 'X',
    });
    expect(taken.statusCode).toBe(fresh.statusCode);
    expect(taken.body).toBe(fresh.body);
    expect(taken.cookies).toEqual([]);
    const notice = await smtp.waitForMail(ada.email, 2);
    expect(notice.subject).toBe('Someone tried to sign up with your email');
    expect(notice.text).not.toMatch(/token=/);
    // The taken address's password did not change.
    const signIn = await post('/api/auth/login', { email: ada.email, password: ada.password });
    expect(signIn.statusCode).toBe(200);
  });

  it('confirms a sign-up once', async () => {
    const email = address('once');
    await post('/api/auth/register', { email, password: 'violet-harbour-lantern-7', name: 'Once' });
    const token = fragmentOf(linkIn(await smtp.waitForMail(email)), 'token');
    expect((await post('/api/auth/register/confirm', { token })).statusCode).toBe(201);
    const again = await post('/api/auth/register/confirm', { token });
    expect(again.statusCode).toBe(410);
    expect(again.json<Problem>().code).toBe('link_expired');
  });

  it('resets a forgotten password through a single-use link and signs out every session', async () => {
    const ada = await signUp(address('reset'));
    const unknown = address('nobody');
    // The unknown address first: with one worker, its job has finished when Ada's mail arrives.
    const forUnknown = await post('/api/auth/password/forgot', { email: unknown });
    const forAda = await post('/api/auth/password/forgot', { email: ada.email.toUpperCase() });
    expect(forUnknown.statusCode).toBe(202);
    expect(forUnknown.body).toBe(forAda.body);
    const mail = await smtp.waitForMail(ada.email, 2);
    expect(mail.subject).toBe('Reset your password');
    expect(smtp.messages.some((message) => message.to.includes(unknown))).toBe(false);
    const link = linkIn(mail);
    expect(link.pathname).toBe('/reset-password');
    const token = fragmentOf(link, 'token');

    expect((await post('/api/auth/password/reset/check', { token })).statusCode).toBe(204);
    const weak = await post('/api/auth/password/reset', { token, new_password: 'password123' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json<Problem>().errors?.[0]?.path).toBe('body.new_password');

    const reset = await post('/api/auth/password/reset', { token, new_password: 'new-harbour-lantern-9' });
    expect(reset.statusCode, reset.body).toBe(204);
    const refreshed = await inject({
      method: 'POST',
      url: '/api/auth/refresh',
      headers: { cookie: cookieHeader(ada.cookies), [CSRF_HEADER]: ada.cookies[AUTH_COOKIES.csrf] ?? '' },
    });
    expect(refreshed.statusCode).toBe(401);
    expect((await inject({ method: 'GET', url: '/api/auth/me', headers: ada.auth })).statusCode).toBe(401);
    expect((await post('/api/auth/login', { email: ada.email, password: ada.password })).statusCode).toBe(
      401,
    );
    expect(
      (await post('/api/auth/login', { email: ada.email, password: 'new-harbour-lantern-9' })).statusCode,
    ).toBe(200);

    const reused = await post('/api/auth/password/reset', { token, new_password: 'third-harbour-lantern-3' });
    expect(reused.statusCode).toBe(410);
    expect((await post('/api/auth/password/reset/check', { token })).statusCode).toBe(410);
  });

  it('invites an address without an account; the accept link signs up into the workspace', async () => {
    const owner = await signUp(address('owner'));
    const business = await createBusiness(running.t.app, owner, 'Acme <Bakery>');
    const invitee = address('invitee');
    const invited = await post(
      `/api/business/${business.id}/members`,
      { email: invitee, role: 'editor' },
      owner.auth,
    );
    expect(invited.statusCode, invited.body).toBe(202);
    const invitation = invited.json<Invitation>();
    expect(invitation).toMatchObject({
      email: invitee,
      role: 'editor',
      invited_by: owner.session.user.id,
      expired: false,
    });

    const listed = await inject({
      method: 'GET',
      url: `/api/business/${business.id}/invitations`,
      headers: owner.auth,
    });
    expect(listed.json<{ items: Invitation[] }>().items.map((item) => item.id)).toEqual([invitation.id]);

    const first = await smtp.waitForMail(invitee);
    expect(first.subject).toBe('Ada <b>Lovelace</b> invited you to Acme <Bakery>');
    expect(first.html).toContain('Join Acme &lt;Bakery&gt;');
    // A resend issues a new link; the first one stops working.
    const resent = await post(
      `/api/business/${business.id}/invitations/${invitation.id}/resend`,
      {},
      owner.auth,
    );
    expect(resent.statusCode).toBe(200);
    const second = await smtp.waitForMail(invitee, 2);
    const oldToken = fragmentOf(linkIn(first), 'invitation');
    const token = fragmentOf(linkIn(second), 'invitation');
    expect(linkIn(second).pathname).toBe('/sign-up');
    expect((await post('/api/auth/invitation', { token: oldToken })).statusCode).toBe(410);
    const described = await post('/api/auth/invitation', { token });
    expect(described.json()).toEqual({ email: invitee, workspace_name: 'Acme <Bakery>', role: 'editor' });

    const wrongAddress = await post('/api/auth/register', {
      email: address('other'),
      password: 'violet-harbour-lantern-7',
      name: 'Eve',
      invitation_token: token,
    });
    expect(wrongAddress.statusCode).toBe(400);
    const joined = await post('/api/auth/register', {
      email: invitee,
      password: 'violet-harbour-lantern-7',
      name: 'Invitee',
      invitation_token: token,
    });
    expect(joined.statusCode, joined.body).toBe(201);
    const members = await inject({
      method: 'GET',
      url: `/api/business/${business.id}/members`,
      headers: owner.auth,
    });
    expect(members.json<{ items: Member[] }>().items).toContainEqual(
      expect.objectContaining({ email: invitee, role: 'editor' }),
    );
    const reused = await post('/api/auth/register', {
      email: invitee,
      password: 'violet-harbour-lantern-7',
      name: 'Invitee',
      invitation_token: token,
    });
    expect(reused.statusCode).toBe(410);
    const after = await inject({
      method: 'GET',
      url: `/api/business/${business.id}/invitations`,
      headers: owner.auth,
    });
    expect(after.json<{ items: Invitation[] }>().items).toEqual([]);
  });

  it('writes each email in its recipient’s language: the sign-up page’s, then the account’s', async () => {
    // Signed up from a French page: the confirmation is in French, and the account keeps the language.
    const amelie = await signUp(address('amelie'), undefined, { language: 'fr' });
    const confirmation = smtp.messages.find((mail) => mail.to.includes(amelie.email));
    expect(confirmation?.subject).toBe('Confirmez votre adresse e-mail pour terminer votre inscription');
    expect(confirmation?.html).toContain('<html lang="fr">');
    expect(confirmation?.text).toContain('Le lien fonctionne une seule fois, pendant 24\u00a0heures.');
    expect(amelie.session.user.language).toBe('fr');

    // Someone signs up again with her address from an English page: she is told in her own language.
    await post('/api/auth/register', {
      email: amelie.email,
      password: 'another-harbour-lantern-8',
      name: 'Someone',
      language: 'en',
    });
    expect((await smtp.waitForMail(amelie.email, 2)).subject).toBe(
      'Quelqu’un a tenté de s’inscrire avec votre adresse e-mail',
    );

    // Her invitation to an address without an account is in her language, role included.
    const business = await createBusiness(running.t.app, amelie, 'Boulangerie Lune');
    const invitee = address('invitee-fr');
    await post(`/api/business/${business.id}/members`, { email: invitee, role: 'editor' }, amelie.auth);
    const invitation = await smtp.waitForMail(invitee);
    expect(invitation.subject).toBe('Ada <b>Lovelace</b> vous invite à rejoindre Boulangerie Lune');
    expect(invitation.text).toContain('en tant que rédacteur.');

    // Someone with an English account she adds is told in English.
    const bob = await signUp(address('bob'));
    expect(bob.session.user.language).toBeNull();
    await post(`/api/business/${business.id}/members`, { email: bob.email, role: 'viewer' }, amelie.auth);
    expect((await smtp.waitForMail(bob.email, 2)).subject).toBe(
      'Ada <b>Lovelace</b> added you to Boulangerie Lune',
    );

    // She switches to English in the app: the next email follows.
    const patch = (language: unknown) =>
      inject({ method: 'PATCH', url: '/api/auth/me', headers: amelie.auth, payload: { language } });
    const unknown = await patch('de');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json<Problem>().errors?.[0]?.path).toBe('body.language');
    expect((await patch('en')).json<Session['user']>().language).toBe('en');
    await post('/api/auth/password/forgot', { email: amelie.email });
    expect((await smtp.waitForMail(amelie.email, 3)).subject).toBe('Reset your password');
  });

  it('adds an account at once and tells it by email; revokes invitations; other tenants get 404', async () => {
    const owner = await signUp(address('owner'));
    const member = await signUp(address('member'));
    const outsider = await signUp(address('outsider'));
    const business = await createBusiness(running.t.app, owner, 'Acme');
    await createBusiness(running.t.app, outsider, 'Elsewhere');

    const added = await post(
      `/api/business/${business.id}/members`,
      { email: member.email, role: 'viewer' },
      owner.auth,
    );
    expect(added.statusCode).toBe(201);
    const notice = await smtp.waitForMail(member.email, 2);
    expect(notice.subject).toBe('Ada <b>Lovelace</b> added you to Acme');

    const invitee = address('revoked');
    const invitation = (
      await post(`/api/business/${business.id}/members`, { email: invitee, role: 'viewer' }, owner.auth)
    ).json<Invitation>();
    const token = fragmentOf(linkIn(await smtp.waitForMail(invitee)), 'invitation');

    // Another workspace's owner, and a viewer of this one, cannot see or touch it.
    for (const who of [outsider, member]) {
      const status = who === outsider ? 404 : 403;
      expect(
        (await inject({ method: 'GET', url: `/api/business/${business.id}/invitations`, headers: who.auth }))
          .statusCode,
      ).toBe(status);
      expect(
        (await post(`/api/business/${business.id}/invitations/${invitation.id}/resend`, {}, who.auth))
          .statusCode,
      ).toBe(status);
      expect(
        (
          await inject({
            method: 'DELETE',
            url: `/api/business/${business.id}/invitations/${invitation.id}`,
            headers: who.auth,
          })
        ).statusCode,
      ).toBe(status);
    }
    const elsewhere = (await inject({ method: 'GET', url: '/api/business/', headers: outsider.auth })).json<{
      items: { id: string }[];
    }>().items[0]?.id;
    expect(
      (await post(`/api/business/${elsewhere}/invitations/${invitation.id}/resend`, {}, outsider.auth))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await inject({
          method: 'DELETE',
          url: `/api/business/${elsewhere}/invitations/${invitation.id}`,
          headers: outsider.auth,
        })
      ).statusCode,
    ).toBe(404);

    const revoked = await inject({
      method: 'DELETE',
      url: `/api/business/${business.id}/invitations/${invitation.id}`,
      headers: owner.auth,
    });
    expect(revoked.statusCode).toBe(204);
    expect((await post('/api/auth/invitation', { token })).statusCode).toBe(410);
    expect(
      (
        await inject({
          method: 'DELETE',
          url: `/api/business/${business.id}/invitations/${invitation.id}`,
          headers: owner.auth,
        })
      ).statusCode,
    ).toBe(404);
  });
});
