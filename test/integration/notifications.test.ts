import type { InjectOptions } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import type { Business } from '#shared/business.schema.js';
import type { ContentItem } from '#shared/content.schema.js';
import type {
  Notification,
  NotificationPage,
  NotificationPreferences,
  UnsubscribeResult,
} from '#shared/notifications.schema.js';
import type { Problem } from '#shared/problem.schema.js';
import type { Role } from '#shared/roles.js';
import { type AppWithJobs, startAppWithJobs } from '../support/app-with-jobs.js';
import { describeEachDialect } from '../support/databases.js';
import {
  addMemberAs,
  createWorkspaceAs,
  fragmentOf,
  type MailPerson,
  signUpByEmail,
} from '../support/mail-accounts.js';
import { linkIn, type ReceivedMail, startSmtpServer, type TestSmtpServer } from '../support/smtp-server.js';
import { openAuthenticatedSocket } from '../support/ws-client.js';

const PUBLIC_URL = 'https://mcc.example.com';

type Person = MailPerson;

/** The URL between the angle brackets of a `List-Unsubscribe` header. */
const oneClickUrlOf = (mail: ReceivedMail) =>
  new URL(/<([^>]+)>/.exec(mail.headers['list-unsubscribe'] ?? '')?.[1] ?? '');

describeEachDialect('notifications', (create) => {
  let smtp: TestSmtpServer;
  let running: AppWithJobs;
  let owner: Person;
  let admin: Person;
  let editor: Person;
  let viewer: Person;
  let business: Business;

  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(() => smtp.close());
  beforeEach(async () => {
    running = await startAppWithJobs(await create(), {
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'mcc@example.com', PUBLIC_URL },
    });
    owner = await signUp('owner');
    business = await createWorkspace(owner, 'Acme <Bakery>');
    admin = await join('admin', 'admin');
    editor = await join('editor', 'editor');
    viewer = await join('viewer', 'viewer');
  });
  afterEach(() => running.stop());

  const inject = (options: InjectOptions) => running.t.app.inject(options);
  const as = (person: Person, method: InjectOptions['method'], url: string, payload?: object) =>
    inject({ method, url, headers: person.auth, ...(payload ? { payload } : {}) });

  const signUp = (name: string) => signUpByEmail(running.t.app, smtp, name);
  const createWorkspace = (person: Person, name: string) => createWorkspaceAs(running.t.app, person, name);

  async function join(name: string, role: Role): Promise<Person> {
    const person = await signUp(name);
    await addMemberAs(running.t.app, owner, business, person, role);
    return person;
  }

  /** The next email to `person` whose subject contains `subject`. */
  async function mailTo(person: Person, subject: string): Promise<ReceivedMail> {
    return vi.waitFor(
      () => {
        const mail = smtp.messages.find(
          (message) => message.to.includes(person.email) && message.subject.includes(subject),
        );
        if (!mail) throw new Error(`No mail “${subject}” to ${person.email} yet`);
        return mail;
      },
      { timeout: 5_000, interval: 20 },
    );
  }

  const mailsTo = (person: Person, subject: string) =>
    smtp.messages.filter((message) => message.to.includes(person.email) && message.subject.includes(subject));

  async function notificationsOf(person: Person, query = ''): Promise<NotificationPage> {
    const response = await as(person, 'GET', `/api/business/${business.id}/notifications${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<NotificationPage>();
  }

  async function unread(person: Person): Promise<number> {
    const response = await as(person, 'GET', `/api/business/${business.id}/notifications/unread-count`);
    return response.json<{ unread: number }>().unread;
  }

  async function move(person: Person, item: { id: string }, to: string, extra: object = {}) {
    const version = (await as(owner, 'GET', `/api/content/${item.id}`)).json<ContentItem>().version;
    const moved = await as(person, 'POST', `/api/content/${item.id}/transition`, { to, version, ...extra });
    expect(moved.statusCode, moved.body).toBe(200);
  }

  async function draft(person: Person, title: string): Promise<ContentItem> {
    const created = await as(person, 'POST', '/api/content', {
      business_id: business.id,
      channel: 'x',
      title,
      body: 'Fresh sourdough every morning.',
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json<ContentItem>();
  }

  /** The email state the server recorded for `person`'s notifications of `kind`. */
  async function emailStates(person: Person, kind: string): Promise<string[]> {
    const rows = await running.t.database.db
      .selectFrom('notifications')
      .select('email_status')
      .where('business_id', '=', business.id)
      .where('user_id', '=', person.id)
      .where('kind', '=', kind as never)
      .orderBy('created_at')
      .execute();
    return rows.map((row) => row.email_status);
  }

  it('tells reviewers a post waits, and its author that it was sent back and approved, in the app and by email', async () => {
    const item = await draft(editor, 'Easter <buns>');
    await move(editor, item, 'in_review');

    // Owners and admins review; the editor who asked and the viewer hear nothing.
    for (const reviewer of [owner, admin]) {
      const [first] = (await notificationsOf(reviewer)).items;
      expect(first).toMatchObject({
        kind: 'review_requested',
        title: 'Editor asked for a review of “Easter <buns>”',
        link: `/w/${business.id}/content/${item.id}`,
        // What the title and body are made of, for the web app to say in its reader's language.
        facts: { kind: 'review_requested', actor: 'Editor', item: 'Easter <buns>', channel: 'x' },
        read_at: null,
      });
      expect(await unread(reviewer)).toBe(1);
    }
    expect((await notificationsOf(editor)).items).toEqual([]);
    expect((await notificationsOf(viewer)).items).toEqual([]);

    const mail = await mailTo(admin, 'asked for a review');
    expect(mail.subject).toBe('Editor asked for a review of “Easter <buns>” · Acme <Bakery>');
    expect(mail.html).toContain('Editor asked for a review of “Easter &lt;buns&gt;”');
    expect(linkIn(mail).toString()).toBe(`${PUBLIC_URL}/w/${business.id}/content/${item.id}`);
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(oneClickUrlOf(mail).origin + oneClickUrlOf(mail).pathname).toBe(
      `${PUBLIC_URL}/api/notifications/unsubscribe`,
    );
    expect(mail.text).toMatch(
      new RegExp(`Stop emails about “Review requested” from Acme <Bakery>: ${PUBLIC_URL}/unsubscribe#token=`),
    );

    await move(admin, item, 'draft', { comment: 'Mention the price' });
    const [sentBack] = (await notificationsOf(editor)).items;
    expect(sentBack).toMatchObject({
      kind: 'content_sent_back',
      title: 'Admin sent back “Easter <buns>”',
      body: '“Mention the price”',
      facts: {
        kind: 'content_sent_back',
        actor: 'Admin',
        item: 'Easter <buns>',
        comment: 'Mention the price',
      },
    });
    await mailTo(editor, 'sent back');

    await move(editor, item, 'in_review');
    await move(owner, item, 'approved');
    const editorList = await notificationsOf(editor);
    expect(editorList.items.map((notification) => notification.kind)).toEqual([
      'content_approved',
      'content_sent_back',
    ]);
    expect(editorList.items[0]?.title).toBe('Owner approved “Easter <buns>”');
    await mailTo(editor, 'approved');
    // The approver asked for nothing: the second request for review went to both reviewers.
    expect((await notificationsOf(owner)).items.map((notification) => notification.kind)).toEqual([
      'review_requested',
      'review_requested',
    ]);
  });

  it('emails each person in their own language, from the facts; the app keeps the English', async () => {
    const switched = await as(admin, 'PATCH', '/api/auth/me', { language: 'fr' });
    expect(switched.statusCode, switched.body).toBe(200);
    const item = await draft(editor, 'Easter <buns>');
    await move(editor, item, 'in_review');

    const french = await mailTo(admin, 'demande une relecture');
    expect(french.subject).toBe(
      'Editor demande une relecture de «\u00a0Easter <buns>\u00a0» · Acme <Bakery>',
    );
    expect(french.html).toContain('<html lang="fr">');
    expect(french.text).toContain('Une publication pour X attend d’être approuvée.');
    expect(french.text).toContain('Relire la publication\u00a0: https://');
    expect(french.text).toMatch(
      /Ne plus recevoir d’e-mails «\u00a0Relecture demandée\u00a0» de Acme <Bakery>\u00a0: /,
    );
    // The owner reads English, and both find the English title in the app (the web app says the facts).
    expect((await mailTo(owner, 'asked for a review')).html).toContain('<html lang="en">');
    expect((await notificationsOf(admin)).items[0]?.title).toBe(
      'Editor asked for a review of “Easter <buns>”',
    );
  });

  it('lists newest first a page at a time, and marks one or all read', async () => {
    for (const title of ['One', 'Two', 'Three']) await move(editor, await draft(editor, title), 'in_review');
    const first = await notificationsOf(admin, '?limit=2');
    expect(first.items.map((notification) => notification.title)).toEqual([
      'Editor asked for a review of “Three”',
      'Editor asked for a review of “Two”',
    ]);
    expect(first.next_cursor).not.toBeNull();
    const second = await notificationsOf(admin, `?limit=2&cursor=${first.next_cursor}`);
    expect(second.items.map((notification) => notification.title)).toEqual([
      'Editor asked for a review of “One”',
    ]);
    expect(second.next_cursor).toBeNull();
    const bad = await as(admin, 'GET', `/api/business/${business.id}/notifications?cursor=nonsense`);
    expect(bad.statusCode).toBe(400);

    const target = first.items[1] as Notification;
    const read = await as(admin, 'POST', `/api/business/${business.id}/notifications/${target.id}/read`);
    expect(read.statusCode, read.body).toBe(200);
    const marked = read.json<Notification>();
    expect(marked.read_at).not.toBeNull();
    // Reading it again keeps the first time.
    const again = await as(admin, 'POST', `/api/business/${business.id}/notifications/${target.id}/read`);
    expect(again.json<Notification>().read_at).toBe(marked.read_at);
    expect(await unread(admin)).toBe(2);
    expect(
      (await notificationsOf(admin, '?unread=true')).items.map((notification) => notification.id),
    ).not.toContain(target.id);

    const all = await as(admin, 'POST', `/api/business/${business.id}/notifications/read-all`);
    expect(all.json()).toEqual({ marked: 2 });
    expect(await unread(admin)).toBe(0);
    // The owner's own notifications are untouched by the admin's reading.
    expect(await unread(owner)).toBe(3);
  });

  it('serves a notification written before its facts were kept, or with facts not of its kind, with none', async () => {
    const row = (id: string, facts: string | null) => ({
      id,
      business_id: business.id,
      user_id: admin.id,
      kind: 'content_approved' as const,
      title: `Ada approved “Post ${id.slice(-1)}”`,
      body: 'It can be scheduled now.',
      link: `/w/${business.id}/calendar`,
      subject_id: null,
      facts,
      read_at: null,
      email_status: 'none' as const,
      created_at: `2026-01-01T00:00:0${id.slice(-1)}.000Z`,
    });
    await running.t.database.db
      .insertInto('notifications')
      .values([
        row('01900000-0000-7000-8000-000000000001', null),
        row(
          '01900000-0000-7000-8000-000000000002',
          JSON.stringify({ kind: 'job_died', job_name: 'x', error: 'y' }),
        ),
        row(
          '01900000-0000-7000-8000-000000000003',
          JSON.stringify({ kind: 'content_approved', actor: null, item: 'Post 3' }),
        ),
      ])
      .execute();
    const { items } = await notificationsOf(admin);
    expect(items.map((notification) => [notification.title, notification.facts])).toEqual([
      ['Ada approved “Post 3”', { kind: 'content_approved', actor: null, item: 'Post 3' }],
      ['Ada approved “Post 2”', null],
      ['Ada approved “Post 1”', null],
    ]);
  });

  it('keeps each notification to its person and workspace: anyone else’s id answers 404', async () => {
    await move(editor, await draft(editor, 'Mine'), 'in_review');
    const [adminsOwn] = (await notificationsOf(admin)).items as [Notification];
    const ownersOwn = (await notificationsOf(owner)).items[0] as Notification;

    // Another member of the same workspace cannot read or mark the admin's notification.
    const byOwner = await as(
      owner,
      'POST',
      `/api/business/${business.id}/notifications/${adminsOwn.id}/read`,
    );
    expect(byOwner.statusCode).toBe(404);
    expect(byOwner.json<Problem>().code).toBe('not_found');
    expect((await notificationsOf(owner)).items.map((notification) => notification.id)).toEqual([
      ownersOwn.id,
    ]);

    // Someone in another workspace gets 404 for this one, and for its notification ids under their own.
    const stranger = await signUp('stranger');
    const elsewhere = await createWorkspace(stranger, 'Elsewhere');
    for (const url of [
      `/api/business/${business.id}/notifications`,
      `/api/business/${business.id}/notifications/unread-count`,
      `/api/business/${business.id}/notification-preferences`,
    ]) {
      expect((await as(stranger, 'GET', url)).statusCode, url).toBe(404);
    }
    expect(
      (await as(stranger, 'POST', `/api/business/${business.id}/notifications/${adminsOwn.id}/read`))
        .statusCode,
    ).toBe(404);
    expect(
      (await as(stranger, 'POST', `/api/business/${elsewhere.id}/notifications/${adminsOwn.id}/read`))
        .statusCode,
    ).toBe(404);
    expect(
      (await as(stranger, 'POST', `/api/business/${business.id}/notifications/read-all`)).statusCode,
    ).toBe(404);
    expect(await unread(admin)).toBe(1);

    // API keys act for a workspace, not a person: they have no notifications.
    const key = await as(owner, 'POST', `/api/business/${business.id}/api-keys`, {
      name: 'CI',
      role: 'admin',
    });
    expect(key.statusCode, key.body).toBe(201);
    const byKey = await inject({
      method: 'GET',
      url: `/api/business/${business.id}/notifications`,
      headers: { authorization: `Bearer ${key.json<{ secret: string }>().secret}` },
    });
    expect(byKey.statusCode).toBe(403);
  });

  it('emails by each person’s choice, and one click on the unsubscribe link turns that kind off without signing in', async () => {
    const defaults = await as(admin, 'GET', `/api/business/${business.id}/notification-preferences`);
    const preferences = defaults.json<NotificationPreferences>();
    expect(preferences.mail).toBe('smtp');
    expect(Object.fromEntries(preferences.items.map((item) => [item.kind, item.email]))).toMatchObject({
      review_requested: true,
      inbox_attention: false,
      weekly_digest: true,
    });
    expect(preferences.items.every((item) => item.in_app)).toBe(true);

    // The owner turns review emails off in the settings; the admin keeps them.
    const put = await as(owner, 'PUT', `/api/business/${business.id}/notification-preferences`, {
      email: { review_requested: false, inbox_attention: true },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(
      put.json<NotificationPreferences>().items.find((item) => item.kind === 'review_requested')?.email,
    ).toBe(false);
    const unknown = await as(owner, 'PUT', `/api/business/${business.id}/notification-preferences`, {
      email: { no_such_kind: true },
    });
    expect(unknown.statusCode).toBe(400);

    await move(editor, await draft(editor, 'First'), 'in_review');
    const mail = await mailTo(admin, '“First”');
    // In the app for both; by email only for the admin (the owner's was never queued).
    expect((await notificationsOf(owner)).items).toHaveLength(1);
    expect(await emailStates(owner, 'review_requested')).toEqual(['none']);
    await vi.waitFor(async () => expect(await emailStates(admin, 'review_requested')).toEqual(['sent']));

    // The web page's link describes what it turns off (GET changes nothing).
    const pageToken = fragmentOf(
      new URL(/(https:\/\/\S+\/unsubscribe#\S+)/.exec(mail.text)?.[1] ?? ''),
      'token',
    );
    const described = await inject({
      method: 'GET',
      url: `/api/notifications/unsubscribe?token=${encodeURIComponent(pageToken)}`,
    });
    expect(described.json<UnsubscribeResult>()).toEqual({
      kind: 'review_requested',
      kind_label: 'Review requested',
      workspace_name: 'Acme <Bakery>',
      email: true,
    });

    // A mail app's one-click POST (RFC 8058): a form body, no session, no cookies.
    const oneClick = oneClickUrlOf(mail);
    const unsubscribed = await inject({
      method: 'POST',
      url: oneClick.pathname + oneClick.search,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(unsubscribed.statusCode, unsubscribed.body).toBe(200);
    expect(unsubscribed.json<UnsubscribeResult>()).toMatchObject({ kind: 'review_requested', email: false });
    const after = await as(admin, 'GET', `/api/business/${business.id}/notification-preferences`);
    const choices = Object.fromEntries(
      after.json<NotificationPreferences>().items.map((item) => [item.kind, item.email]),
    );
    expect(choices).toMatchObject({ review_requested: false, content_approved: true });
    // The web page's POST (no body) is the same, and repeating it is harmless.
    const again = await inject({
      method: 'POST',
      url: `/api/notifications/unsubscribe?token=${encodeURIComponent(pageToken)}`,
    });
    expect(again.statusCode, again.body).toBe(200);

    // The next request for review reaches the admin in the app only; other kinds still email.
    await move(editor, await draft(editor, 'Second'), 'in_review');
    expect((await notificationsOf(admin)).items[0]?.title).toBe('Editor asked for a review of “Second”');
    expect(await emailStates(admin, 'review_requested')).toEqual(['sent', 'none']);
    expect(mailsTo(admin, '“Second”')).toEqual([]);

    const forged = await inject({
      method: 'POST',
      url: '/api/notifications/unsubscribe?token=abcdefghijk.lmnop',
    });
    expect(forged.statusCode).toBe(400);
    expect(forged.json<Problem>().errors?.[0]?.path).toBe('query.token');
  });

  it('announces a new notification live to its person only', async () => {
    const adminSocket = await openAuthenticatedSocket(running.t.app, admin.auth.authorization.slice(7));
    const editorSocket = await openAuthenticatedSocket(running.t.app, editor.auth.authorization.slice(7));
    try {
      for (const socket of [adminSocket, editorSocket]) {
        socket.send({ type: 'subscribe', business_id: business.id });
        await socket.waitFor('subscribed');
      }
      const item = await draft(editor, 'Live');
      await move(editor, item, 'in_review');
      const heard = await adminSocket.waitFor(
        'event',
        (frame) => frame.event.type === 'notification.changed',
      );
      expect(heard.event).toMatchObject({
        type: 'notification.changed',
        data: { user_id: admin.id, change: 'created' },
      });
      // A later change both may hear arrives after the notification would have: the editor never got it.
      const version = (await as(editor, 'GET', `/api/content/${item.id}`)).json<ContentItem>().version;
      const edited = await as(editor, 'PATCH', `/api/content/${item.id}`, { version, body: 'Fresh rye.' });
      expect(edited.statusCode, edited.body).toBe(200);
      await editorSocket.waitFor(
        'event',
        (frame) => frame.event.type === 'content.changed' && frame.event.data.change === 'updated',
      );
      expect(
        editorSocket.frames.some(
          (frame) => frame.type === 'event' && frame.event.type === 'notification.changed',
        ),
      ).toBe(false);
    } finally {
      adminSocket.close();
      editorSocket.close();
    }
  });
});
