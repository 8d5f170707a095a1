import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Business } from '#shared/business.schema.js';
import type { ContentHistoryEntry, ContentItem } from '#shared/content.schema.js';
import type { Problem } from '#shared/problem.schema.js';
import { createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { createCampaign, createContent } from '../factories/marketing.js';
import { describeEachDialect } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
type Page = { items: ContentItem[]; next_cursor: string | null };
const FAMILY = '👩‍👩‍👧';

describeEachDialect('content routes', (create) => {
  let t: TestApp;
  let owner: TestAccount;
  let business: Business;

  beforeEach(async () => {
    t = await createTestApp(await create());
    owner = await registerAccount(t.app);
    business = await createBusiness(t.app, owner);
  });
  afterEach(() => t.close());

  const as = (account: TestAccount, method: Method, url: string, payload?: object) =>
    t.app.inject({ method, url, headers: account.auth, ...(payload ? { payload } : {}) });
  const save = (fields: Record<string, unknown>) =>
    as(owner, 'POST', '/api/content', { business_id: business.id, channel: 'x', ...fields });

  it('creates, reads, edits and deletes an item, and records its history', async () => {
    const campaign = await createCampaign(t.app, owner, business.id);
    const created = await save({
      title: 'Sourdough Saturday',
      body: 'Fresh sourdough every Saturday.',
      hashtags: ['#bread', 'sourdough'],
      pillar: 'Behind the scenes',
      campaign_id: campaign.id,
      scheduled_at: '2026-03-07T09:30:00+01:00',
    });
    expect(created.statusCode, created.body).toBe(201);
    const item = created.json<ContentItem>();
    expect(item).toMatchObject({
      status: 'draft',
      version: 1,
      format: 'post',
      scheduled_at: '2026-03-07T08:30:00.000Z',
      campaign_id: campaign.id,
      created_by: owner.session.user.id,
      warnings: [],
    });
    expect((await as(owner, 'GET', `/api/content/${item.id}`)).json()).toEqual(item);

    const edited = await as(owner, 'PATCH', `/api/content/${item.id}`, {
      version: 1,
      body: 'Fresh sourdough, every Saturday morning.',
      pillar: null,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ version: 2, pillar: null, updated_by: owner.session.user.id });
    // Saving the same values again changes nothing and keeps the version.
    const noop = await as(owner, 'PATCH', `/api/content/${item.id}`, { version: 2, pillar: null });
    expect(noop.json()).toMatchObject({ version: 2 });

    const history = await as(owner, 'GET', `/api/content/${item.id}/history`);
    expect(
      history.json<{ items: ContentHistoryEntry[] }>().items.map((e) => [e.action, e.version, e.snapshot]),
    ).toEqual([
      ['created', 1, { status: 'draft' }],
      ['edited', 2, { body: 'Fresh sourdough, every Saturday morning.', pillar: null }],
    ]);

    expect((await as(owner, 'DELETE', `/api/content/${item.id}`)).statusCode).toBe(204);
    expect((await as(owner, 'GET', `/api/content/${item.id}`)).statusCode).toBe(404);
    expect((await as(owner, 'GET', `/api/content/${item.id}/history`)).statusCode).toBe(404);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown channel', { channel: 'myspace' }, 'body.channel'],
    ['an unknown format', { format: 'hologram' }, 'body.format'],
    ['a status past draft', { status: 'approved' }, 'body.status'],
    ['a bad hashtag', { hashtags: ['two words'] }, 'body.hashtags.0'],
    ['a time without zone', { scheduled_at: '2026-03-07T09:30:00' }, 'body.scheduled_at'],
    ['an unknown field', { version: 3 }, 'body.version'],
    ['a malformed campaign id', { campaign_id: 'abc' }, 'body.campaign_id'],
  ])('refuses %s field by field', async (_name, fields, path) => {
    const response = await save({ body: 'Hello', ...fields });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json<Problem>().errors?.map((error) => error.path)).toContain(path);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    [
      'X over 280',
      { channel: 'x', body: 'a'.repeat(281) },
      'body.body',
      'X allows 280 characters; this has 281',
    ],
    [
      'Bluesky over 300 graphemes (emoji families count one each)',
      { channel: 'bluesky', body: FAMILY.repeat(301) },
      'body.body',
      'Bluesky allows 300 characters (graphemes); this has 301',
    ],
    [
      'SMS over ten segments',
      { channel: 'sms', body: 'a'.repeat(1531) },
      'body.body',
      'Send at most 10 segments; this has 11',
    ],
    [
      'an X thread post over 280',
      { channel: 'x', format: 'thread', body: 'One', thread: ['b'.repeat(281)] },
      'body.thread.0',
      'X allows 280 characters; this has 281',
    ],
    [
      'Threads with two hashtags',
      { channel: 'threads', body: 'Hi', hashtags: ['a', 'b'] },
      'body.hashtags',
      'Threads allows 1 hashtag; this has 2',
    ],
    [
      'an email subject over 78',
      { channel: 'email', format: 'email', title: 's'.repeat(79), body: 'Hi' },
      'body.title',
      'The subject takes 78 characters; this has 79',
    ],
  ])('answers 422 for %s, naming the limit and the count', async (_name, fields, path, detail) => {
    const response = await save(fields);
    expect(response.statusCode, response.body).toBe(422);
    const problem = response.json<Problem>();
    expect(problem).toMatchObject({ code: 'over_channel_limit', detail });
    expect(problem.errors?.[0]).toMatchObject({ path, message: detail });
    // The facts the sentence names, for a client that words it in another language.
    expect(problem.errors?.[0]?.facts).toMatchObject({
      code: problem.errors?.[0]?.code,
      channel: fields.channel,
      count: expect.any(Number),
      limit: expect.any(Number),
    });
  });

  it('saves text right at the limit, and advice that does not block', async () => {
    expect((await save({ channel: 'x', body: 'a'.repeat(280) })).statusCode).toBe(201);
    expect((await save({ channel: 'bluesky', body: FAMILY.repeat(300) })).statusCode).toBe(201);
    const sms = (await save({ channel: 'sms', body: 'a'.repeat(161) })).json<ContentItem>();
    expect(sms.warnings).toEqual([expect.objectContaining({ field: 'body', code: 'multi_segment' })]);
    const email = await save({ channel: 'email', format: 'email', title: 's'.repeat(61), body: 'Hi' });
    expect(email.statusCode).toBe(201);
    expect(email.json<ContentItem>().warnings[0]).toMatchObject({ field: 'title', code: 'long_subject' });
    // Ideas may start empty; the body is needed only when the item is submitted.
    expect((await save({ status: 'idea', title: 'Easter idea' })).statusCode).toBe(201);
  });

  it('checks the limit against the merged item on PATCH, and writes nothing when over', async () => {
    const item = await createContent(t.app, owner, business.id, { channel: 'bluesky', body: 'Short' });
    const over = await as(owner, 'PATCH', `/api/content/${item.id}`, { version: 1, body: 'é'.repeat(301) });
    expect(over.statusCode).toBe(422);
    // Switching the channel re-checks the existing text against the new network.
    const long = await as(owner, 'PATCH', `/api/content/${item.id}`, { version: 1, body: 'b'.repeat(290) });
    expect(long.statusCode).toBe(200);
    const toX = await as(owner, 'PATCH', `/api/content/${item.id}`, { version: 2, channel: 'x' });
    expect(toX.json<Problem>()).toMatchObject({ code: 'over_channel_limit' });
    expect((await as(owner, 'GET', `/api/content/${item.id}`)).json()).toMatchObject({
      version: 2,
      channel: 'bluesky',
    });
  });

  it('filters a calendar range and pages it without duplicates or gaps', async () => {
    const campaign = await createCampaign(t.app, owner, business.id);
    const ids: string[] = [];
    // Two items per day at the same instant, so the id must break ties; one day outside the range.
    for (let day = 1; day <= 6; day += 1) {
      for (const channel of ['x', 'linkedin'] as const) {
        const item = await createContent(t.app, owner, business.id, {
          channel,
          pillar: day % 2 === 0 ? 'Tips' : 'Offers',
          campaign_id: channel === 'x' ? campaign.id : null,
          scheduled_at: `2026-03-0${day}T10:00:00Z`,
        });
        if (day <= 5) ids.push(item.id);
      }
    }
    await createContent(t.app, owner, business.id, { body: 'Unscheduled' });
    const range = `business_id=${business.id}&from=2026-03-01T00:00:00Z&to=2026-03-06T00:00:00Z`;
    const paged: ContentItem[] = [];
    let cursor: string | null = null;
    do {
      const response = await as(
        owner,
        'GET',
        `/api/content?${range}&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(response.statusCode, response.body).toBe(200);
      const page: Page = response.json<Page>();
      paged.push(...page.items);
      cursor = page.next_cursor;
    } while (cursor);
    expect(paged.map((item) => item.id).sort()).toEqual([...ids].sort());
    expect(new Set(paged.map((item) => item.id)).size).toBe(10);
    const times = paged.map((item) => item.scheduled_at ?? '');
    expect(times).toEqual([...times].sort());

    const get = async (query: string) =>
      (await as(owner, 'GET', `/api/content?${range}&${query}`)).json<Page>().items;
    expect(await get('channel=linkedin')).toHaveLength(5);
    expect(await get('pillar=Tips')).toHaveLength(4);
    expect(await get(`campaign_id=${campaign.id}&pillar=Offers`)).toHaveLength(3);
    expect(await get('status=approved')).toHaveLength(0);
    // A range given in another offset means the same instants.
    const offset = await as(
      owner,
      'GET',
      `/api/content?business_id=${business.id}&from=${encodeURIComponent('2026-03-06T11:00:00+01:00')}`,
    );
    expect(offset.json<Page>().items).toHaveLength(2);
    // Without a range: the whole library, newest first, unscheduled items included.
    const library = (
      await as(owner, 'GET', `/api/content?business_id=${business.id}&limit=200`)
    ).json<Page>();
    expect(library.items).toHaveLength(13);
    expect(library.items[0]?.body).toBe('Unscheduled');

    const bad = await as(owner, 'GET', `/api/content?${range}&cursor=${btoa('["library","","x"]')}`);
    expect(bad.statusCode).toBe(400);
  });

  it('answers 404 — never 403 — for another tenant’s items on every route, and never links their campaign', async () => {
    const item = await createContent(t.app, owner, business.id);
    const campaign = await createCampaign(t.app, owner, business.id);
    const stranger = await registerAccount(t.app);
    const theirs = await createBusiness(t.app, stranger, 'Stranger Things');
    const calls: Array<[Method, string, object?]> = [
      ['GET', `/api/content/${item.id}`],
      ['PATCH', `/api/content/${item.id}`, { version: 1, body: 'Pwned' }],
      ['DELETE', `/api/content/${item.id}`],
      ['POST', `/api/content/${item.id}/transition`, { to: 'in_review', version: 1 }],
      ['GET', `/api/content/${item.id}/history`],
      ['GET', `/api/content?business_id=${business.id}`],
      ['POST', '/api/content', { business_id: business.id, channel: 'x', body: 'Spam' }],
      ['POST', '/api/content/bulk', { business_id: business.id, ids: [item.id], action: 'delete' }],
    ];
    for (const [method, url, payload] of calls) {
      const response = await as(stranger, method, url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.json<Problem>().code).toBe('not_found');
    }
    // Their own workspace cannot reach our item or our campaign either.
    const theirBulk = await as(stranger, 'POST', '/api/content/bulk', {
      business_id: theirs.id,
      ids: [item.id],
      action: 'delete',
    });
    expect(theirBulk.statusCode).toBe(422);
    expect(theirBulk.json<Problem>().errors).toEqual([
      { path: 'body.ids.0', code: 'not_found', message: 'No such content item' },
    ]);
    const link = await as(stranger, 'POST', '/api/content', {
      business_id: theirs.id,
      channel: 'x',
      body: 'Mine',
      campaign_id: campaign.id,
    });
    expect(link.statusCode).toBe(404);
    expect(link.json<Problem>().errors?.[0]?.path).toBe('body.campaign_id');
    const own = await createContent(t.app, stranger, theirs.id);
    const relink = await as(stranger, 'PATCH', `/api/content/${own.id}`, {
      version: 1,
      campaign_id: campaign.id,
    });
    expect(relink.statusCode).toBe(404);
    expect((await as(stranger, 'GET', `/api/content/${own.id}`)).json()).toMatchObject({ campaign_id: null });
    const filter = await as(
      stranger,
      'GET',
      `/api/content?business_id=${theirs.id}&campaign_id=${campaign.id}`,
    );
    expect(filter.json<Page>().items).toEqual([]);
    expect((await as(owner, 'GET', `/api/content/${item.id}`)).json()).toMatchObject({ version: 1 });
  });

  it('stores SQL-injection strings as plain text and filters on them safely', async () => {
    const nasty = "'; DELETE FROM content_items; --";
    const item = await createContent(t.app, owner, business.id, {
      title: nasty,
      body: `Robert'); DROP TABLE content_items;-- ${nasty}`,
      pillar: "' OR '1'='1",
      call_to_action: '" OR ""="',
    });
    const read = (await as(owner, 'GET', `/api/content/${item.id}`)).json<ContentItem>();
    expect(read).toMatchObject({ title: nasty, pillar: "' OR '1'='1" });
    const byPillar = await as(
      owner,
      'GET',
      `/api/content?business_id=${business.id}&pillar=${encodeURIComponent("' OR '1'='1")}`,
    );
    expect(byPillar.json<Page>().items.map((i) => i.id)).toEqual([item.id]);
    const miss = await as(
      owner,
      'GET',
      `/api/content?business_id=${business.id}&pillar=${encodeURIComponent("x' OR 1=1 --")}`,
    );
    expect(miss.json<Page>().items).toEqual([]);
  });
});
