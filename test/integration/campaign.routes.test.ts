import { afterEach, beforeEach, expect, it } from 'vitest';
import type { AuditEntry, Business } from '#shared/business.schema.js';
import type { Campaign } from '#shared/campaign.schema.js';
import type { Problem } from '#shared/problem.schema.js';
import { addMember, createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { createCampaign, createContent } from '../factories/marketing.js';
import { describeEachDialect } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
type Page = { items: Campaign[]; next_cursor: string | null };

describeEachDialect('campaign routes', (create) => {
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
  const valid = () => ({
    business_id: business.id,
    name: 'Spring launch',
    objective: 'sales',
    channels: ['instagram', 'email'],
    budget_minor: 150_000,
    currency: 'EUR',
    start_date: '2026-03-01',
    end_date: '2026-03-31',
    kpis: [{ metric: 'orders', target: 120 }],
  });

  it('creates, reads, updates and deletes a campaign, with audit entries', async () => {
    const created = await as(owner, 'POST', '/api/campaign/', valid());
    expect(created.statusCode, created.body).toBe(201);
    const campaign = created.json<Campaign>();
    expect(campaign).toMatchObject({ ...valid(), status: 'draft', created_by: owner.session.user.id });

    expect((await as(owner, 'GET', `/api/campaign/${campaign.id}`)).json()).toEqual(campaign);
    const updated = await as(owner, 'PATCH', `/api/campaign/${campaign.id}`, {
      name: 'Spring launch 2026',
      status: 'active',
      kpis: [{ metric: 'orders', target: 150 }],
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({
      name: 'Spring launch 2026',
      status: 'active',
      budget_minor: 150_000,
    });

    expect((await as(owner, 'DELETE', `/api/campaign/${campaign.id}`)).statusCode).toBe(204);
    expect((await as(owner, 'GET', `/api/campaign/${campaign.id}`)).statusCode).toBe(404);
    const audit = await as(owner, 'GET', `/api/business/${business.id}/audit-log`);
    expect(audit.json<{ items: AuditEntry[] }>().items.map((entry) => [entry.action, entry.details])).toEqual(
      [
        ['campaign.deleted', { name: 'Spring launch 2026' }],
        ['campaign.status_changed', { from: 'draft', to: 'active' }],
        ['campaign.created', { name: 'Spring launch' }],
        ['business.created', { name: 'Acme Bakery' }],
      ],
    );
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['end before start', { end_date: '2026-02-28' }, 'body.end_date'],
    ['an unknown channel', { channels: ['myspace'] }, 'body.channels.0'],
    ['no channel', { channels: [] }, 'body.channels'],
    ['a channel twice', { channels: ['x', 'x'] }, 'body.channels'],
    ['a negative budget', { budget_minor: -1 }, 'body.budget_minor'],
    ['a fractional budget', { budget_minor: 10.5 }, 'body.budget_minor'],
    ['a lower-case currency', { currency: 'eur' }, 'body.currency'],
    ['an unknown objective', { objective: 'fame' }, 'body.objective'],
    ['an impossible date', { start_date: '2026-02-30' }, 'body.start_date'],
    [
      'too many KPIs',
      { kpis: Array.from({ length: 11 }, (_, i) => ({ metric: `m${i}`, target: 1 })) },
      'body.kpis',
    ],
    [
      'a KPI twice',
      {
        kpis: [
          { metric: 'a', target: 1 },
          { metric: 'A', target: 2 },
        ],
      },
      'body.kpis',
    ],
    ['a negative KPI target', { kpis: [{ metric: 'a', target: -1 }] }, 'body.kpis.0.target'],
    ['an unknown field', { status: 'active' }, 'body.status'],
    ['an unknown KPI field', { kpis: [{ metric: 'a', target: 1, weight: 2 }] }, 'body.kpis.0.weight'],
  ])('refuses %s field by field', async (_name, override, path) => {
    const response = await as(owner, 'POST', '/api/campaign/', { ...valid(), ...override });
    expect(response.statusCode, response.body).toBe(400);
    const problem = response.json<Problem>();
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors?.map((error) => error.path)).toContain(path);
  });

  it('prices a campaign without a currency in the workspace’s: EUR for a Lisbon workspace in English', async () => {
    const patched = await as(owner, 'PATCH' as Method, `/api/business/${business.id}`, {
      time_zone: 'Europe/Lisbon',
      locale: 'en-GB',
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const { currency: _omitted, ...body } = valid();
    const created = await as(owner, 'POST', '/api/campaign/', body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<Campaign>().currency).toBe('EUR');
    // A currency given is kept.
    const dollars = await as(owner, 'POST', '/api/campaign/', { ...body, currency: 'USD' });
    expect(dollars.json<Campaign>().currency).toBe('USD');
  });

  it('checks end ≥ start against the stored dates when only one date changes', async () => {
    const campaign = await createCampaign(t.app, owner, business.id);
    const response = await as(owner, 'PATCH', `/api/campaign/${campaign.id}`, { start_date: '2026-04-15' });
    expect(response.statusCode).toBe(400);
    expect(response.json<Problem>().errors?.[0]?.path).toBe('body.start_date');
    const both = await as(owner, 'PATCH', `/api/campaign/${campaign.id}`, {
      start_date: '2026-04-15',
      end_date: '2026-04-30',
    });
    expect(both.statusCode).toBe(200);
  });

  it('allows only the documented status moves', async () => {
    const campaign = await createCampaign(t.app, owner, business.id);
    const move = (status: string) => as(owner, 'PATCH', `/api/campaign/${campaign.id}`, { status });
    const refused = await move('completed');
    expect(refused.statusCode).toBe(409);
    expect(refused.json<Problem>()).toMatchObject({
      code: 'invalid_transition',
      detail: 'A draft campaign cannot become completed; it can move to: active, archived',
      facts: { reason: 'campaign_move', from: 'draft', to: 'completed', allowed: ['active', 'archived'] },
    });
    for (const status of ['active', 'paused', 'active', 'completed', 'archived']) {
      const response = await move(status);
      expect(response.statusCode, `→ ${status}: ${response.body}`).toBe(200);
    }
    expect((await move('active')).json<Problem>().detail).toBe(
      'A archived campaign cannot become active; it cannot change status',
    );
  });

  it('lets only one of two concurrent status moves through', async () => {
    const campaign = await createCampaign(t.app, owner, business.id);
    const url = `/api/campaign/${campaign.id}`;
    const answers = await Promise.all([
      as(owner, 'PATCH', url, { status: 'active' }),
      as(owner, 'PATCH', url, { status: 'archived' }),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
    const final = (await as(owner, 'GET', url)).json<Campaign>().status;
    expect(['active', 'archived']).toContain(final);
    const audit = await as(owner, 'GET', `/api/business/${business.id}/audit-log`);
    const moves = audit
      .json<{ items: AuditEntry[] }>()
      .items.filter((e) => e.action === 'campaign.status_changed');
    expect(moves.map((entry) => entry.details)).toEqual([{ from: 'draft', to: final }]);
  });

  it('lists with status and date-overlap filters, sorts, and pages without duplicates or gaps', async () => {
    const names = ['Delta', 'alpha', 'Charlie', 'Bravo', 'Echo'];
    const made: Campaign[] = [];
    for (const [index, name] of names.entries()) {
      made.push(
        await createCampaign(t.app, owner, business.id, {
          name,
          start_date: `2026-0${index + 1}-01`,
          end_date: `2026-0${index + 1}-20`,
        }),
      );
    }
    await as(owner, 'PATCH', `/api/campaign/${made[1]?.id}`, { status: 'active' });
    const list = (query: string) => as(owner, 'GET', `/api/campaign/?business_id=${business.id}&${query}`);

    const active = (await list('status=active')).json<Page>();
    expect(active.items.map((c) => c.name)).toEqual(['alpha']);
    // Feb 15 – Mar 10 overlaps February's and March's campaigns only.
    const overlap = (await list('from=2026-02-15&to=2026-03-10')).json<Page>();
    expect(overlap.items.map((c) => c.name)).toEqual(['alpha', 'Charlie']);

    for (const [sort, order] of [
      ['start_date', 'asc'],
      ['start_date', 'desc'],
      ['name', 'asc'],
      ['created_at', 'desc'],
    ]) {
      const all = (await list(`sort=${sort}&order=${order}&limit=100`)).json<Page>().items.map((c) => c.id);
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Page = (
          await list(`sort=${sort}&order=${order}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        ).json<Page>();
        paged.push(...page.items.map((c) => c.id));
        cursor = page.next_cursor;
      } while (cursor);
      expect(paged, `${sort} ${order}`).toEqual(all);
      expect(new Set(paged).size).toBe(5);
    }
    const byStart = (await list('sort=start_date&order=desc')).json<Page>().items.map((c) => c.name);
    expect(byStart).toEqual([...names].reverse());

    const first = (await list('sort=name&limit=2')).json<Page>();
    const mixed = await list(`sort=start_date&limit=2&cursor=${first.next_cursor}`);
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json<Problem>().errors?.[0]?.path).toBe('query.cursor');
    expect((await list('cursor=bm9wZQ')).statusCode).toBe(400);
    expect((await list('from=2026-03-10&to=2026-03-01')).statusCode).toBe(400);
  });

  it('lets viewers read, editors write, and only owners and admins delete', async () => {
    const viewer = await registerAccount(t.app);
    const editor = await registerAccount(t.app);
    const admin = await registerAccount(t.app);
    await addMember(t.app, owner, business, viewer, 'viewer');
    await addMember(t.app, owner, business, editor, 'editor');
    await addMember(t.app, owner, business, admin, 'admin');
    const campaign = await createCampaign(t.app, editor, business.id);

    expect((await as(viewer, 'GET', `/api/campaign/${campaign.id}`)).statusCode).toBe(200);
    expect((await as(viewer, 'GET', `/api/campaign/?business_id=${business.id}`)).statusCode).toBe(200);
    expect((await as(viewer, 'POST', '/api/campaign/', valid())).statusCode).toBe(403);
    expect((await as(viewer, 'PATCH', `/api/campaign/${campaign.id}`, { name: 'x' })).statusCode).toBe(403);
    expect((await as(editor, 'PATCH', `/api/campaign/${campaign.id}`, { status: 'active' })).statusCode).toBe(
      200,
    );
    expect((await as(editor, 'DELETE', `/api/campaign/${campaign.id}`)).statusCode).toBe(403);
    expect((await as(admin, 'DELETE', `/api/campaign/${campaign.id}`)).statusCode).toBe(204);
  });

  it('keeps a deleted campaign’s content, unlinked', async () => {
    const campaign = await createCampaign(t.app, owner, business.id);
    const item = await createContent(t.app, owner, business.id, { campaign_id: campaign.id });
    expect(item.campaign_id).toBe(campaign.id);
    expect((await as(owner, 'DELETE', `/api/campaign/${campaign.id}`)).statusCode).toBe(204);
    const after = await as(owner, 'GET', `/api/content/${item.id}`);
    expect(after.json()).toMatchObject({ id: item.id, campaign_id: null, version: item.version });
    // Deleting the workspace removes campaigns and content together.
    await createContent(t.app, owner, business.id, {
      campaign_id: (await createCampaign(t.app, owner, business.id)).id,
    });
    expect((await as(owner, 'DELETE', `/api/business/${business.id}`)).statusCode).toBe(204);
  });

  it('answers 404 — never 403 — for another tenant’s campaigns on every route', async () => {
    const campaign = await createCampaign(t.app, owner, business.id);
    const stranger = await registerAccount(t.app);
    const theirs = await createBusiness(t.app, stranger, 'Stranger Things');
    const calls: Array<[Method, string, object?]> = [
      ['GET', `/api/campaign/${campaign.id}`],
      ['PATCH', `/api/campaign/${campaign.id}`, { name: 'Pwned' }],
      ['PATCH', `/api/campaign/${campaign.id}`, { status: 'active' }],
      ['DELETE', `/api/campaign/${campaign.id}`],
      ['GET', `/api/campaign/?business_id=${business.id}`],
      ['POST', '/api/campaign/', { ...valid(), business_id: business.id }],
    ];
    for (const [method, url, payload] of calls) {
      const response = await as(stranger, method, url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.json<Problem>().code).toBe('not_found');
    }
    // A missing id and a foreign id read the same.
    const missing = await as(stranger, 'GET', '/api/campaign/01900000-0000-7000-8000-0000000000ff');
    const foreign = await as(stranger, 'GET', `/api/campaign/${campaign.id}`);
    expect(missing.json<Problem>().detail).toBe(foreign.json<Problem>().detail);
    expect((await as(owner, 'GET', `/api/campaign/${campaign.id}`)).json()).toMatchObject({
      name: 'Spring launch',
      status: 'draft',
    });
    const theirList = await as(stranger, 'GET', `/api/campaign/?business_id=${theirs.id}`);
    expect(theirList.json<Page>().items).toEqual([]);
  });

  it('stores SQL-injection strings as plain text', async () => {
    const name = "x'); DROP TABLE campaigns; --";
    const campaign = await createCampaign(t.app, owner, business.id, {
      name,
      kpis: [{ metric: "' OR 1=1 --", target: 1 }],
    });
    expect((await as(owner, 'GET', `/api/campaign/${campaign.id}`)).json()).toMatchObject({ name });
    const list = await as(owner, 'GET', `/api/campaign/?business_id=${business.id}&sort=name`);
    expect(list.json<Page>().items.map((c) => c.name)).toEqual([name]);
  });
});
