import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '#server/db/database.js';
import { newId } from '#server/db/ids.js';
import { migrateToLatest } from '#server/db/migrate.js';
import type { ContentItemRow } from '#server/db/schema.js';
import type { MailMessage } from '#server/integrations/mail/mailer.js';
import { createRepositories, type Repositories } from '#server/repositories/index.js';
import type { NewLiveEvent } from '#shared/events.schema.js';
import type { Role } from '#shared/roles.js';
import type { ChangeEvents } from '../common/change-events.js';
import { NotificationService } from './notification.service.js';
import { NotificationMailService } from './notification-mail.service.js';
import { UnsubscribeTokens } from './unsubscribe-tokens.js';

// The notifier on an in-memory SQLite database: who hears, what is stored, which emails are queued and
// when, and the email job reading each person's choice again when it runs.

const AT = '2026-03-10T12:00:00.000Z';

describe('NotificationService', () => {
  let database: Database;
  let repos: Repositories;
  let queued: Array<{ name: string; businessId: string; payload: unknown; idempotencyKey?: string }>;
  let live: NewLiveEvent[];
  let people: Record<Role | 'other', string>;
  let businessId: string;
  let service: NotificationService;

  const events: ChangeEvents = {
    emit: (event) => live.push(event),
    async emitWithin(trx, event) {
      trx.afterCommit(() => live.push(event));
    },
  };

  function build(mailMode: 'smtp' | 'none' = 'smtp', failQueue = false): NotificationService {
    return new NotificationService({
      repos,
      events,
      queue: {
        enqueue: async (request) => {
          if (failQueue) throw new Error('The queue is down');
          queued.push(request as (typeof queued)[number]);
          return newId();
        },
      },
      mailMode,
      now: () => new Date(AT),
    });
  }

  async function addUser(name: string): Promise<string> {
    const id = newId();
    await repos.users.insert({
      id,
      email: `${name}@example.com`,
      name,
      password_hash: 'x',
      created_at: AT,
      updated_at: AT,
    });
    return id;
  }

  beforeEach(async () => {
    database = openDatabase({ kind: 'sqlite', path: ':memory:', autoMigrate: true });
    await migrateToLatest(database.db);
    repos = createRepositories(database.db, 'sqlite');
    queued = [];
    live = [];
    businessId = newId();
    people = {
      owner: await addUser('Olive'),
      admin: await addUser('Adam'),
      editor: await addUser('Edie'),
      viewer: await addUser('Vic'),
      other: await addUser('Otto'),
    };
    await repos.businesses.insert({
      id: businessId,
      name: 'Acme',
      industry: null,
      description: null,
      website: null,
      time_zone: 'UTC',
      locale: 'en',
      created_at: AT,
      updated_at: AT,
    });
    for (const role of ['owner', 'admin', 'editor', 'viewer'] as const) {
      await repos.memberships.insert(businessId, people[role], role, AT);
    }
    service = build();
  });
  afterEach(() => database.close());

  const item = (fields: Partial<ContentItemRow> = {}) => ({
    id: newId(),
    business_id: businessId,
    title: '',
    body: 'Easter buns are back\nAll week long',
    channel: 'instagram' as const,
    created_by: people.editor,
    ...fields,
  });

  async function stored(userId?: string) {
    let query = database.db.selectFrom('notifications').selectAll().where('business_id', '=', businessId);
    if (userId) query = query.where('user_id', '=', userId);
    return query.orderBy('user_id').execute();
  }

  it('tells the owners and admins that a post waits for review, never the person who asked', async () => {
    await repos.transaction((trx) =>
      service.notify(trx, { kind: 'review_requested', item: item(), actorUserId: people.admin }),
    );
    const rows = await stored();
    expect(rows.map((row) => row.user_id)).toEqual([people.owner]);
    expect(rows[0]).toMatchObject({
      kind: 'review_requested',
      title: 'Adam asked for a review of “Easter buns are back”',
      link: `/w/${businessId}/content/${rows[0]?.subject_id}`,
      read_at: null,
      email_status: 'pending',
    });
    // Live and queued only once the transaction committed; the email once per notification.
    expect(live).toEqual([
      {
        type: 'notification.changed',
        business_id: businessId,
        data: { user_id: people.owner, change: 'created' },
      },
    ]);
    expect(queued).toEqual([
      {
        name: 'notifications.email',
        businessId,
        payload: { notification_id: rows[0]?.id },
        idempotencyKey: `notification-email:${rows[0]?.id}`,
      },
    ]);
  });

  it('writes nothing, announces nothing and queues nothing when the change rolls back', async () => {
    await expect(
      repos.transaction(async (trx) => {
        await service.notify(trx, { kind: 'review_requested', item: item(), actorUserId: people.editor });
        throw new Error('The change failed');
      }),
    ).rejects.toThrow('The change failed');
    expect(await stored()).toEqual([]);
    expect(live).toEqual([]);
    expect(queued).toEqual([]);
  });

  it('sends a send-back to the author and whoever submitted it, skipping the reviewer and people who left', async () => {
    const written = item({ created_by: people.other }); // Otto wrote it, then left the workspace
    await repos.contentItems.insert({
      ...written,
      campaign_id: null,
      format: 'post',
      thread: '[]',
      hashtags: '[]',
      call_to_action: '',
      media_brief: '',
      preheader: '',
      pillar: null,
      scheduled_at: null,
      status: 'draft',
      variant_group: null,
      post_group: null,
      version: 2,
      ai_call_id: null,
      updated_by: people.editor,
      created_at: AT,
      updated_at: AT,
    });
    await repos.contentHistory.insert([
      {
        id: newId(),
        business_id: businessId,
        content_item_id: written.id,
        version: 2,
        actor_user_id: people.editor,
        action: 'submitted',
        comment: null,
        snapshot: '{}',
        created_at: AT,
      },
    ]);
    await repos.transaction((trx) =>
      service.notify(trx, {
        kind: 'content_sent_back',
        item: written,
        actorUserId: people.owner,
        comment: 'Say when',
      }),
    );
    const rows = await stored();
    expect(rows.map((row) => [row.user_id, row.title, row.body])).toEqual([
      [people.editor, 'Olive sent back “Easter buns are back”', '“Say when”'],
    ]);
  });

  it('follows each person’s email choice, and queues no email on a server that cannot send', async () => {
    await repos.notifications.savePreference(businessId, people.owner, 'publish_failed', false, AT);
    await repos.notifications.savePreference(businessId, people.editor, 'inbox_attention', true, AT);
    await repos.transaction((trx) =>
      service.notify(trx, { kind: 'publish_failed', item: item(), reason: 'The network said no.' }),
    );
    const states = Object.fromEntries((await stored()).map((row) => [row.user_id, row.email_status]));
    expect(states).toEqual({ [people.owner]: 'none', [people.editor]: 'pending' });

    const quiet = build('none');
    await repos.transaction((trx) =>
      quiet.notify(trx, {
        kind: 'inbox_attention',
        businessId,
        conversationId: newId(),
        customer: 'Noor',
        excerpt: 'Where is my order?!',
        urgent: true,
        negative: false,
        assigneeId: null,
      }),
    );
    const inbox = (await stored()).filter((row) => row.kind === 'inbox_attention');
    // Owners, admins and editors reply; the editor's choice is email, but this server sends none.
    expect(inbox.map((row) => row.email_status)).toEqual(['none', 'none', 'none']);
    expect(inbox[0]?.title).toBe('Urgent message from Noor');
  });

  it('keeps the notification when its email cannot be queued (the hourly schedule queues it later)', async () => {
    const down = build('smtp', true);
    await repos.transaction((trx) =>
      down.notify(trx, { kind: 'review_requested', item: item(), actorUserId: people.editor }),
    );
    const rows = await stored();
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.email_status === 'pending')).toBe(true);
    const later = new Date(Date.parse(AT) + 3_600_000).toISOString();
    expect(await repos.notifications.pendingEmails(AT, later, 10)).toHaveLength(2);
  });

  it('announces each AI budget mark once a month, only the higher when one call passes both', async () => {
    const budget = (spent: number, month = '2026-03') =>
      repos.transaction((trx) =>
        service.notify(trx, {
          kind: 'ai_budget',
          businessId,
          spentMicroUsd: spent,
          limitMicroUsd: 1_000,
          month,
        }),
      );
    await budget(790);
    expect(await stored()).toEqual([]);
    await budget(800);
    await budget(950);
    const titles = async () => (await stored(people.owner)).map((row) => row.title);
    expect(await titles()).toEqual(['The monthly AI budget is 80% spent']);
    await budget(1_200);
    await budget(1_300);
    expect(await titles()).toEqual(['The monthly AI budget is 80% spent', 'The monthly AI budget is spent']);
    // Owners and admins manage the budget; editors do not hear of it.
    expect((await stored(people.editor)).length).toBe(0);
    // A new month starts over; a jump past both marks at once announces only the higher.
    await budget(1_000, '2026-04');
    expect((await titles()).filter((title) => title === 'The monthly AI budget is spent')).toHaveLength(2);
    expect((await titles()).filter((title) => title.includes('80%'))).toHaveLength(1);
  });

  it('tells owners and admins of a dead job, but never of a notification job’s own death', async () => {
    const jobId = newId();
    await service.jobDied({ businessId, jobId, name: 'webhook.deliver', error: 'The receiver answered 410' });
    const rows = await stored();
    expect(rows.map((row) => row.user_id).sort()).toEqual([people.owner, people.admin].sort());
    expect(rows[0]).toMatchObject({
      kind: 'job_died',
      title: 'A background job failed for good: webhook.deliver',
      link: `/w/${businessId}/jobs/${jobId}`,
    });
    await service.jobDied({ businessId, jobId: newId(), name: 'notifications.email', error: 'SMTP down' });
    expect(await stored()).toHaveLength(2);
  });
});

describe('NotificationMailService', () => {
  let database: Database;
  let repos: Repositories;
  let sent: MailMessage[];
  const tokens = new UnsubscribeTokens('a-secret-long-enough-for-the-tests-0123456789');
  let businessId: string;
  let userId: string;

  beforeEach(async () => {
    database = openDatabase({ kind: 'sqlite', path: ':memory:', autoMigrate: true });
    await migrateToLatest(database.db);
    repos = createRepositories(database.db, 'sqlite');
    sent = [];
    businessId = newId();
    userId = newId();
    await repos.users.insert({
      id: userId,
      email: 'ada@example.com',
      name: 'Ada',
      password_hash: 'x',
      created_at: AT,
      updated_at: AT,
    });
    await repos.businesses.insert({
      id: businessId,
      name: 'Acme & Co',
      industry: null,
      description: null,
      website: null,
      time_zone: 'UTC',
      locale: 'en',
      created_at: AT,
      updated_at: AT,
    });
    await repos.memberships.insert(businessId, userId, 'owner', AT);
  });
  afterEach(() => database.close());

  const mails = () =>
    new NotificationMailService({
      repos,
      mailer: { send: async (message) => void sent.push(message) },
      tokens,
      baseUrl: 'https://mcc.example.com',
    });

  async function pending(kind: 'job_died' | 'weekly_digest' = 'job_died'): Promise<string> {
    const id = newId();
    await repos.notifications.insertMany([
      {
        id,
        business_id: businessId,
        user_id: userId,
        kind,
        title: 'A background job failed for good: webhook.deliver',
        body: 'The receiver answered 410.',
        link: `/w/${businessId}/jobs/j1`,
        subject_id: 'j1',
        facts: null,
        read_at: null,
        email_status: 'pending',
        created_at: AT,
      },
    ]);
    return id;
  }

  it('sends the email once, with a link to act and an unsubscribe link for its kind', async () => {
    const id = await pending();
    expect(await mails().send({ notification_id: id }, businessId)).toEqual({ outcome: 'sent' });
    expect(sent).toHaveLength(1);
    const [mail] = sent as [MailMessage];
    expect(mail.to).toBe('ada@example.com');
    expect(mail.subject).toBe('A background job failed for good: webhook.deliver · Acme & Co');
    expect(mail.text).toContain(`Open the job: https://mcc.example.com/w/${businessId}/jobs/j1`);
    const oneClick = /<([^>]+)>/.exec(mail.headers?.['List-Unsubscribe'] ?? '')?.[1] ?? '';
    const token = new URL(oneClick).searchParams.get('token') ?? '';
    expect(tokens.verify(token)).toEqual({ userId, businessId, kind: 'job_died' });
    // Run again (a retry after the send): nothing more goes out.
    expect(await mails().send({ notification_id: id }, businessId)).toMatchObject({ outcome: 'skipped' });
    expect(sent).toHaveLength(1);
  });

  it('reads the choice again when it runs: an email turned off after it was queued is not sent', async () => {
    const id = await pending('weekly_digest');
    await repos.notifications.savePreference(businessId, userId, 'weekly_digest', false, AT);
    expect(await mails().send({ notification_id: id }, businessId)).toEqual({
      outcome: 'skipped',
      reason: 'turned_off',
    });
    expect(sent).toEqual([]);
    const row = await database.db.selectFrom('notifications').select('email_status').executeTakeFirst();
    expect(row?.email_status).toBe('skipped');
  });

  it('sends nothing to someone who left the workspace since', async () => {
    const id = await pending();
    await repos.memberships.delete(businessId, userId);
    expect(await mails().send({ notification_id: id }, businessId)).toMatchObject({ outcome: 'skipped' });
    expect(sent).toEqual([]);
  });

  it('fails the attempt when the mail server does, leaving the email pending for the retry', async () => {
    const id = await pending();
    const failing = new NotificationMailService({
      repos,
      mailer: {
        send: async () => {
          throw new Error('421 Try again later');
        },
      },
      tokens,
      baseUrl: 'https://mcc.example.com',
    });
    await expect(failing.send({ notification_id: id }, businessId)).rejects.toThrow('421');
    expect(await mails().send({ notification_id: id }, businessId)).toEqual({ outcome: 'sent' });
  });
});
