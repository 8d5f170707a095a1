import type { InjectOptions } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { newId } from '#server/db/ids.js';
import { createRepositories } from '#server/repositories/index.js';
import { WeeklyDigestService } from '#server/services/notifications/weekly-digest.service.js';
import type { Business } from '#shared/business.schema.js';
import type { Campaign } from '#shared/campaign.schema.js';
import type { ContentItem } from '#shared/content.schema.js';
import type { IngestResult } from '#shared/inbox.schema.js';
import type { Job } from '#shared/jobs.schema.js';
import type { Notification, NotificationPage } from '#shared/notifications.schema.js';
import { addDays, startOfWeek, todayIn } from '#shared/zoned-time.js';
import { type AppWithJobs, startAppWithJobs } from '../support/app-with-jobs.js';
import { describeEachDialect } from '../support/databases.js';
import type { FakeOpenAI } from '../support/fake-openai/fake-openai.types.js';
import { startFakeOpenAI } from '../support/fake-openai/fake-openai-server.js';
import { addMemberAs, createWorkspaceAs, type MailPerson, signUpByEmail } from '../support/mail-accounts.js';
import { linkIn, type ReceivedMail, startSmtpServer, type TestSmtpServer } from '../support/smtp-server.js';

// Where notifications come from besides the review workflow: a publication that failed and the job that
// died with it, triage of an angry customer message, the AI budget's 80% and 100% marks, and the weekly
// digest. The real app, its job runtime, a real SMTP server and (for the budget) the fake model server.

const PUBLIC_URL = 'https://mcc.example.com';
/** gpt-4o-mini's list price in micro-dollars per token, and what the fake reports for each call. */
const PRICE = { input: 0.15, output: 0.6 };
const USAGE = { prompt_tokens: 1_000, completion_tokens: 2_000 };
const CALL_COST = PRICE.input * USAGE.prompt_tokens + PRICE.output * USAGE.completion_tokens;
const DRAFT = {
  variants: [
    {
      title: 'Autumn blend',
      body: 'Our autumn blend is roasted this week: caramel, plum and a long, sweet finish.',
      thread: [],
      hashtags: ['coffee'],
      call_to_action: 'Visit us this week',
      media_brief: '',
      preheader: '',
    },
  ],
};

describeEachDialect('where notifications come from', (create) => {
  let smtp: TestSmtpServer;
  let fake: FakeOpenAI;
  let running: AppWithJobs;
  let owner: MailPerson;
  let admin: MailPerson;
  let editor: MailPerson;
  let viewer: MailPerson;
  let business: Business;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    fake = await startFakeOpenAI();
  });
  afterAll(async () => {
    await smtp.close();
    await fake.close();
  });
  beforeEach(async () => {
    fake.reset();
    running = await startAppWithJobs(await create(), {
      env: {
        SMTP_URL: smtp.url,
        MAIL_FROM: 'mcc@example.com',
        PUBLIC_URL,
        OPENAI_BASE_URL: fake.url,
        OPENAI_API_KEY: 'server-key',
        AI_MODEL: 'gpt-4o-mini',
      },
    });
    const { app } = running.t;
    owner = await signUpByEmail(app, smtp, 'owner');
    business = await createWorkspaceAs(app, owner, 'Acme Bakery');
    admin = await signUpByEmail(app, smtp, 'admin');
    editor = await signUpByEmail(app, smtp, 'editor');
    viewer = await signUpByEmail(app, smtp, 'viewer');
    await addMemberAs(app, owner, business, admin, 'admin');
    await addMemberAs(app, owner, business, editor, 'editor');
    await addMemberAs(app, owner, business, viewer, 'viewer');
  });
  afterEach(() => running.stop());

  const as = (person: MailPerson, method: InjectOptions['method'], url: string, payload?: object) =>
    running.t.app.inject({ method, url, headers: person.auth, ...(payload ? { payload } : {}) });

  async function notificationsOf(person: MailPerson): Promise<Notification[]> {
    const response = await as(person, 'GET', `/api/business/${business.id}/notifications?limit=100`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<NotificationPage>().items;
  }

  const kindsOf = async (person: MailPerson) => (await notificationsOf(person)).map((item) => item.kind);

  async function mailTo(person: MailPerson, subject: string): Promise<ReceivedMail> {
    return vi.waitFor(
      () => {
        const mail = smtp.messages.find(
          (message) => message.to.includes(person.email) && message.subject.includes(subject),
        );
        if (!mail) throw new Error(`No mail “${subject}” to ${person.email} yet`);
        return mail;
      },
      { timeout: 10_000, interval: 20 },
    );
  }

  async function move(person: MailPerson, item: { id: string }, to: string, extra: object = {}) {
    const version = (await as(owner, 'GET', `/api/content/${item.id}`)).json<ContentItem>().version;
    const moved = await as(person, 'POST', `/api/content/${item.id}/transition`, { to, version, ...extra });
    expect(moved.statusCode, moved.body).toBe(200);
  }

  /**
   * An item written by the editor, approved and scheduled by the owner for `at` (a time, or a function
   * giving one just before the item is scheduled: on a loaded machine the steps before can take seconds).
   */
  async function scheduled(title: string, at: string | (() => string)): Promise<ContentItem> {
    const created = await as(editor, 'POST', '/api/content', {
      business_id: business.id,
      channel: 'facebook',
      title,
      body: 'Fresh sourdough every morning.',
    });
    expect(created.statusCode, created.body).toBe(201);
    const item = created.json<ContentItem>();
    await move(editor, item, 'in_review');
    await move(owner, item, 'approved');
    await move(owner, item, 'scheduled', { scheduled_at: typeof at === 'string' ? at : at() });
    return item;
  }

  it('tells the author and the owners that a post failed, and owners and admins that its job died', async () => {
    // No connector publishes Facebook: the job fails for good at the item's time.
    const item = await scheduled('Saturday bake', () => new Date(Date.now() + 1_000).toISOString());
    const failed = await vi.waitFor(
      async () => {
        const found = (await notificationsOf(editor)).find((entry) => entry.kind === 'publish_failed');
        if (!found) throw new Error('not yet');
        return found;
      },
      { timeout: 15_000, interval: 50 },
    );
    expect(failed).toMatchObject({
      title: '“Saturday bake” could not be published',
      link: `/w/${business.id}/content/${item.id}`,
    });
    expect(failed.body).toMatch(/^No publishing connector is set up for facebook/);

    const died = await vi.waitFor(
      async () => {
        const found = (await notificationsOf(admin)).find((entry) => entry.kind === 'job_died');
        if (!found) throw new Error('not yet');
        return found;
      },
      { timeout: 15_000, interval: 50 },
    );
    expect(died.title).toBe('A background job failed for good: content.publish');
    const jobId = died.link.split('/').at(-1) ?? '';
    const job = await as(admin, 'GET', `/api/jobs/${jobId}`);
    expect(job.json<Job>()).toMatchObject({ name: 'content.publish', state: 'dead' });

    expect(await kindsOf(owner)).toEqual(expect.arrayContaining(['publish_failed', 'job_died']));
    // The admin is not the author and not an owner; the editor cannot act on jobs; the viewer hears neither.
    expect(await kindsOf(admin)).not.toContain('publish_failed');
    expect(await kindsOf(editor)).not.toContain('job_died');
    expect(await kindsOf(viewer)).toEqual([]);

    const mail = await mailTo(editor, 'could not be published');
    expect(linkIn(mail).toString()).toBe(`${PUBLIC_URL}/w/${business.id}/content/${item.id}`);
    await mailTo(admin, 'failed for good');
  });

  it('tells those who reply about an urgent or negative message, or only its assignee', async () => {
    // The model reads complaints as urgent and negative, anything else as a neutral question.
    fake.setDefaultReply((call) => {
      const angry = /terrible|awful/.test(JSON.stringify(call.chat.messages));
      return {
        reply: {
          sentiment: angry ? 'negative' : 'neutral',
          intent: angry ? 'complaint' : 'question',
          priority: angry ? 'urgent' : 'normal',
          language: 'en',
          reasons: [],
        },
      };
    });
    const ingest = async (body: string, external: string) => {
      const response = await as(owner, 'POST', '/api/messages', {
        business_id: business.id,
        channel: 'instagram',
        external_id: external,
        customer: { external_id: `c-${external}`, name: 'Noor', handle: null },
        body,
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<IngestResult>();
    };
    const calm = await ingest('What time do you open on Sunday?', 'calm');
    const angry = await ingest('This is terrible, I want a refund now!', 'angry');
    const heard = await vi.waitFor(
      async () => {
        const found = (await notificationsOf(editor)).find((entry) => entry.kind === 'inbox_attention');
        if (!found) throw new Error('not yet');
        return found;
      },
      { timeout: 15_000, interval: 50 },
    );
    expect(heard).toMatchObject({
      title: 'Urgent and negative message from Noor',
      facts: {
        kind: 'inbox_attention',
        customer: 'Noor',
        urgent: true,
        negative: true,
        excerpt: 'This is terrible, I want a refund now!',
      },
      body: '“This is terrible, I want a refund now!”',
      link: `/w/${business.id}/inbox?conversation=${angry.conversation_id}`,
    });
    for (const person of [owner, admin]) expect(await kindsOf(person)).toEqual(['inbox_attention']);
    // Viewers do not reply; the calm question (classified before the angry one: one worker) told no one.
    expect(await kindsOf(viewer)).toEqual([]);
    const subjects = (await notificationsOf(owner)).map((entry) => entry.link);
    expect(subjects).not.toContain(`/w/${business.id}/inbox?conversation=${calm.conversation_id}`);

    // A rule that assigns complaints to the admin: only the admin hears of the next one.
    const rule = await as(owner, 'POST', '/api/inbox/rules', {
      business_id: business.id,
      name: 'Refunds to Admin',
      match: { keywords: ['refund'] },
      actions: { assignee_id: admin.id },
    });
    expect(rule.statusCode, rule.body).toBe(201);
    await ingest('Still no refund, this is awful!', 'angry-2');
    await vi.waitFor(
      async () => expect((await kindsOf(admin)).filter((kind) => kind === 'inbox_attention')).toHaveLength(2),
      { timeout: 15_000, interval: 50 },
    );
    expect(await kindsOf(editor)).toEqual(['inbox_attention']);
    expect(await kindsOf(owner)).toEqual(['inbox_attention']);
  });

  it('tells owners and admins once each when the month’s AI spending reaches 80% and 100% of the budget', async () => {
    fake.setDefaultReply(async () => ({ reply: DRAFT, usage: USAGE }));
    const budget = await as(owner, 'PUT', `/api/business/${business.id}/ai-budget`, {
      monthly_limit_micro_usd: 5 * CALL_COST,
    });
    expect(budget.statusCode, budget.body).toBe(200);
    const write = (take: number) =>
      as(editor, 'POST', '/api/ai/tasks/writeContent', {
        business_id: business.id,
        input: { channel: 'linkedin', format: 'post', brief: `Our autumn blend, take ${take}` },
      });
    const budgetNotices = async (person: MailPerson) =>
      (await notificationsOf(person))
        .filter((entry) => entry.kind === 'ai_budget')
        .map((entry) => entry.title);

    for (const take of [1, 2, 3]) expect((await write(take)).statusCode).toBe(200);
    expect(await budgetNotices(owner)).toEqual([]);
    expect((await write(4)).statusCode).toBe(200); // 80%
    expect(await budgetNotices(owner)).toEqual(['The monthly AI budget is 80% spent']);
    expect((await write(5)).statusCode).toBe(200); // 100%
    expect((await write(6)).statusCode).toBe(402); // refused: no third notice
    for (const person of [owner, admin]) {
      expect(await budgetNotices(person)).toEqual([
        'The monthly AI budget is spent',
        'The monthly AI budget is 80% spent',
      ]);
    }
    const [spent] = (await notificationsOf(owner)).filter((entry) => entry.kind === 'ai_budget');
    expect(spent?.facts).toEqual({
      kind: 'ai_budget',
      threshold: 100,
      spent_micro_usd: 5 * CALL_COST,
      limit_micro_usd: 5 * CALL_COST,
    });
    expect(await budgetNotices(editor)).toEqual([]);
    const mail = await mailTo(admin, 'The monthly AI budget is 80% spent');
    expect(mail.text).toContain(`${PUBLIC_URL}/w/${business.id}/settings/ai`);
  });

  it('sends every member a weekly digest once: the week ahead and the campaigns against their forecast', async () => {
    const monday = startOfWeek(addDays(todayIn('UTC'), 7));
    await scheduled('Tuesday loaves', `${addDays(monday, 1)}T09:30:00.000Z`);
    const campaign = await as(owner, 'POST', '/api/campaign/', {
      business_id: business.id,
      name: 'Spring launch',
      objective: 'awareness',
      channels: ['facebook'],
      start_date: addDays(monday, -14),
      end_date: addDays(monday, 14),
      kpis: [{ metric: 'clicks', target: 500 }],
    });
    expect(campaign.statusCode, campaign.body).toBe(201);
    const activated = await as(owner, 'PATCH', `/api/campaign/${campaign.json<Campaign>().id}`, {
      status: 'active',
    });
    expect(activated.statusCode, activated.body).toBe(200);

    const queue = running.t.services.jobQueue;
    const first = await queue.enqueue({
      name: 'notifications.weekly_digest',
      businessId: business.id,
      payload: { week: monday },
    });
    const mail = await mailTo(viewer, 'The week ahead');
    expect(mail.subject).toBe('The week ahead: 1 post goes out · Acme Bakery');
    expect(mail.text).toContain('• Tue 09:30 · facebook · Tuesday loaves');
    expect(mail.text).toContain('No results were recorded last week.');
    expect(mail.text).toMatch(/Spring launch \(day \d+ of 29\): no forecast yet; KPIs: clicks /);
    expect(linkIn(mail).toString()).toBe(`${PUBLIC_URL}/w/${business.id}/calendar`);
    for (const person of [owner, admin, editor, viewer]) {
      expect(await kindsOf(person)).toContain('weekly_digest');
    }
    const digest = (await notificationsOf(viewer)).find((entry) => entry.kind === 'weekly_digest');
    expect(digest?.facts).toMatchObject({
      kind: 'weekly_digest',
      upcoming_count: 1,
      upcoming: [
        { label: 'Tuesday loaves', channel: 'facebook', scheduled_at: `${addDays(monday, 1)}T09:30:00.000Z` },
      ],
      last_week: { impressions: 0, engagements: 0, clicks: 0, conversions: 0 },
      campaigns: [{ name: 'Spring launch', days_total: 29, forecast: null, kpis: [{ metric: 'clicks' }] }],
    });

    // A second run for the same week (a retry, another process) tells no one again.
    const second = await queue.enqueue({
      name: 'notifications.weekly_digest',
      businessId: business.id,
      payload: { week: monday },
    });
    expect(second).not.toBe(first);
    await vi.waitFor(async () => expect((await queue.get(business.id, second))?.state).toBe('succeeded'));
    expect((await queue.get(business.id, second))?.result).toEqual({ recipients: 0 });
    expect((await notificationsOf(viewer)).filter((entry) => entry.kind === 'weekly_digest')).toHaveLength(1);
  });

  it('queues each workspace’s digest once on its Monday morning, and emails whose job was never queued', async () => {
    const { services, database } = running.t;
    const repos = createRepositories(database.db, database.dialect);
    const paris = await as(owner, 'PATCH', `/api/business/${business.id}`, { time_zone: 'Europe/Paris' });
    expect(paris.statusCode, paris.body).toBe(200);
    // A notification made while the queue was down: its email is pending, with no job. On a Wednesday, so
    // that the schedule run an hour later is nobody's Monday morning (the real clock once was one).
    const made = Date.UTC(2030, 1, 27, 10, 0);
    await repos.notifications.insertMany([
      {
        id: newId(),
        business_id: business.id,
        user_id: editor.id,
        kind: 'content_approved',
        title: 'Owner approved “Queue was down”',
        body: 'It can be scheduled now.',
        link: `/w/${business.id}/calendar`,
        subject_id: null,
        facts: null,
        read_at: null,
        email_status: 'pending',
        created_at: new Date(made).toISOString(),
      },
    ]);
    // A Monday, 07:30 UTC: 08:30 in Paris, where the digest is due.
    const monday = new Date(Date.UTC(2030, 2, 4, 7, 30));
    const digests = (now: Date) =>
      new WeeklyDigestService({
        repos,
        notifications: services.notifications,
        reports: services.analyticsReports,
        queue: services.jobQueue,
        now: () => now,
      });
    const other = await createWorkspaceAs(running.t.app, viewer, 'Elsewhere'); // UTC: 07:30, not yet
    expect(await digests(new Date(made + 3_600_000)).schedule()).toMatchObject({ emails: 1 });
    await mailTo(editor, 'Queue was down');
    expect(await digests(monday).schedule()).toMatchObject({ digests: 1 });
    expect(await digests(new Date(monday.getTime() + 3_600_000)).schedule()).toMatchObject({ digests: 2 });
    const jobs = await database.db
      .selectFrom('jobs')
      .select(['business_id', 'payload'])
      .where('name', '=', 'notifications.weekly_digest')
      .execute();
    // One job per workspace and week however often the schedule runs.
    expect(jobs.map((job) => [job.business_id, JSON.parse(job.payload)]).sort()).toEqual(
      [
        [business.id, { week: '2030-03-04' }],
        [other.id, { week: '2030-03-04' }],
      ].sort(),
    );
  });
});
