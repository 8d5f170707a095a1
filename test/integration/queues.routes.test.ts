import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Business } from '#shared/business.schema.js';
import type { ConnectorWithSecret } from '#shared/connector.schema.js';
import type { ContentItem } from '#shared/content.schema.js';
import type { Problem } from '#shared/problem.schema.js';
import type { ChannelQueue, Queues } from '#shared/queues.schema.js';
import { addMember, createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { createContent } from '../factories/marketing.js';
import { describeEachDialect } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

// Queues over HTTP on a fixed clock: Monday 22 March 2027, 11:00 in Paris. Europe springs forward on
// Sunday 28 March, so a Tuesday 09:00 slot is 08:00 UTC on the 23rd and 07:00 UTC from the 30th on.

const START = Date.parse('2027-03-22T10:00:00.000Z');
const DAY = 86_400_000;

describeEachDialect('queues', (create) => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  let owner: TestAccount;
  let editor: TestAccount;
  let stranger: TestAccount;
  let business: Business;
  let clock = START;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    t = await createTestApp(
      await create(),
      { OUTBOUND_ALLOWED_HOSTS: '127.0.0.1' },
      { now: () => new Date(clock) },
    );
    owner = await registerAccount(t.app);
    editor = await registerAccount(t.app);
    stranger = await registerAccount(t.app);
    business = await createBusiness(t.app, owner);
    await addMember(t.app, owner, business, editor, 'editor');
    await createBusiness(t.app, stranger, 'Elsewhere');
    await t.database.db
      .updateTable('businesses')
      .set({ time_zone: 'Europe/Paris' })
      .where('id', '=', business.id)
      .execute();
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  const call = (account: TestAccount, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: account.auth, ...(payload ? { payload } : {}) });
  const queuesUrl = (businessId = business.id) => `/api/business/${businessId}/queues`;
  const linkedinOf = (queues: Queues) => queues.channels.find((queue) => queue.channel === 'linkedin');
  const item = async (id: string) => (await call(owner, 'GET', `/api/content/${id}`)).json<ContentItem>();
  const queue = (account: TestAccount, content: ContentItem) =>
    call(account, 'POST', `/api/content/${content.id}/queue`, { version: content.version });
  const walkToApproved = async (content: ContentItem) => {
    for (const to of ['in_review', 'approved']) {
      const current = await item(content.id);
      const moved = await call(owner, 'POST', `/api/content/${content.id}/transition`, {
        to,
        version: current.version,
      });
      expect(moved.statusCode, moved.body).toBe(200);
    }
    return item(content.id);
  };

  it('offers the network’s times until the workspace sets its own, and says best times need results', async () => {
    const before = await call(editor, 'GET', queuesUrl());
    expect(before.statusCode, before.body).toBe(200);
    const queues = before.json<Queues>();
    expect(queues.time_zone).toBe('Europe/Paris');
    expect(linkedinOf(queues)).toMatchObject({
      uses_defaults: true,
      slots: [
        { weekday: 2, time: '10:00' },
        { weekday: 2, time: '11:00' },
        { weekday: 3, time: '10:00' },
        { weekday: 3, time: '11:00' },
        { weekday: 4, time: '10:00' },
        { weekday: 4, time: '11:00' },
      ],
      suggested: { basis: 'channel_rules', results: 0, needed: 10 },
    });

    const refused = await call(editor, 'PUT', `${queuesUrl()}/linkedin`, { slots: [] });
    expect(refused.statusCode).toBe(403);

    const bad = await call(owner, 'PUT', `${queuesUrl()}/linkedin`, {
      slots: [
        { weekday: 8, time: '09:00' },
        { weekday: 2, time: '9am' },
        { weekday: 2, time: '09:00' },
        { weekday: 2, time: '09:00' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(
      bad
        .json<Problem>()
        .errors?.map((error) => error.path)
        .sort(),
    ).toEqual(['body.slots.0.weekday', 'body.slots.1.time', 'body.slots.3']);

    const saved = await call(owner, 'PUT', `${queuesUrl()}/linkedin`, {
      slots: [{ weekday: 2, time: '09:00' }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<ChannelQueue>()).toMatchObject({
      uses_defaults: false,
      slots: [{ weekday: 2, time: '09:00' }],
    });
    expect(linkedinOf((await call(owner, 'GET', queuesUrl())).json<Queues>())?.slots).toEqual([
      { weekday: 2, time: '09:00' },
    ]);
  });

  it('answers 404 for another workspace’s queues and items', async () => {
    const mine = await createContent(t.app, owner, business.id, { channel: 'linkedin' });
    for (const response of [
      await call(stranger, 'GET', queuesUrl()),
      await call(stranger, 'PUT', `${queuesUrl()}/linkedin`, { slots: [] }),
      await queue(stranger, mine),
      await call(stranger, 'POST', `/api/content/${mine.id}/duplicate`),
    ]) {
      expect(response.statusCode, response.body).toBe(404);
    }
    await t.database.db.deleteFrom('content_items').where('id', '=', mine.id).execute();
  });

  it('takes the next free slot, on the wall clock across the change of time, and schedules approved work', async () => {
    const first = await createContent(t.app, editor, business.id, { channel: 'linkedin', body: 'One' });
    const planned = await queue(editor, first);
    expect(planned.statusCode, planned.body).toBe(200);
    expect(planned.json<ContentItem>()).toMatchObject({
      status: 'draft',
      scheduled_at: '2027-03-23T08:00:00.000Z',
    });

    const second = await createContent(t.app, editor, business.id, { channel: 'linkedin', body: 'Two' });
    expect((await queue(editor, second)).json<ContentItem>().scheduled_at).toBe('2027-03-30T07:00:00.000Z');
    const stale = await queue(editor, second);
    expect(stale.json<Problem>().code).toBe('version_conflict');

    const approved = await walkToApproved(
      await createContent(t.app, owner, business.id, {
        channel: 'linkedin',
        body: 'Three',
        evergreen_days: 7,
      }),
    );
    expect((await queue(editor, approved)).statusCode).toBe(403);
    const scheduled = await queue(owner, approved);
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    expect(scheduled.json<ContentItem>()).toMatchObject({
      status: 'scheduled',
      scheduled_at: '2027-04-06T07:00:00.000Z',
      evergreen_days: 7,
    });
    expect((await item(approved.id)).status).toBe('scheduled');
  });

  it('gives requests that arrive together different slots', async () => {
    const items = await Promise.all(
      ['A', 'B', 'C', 'D'].map((body) => createContent(t.app, editor, business.id, { channel: 'x', body })),
    );
    const answers = await Promise.all(items.map((content) => queue(editor, content)));
    const slots = answers.map((answer) => {
      expect(answer.statusCode, answer.body).toBe(200);
      return answer.json<ContentItem>().scheduled_at;
    });
    expect(new Set(slots).size).toBe(items.length);
  });

  it('duplicates an item as a new draft with its text and media, and no time', async () => {
    const original = await createContent(t.app, owner, business.id, {
      channel: 'linkedin',
      title: 'Rye day',
      body: 'Dark rye, every Saturday.',
      hashtags: ['rye'],
      media_brief: 'A loaf on the counter',
      scheduled_at: new Date(START + 3 * DAY).toISOString(),
    });
    const mediaId = crypto.randomUUID();
    const at = new Date(START).toISOString();
    await t.database.db
      .insertInto('media_items')
      .values({
        id: mediaId,
        business_id: business.id,
        kind: 'image',
        name: 'loaf.jpg',
        mime_type: 'image/jpeg',
        size_bytes: 10,
        stored_bytes: 10,
        status: 'ready',
        failure: null,
        note: null,
        width: 1200,
        height: 800,
        video: null,
        focal_x: 0.5,
        focal_y: 0.5,
        alt_text: 'A rye loaf',
        tags: '[]',
        renditions: '[]',
        created_by: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const attached = await call(owner, 'PUT', `/api/content/${original.id}/media`, {
      version: original.version,
      media_ids: [mediaId],
    });
    expect(attached.statusCode, attached.body).toBe(200);

    const response = await call(editor, 'POST', `/api/content/${original.id}/duplicate`);
    expect(response.statusCode, response.body).toBe(201);
    const copy = response.json<ContentItem>();
    expect(copy.id).not.toBe(original.id);
    expect(copy).toMatchObject({
      status: 'draft',
      scheduled_at: null,
      published_at: null,
      channel: 'linkedin',
      title: 'Rye day',
      body: 'Dark rye, every Saturday.',
      hashtags: ['rye'],
      media_brief: 'A loaf on the counter',
      version: 1,
    });
    expect(copy.media.map((media) => media.id)).toEqual([mediaId]);
  });

  it('re-queues a published evergreen item at the first free slot its gap allows, once', async () => {
    const connector = await call(owner, 'POST', '/api/connectors', {
      business_id: business.id,
      kind: 'webhook',
      name: 'Zapier',
      settings: { url: receiver.url },
    });
    expect(connector.statusCode, connector.body).toBe(201);
    expect(connector.json<ConnectorWithSecret>().connector.enabled).toBe(true);
    const [evergreen] = await t.database.db
      .selectFrom('content_items')
      .selectAll()
      .where('business_id', '=', business.id)
      .where('evergreen_days', '=', 7)
      .execute();
    if (!evergreen?.scheduled_at || !evergreen.publish_job_id)
      throw new Error('the evergreen item is not scheduled');

    // The publish job runs at the item's time.
    clock = Date.parse(evergreen.scheduled_at);
    const context = (jobId: string) => ({
      jobId,
      businessId: business.id,
      attempt: 1,
      signal: new AbortController().signal,
      reportProgress: async () => {},
      afterSettled: () => {},
    });
    const published = await t.services.publishing.publish(
      { content_item_id: evergreen.id, scheduled_at: evergreen.scheduled_at },
      context(evergreen.publish_job_id),
    );
    expect(published).toMatchObject({ outcome: 'published', evergreen: { job_id: expect.any(String) } });
    const jobId =
      published.outcome === 'published' && published.evergreen && 'job_id' in published.evergreen
        ? published.evergreen.job_id
        : '';
    const job = await t.database.db
      .selectFrom('jobs')
      .select(['name', 'payload'])
      .where('id', '=', jobId)
      .executeTakeFirst();
    expect(job?.name).toBe('content.requeue_evergreen');

    // Published 6 April 07:00 UTC with a 7-day gap: Tuesday 13 April 09:00 in Paris is exactly far enough.
    const requeued = await t.services.queues.requeueEvergreen(
      { content_item_id: evergreen.id },
      context(jobId),
    );
    expect(requeued).toMatchObject({ outcome: 'queued', scheduled_at: '2027-04-13T07:00:00.000Z' });
    const copyId = requeued.outcome === 'queued' ? requeued.content_item_id : '';
    expect(await item(copyId)).toMatchObject({
      status: 'scheduled',
      scheduled_at: '2027-04-13T07:00:00.000Z',
      evergreen_days: 7,
      evergreen_of: evergreen.id,
      body: 'Three',
    });
    const copyRow = await t.database.db
      .selectFrom('content_items')
      .select('publish_job_id')
      .where('id', '=', copyId)
      .executeTakeFirst();
    expect(copyRow?.publish_job_id).toEqual(expect.any(String));

    const again = await t.services.queues.requeueEvergreen({ content_item_id: evergreen.id }, context(jobId));
    expect(again.outcome).toBe('skipped');
    clock = START;
  });
});
