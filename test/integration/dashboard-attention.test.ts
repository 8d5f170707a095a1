import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Attention } from '#shared/attention.schema.js';
import type { Business } from '#shared/business.schema.js';
import type { ContentItem } from '#shared/content.schema.js';
import type { IngestResult } from '#shared/inbox.schema.js';
import { addMember, createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { createCampaign, createContent } from '../factories/marketing.js';
import { describeEachDialect } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const HOUR = 3_600_000;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const day = (offsetDays: number) => iso(offsetDays * 24 * HOUR).slice(0, 10);
/** When the items in review were submitted (or last changed, for one without a submission). */
const WAITING = { old: iso(-48 * HOUR), bare: iso(-30 * HOUR), new: iso(-24 * HOUR) };

describeEachDialect('dashboard: what needs attention', (create) => {
  let t: TestApp;
  let owner: TestAccount;
  let viewer: TestAccount;
  let stranger: TestAccount;
  let business: Business;
  let empty: Business;
  const items = new Map<string, ContentItem>();
  const idOf = (title: string) => {
    const item = items.get(title);
    if (!item) throw new Error(`No item ${title}`);
    return item.id;
  };

  const get = (account: TestAccount, id: string) =>
    t.app.inject({ method: 'GET', url: `/api/business/${id}/attention`, headers: account.auth });
  /** Put an item in a state only publishing (or a long wait) reaches, straight in the table. */
  const setRow = (id: string, row: Record<string, unknown>) =>
    t.database.db.updateTable('content_items').set(row).where('id', '=', id).execute();

  beforeAll(async () => {
    t = await createTestApp(await create());
    owner = await registerAccount(t.app);
    viewer = await registerAccount(t.app);
    stranger = await registerAccount(t.app);
    business = await createBusiness(t.app, owner);
    empty = await createBusiness(t.app, owner, 'Empty');
    await createBusiness(t.app, stranger, 'Elsewhere');
    await addMember(t.app, owner, business, viewer, 'viewer');

    for (const name of ['review-new', 'review-old', 'review-bare', 'next', 'later', 'failed', 'draft']) {
      items.set(name, await createContent(t.app, owner, business.id, { title: name }));
    }
    for (const name of ['review-old', 'review-new']) {
      const submitted = await t.app.inject({
        method: 'POST',
        url: `/api/content/${idOf(name)}/transition`,
        headers: owner.auth,
        payload: { to: 'in_review', version: items.get(name)?.version },
      });
      expect(submitted.statusCode, submitted.body).toBe(200);
    }
    // Submitted two days ago and edited an hour ago, it has still waited longest; the other was
    // submitted a day ago. A third, put in review with no submission on record, waits since its last change.
    const submittedAt = (name: string, at: string) =>
      t.database.db
        .updateTable('content_item_history')
        .set({ created_at: at })
        .where('content_item_id', '=', idOf(name))
        .where('action', '=', 'submitted')
        .execute();
    await submittedAt('review-old', WAITING.old);
    await setRow(idOf('review-old'), { updated_at: iso(-1 * HOUR) });
    await submittedAt('review-new', WAITING.new);
    await setRow(idOf('review-new'), { updated_at: WAITING.new });
    await setRow(idOf('review-bare'), { status: 'in_review', updated_at: WAITING.bare });
    await setRow(idOf('next'), { status: 'scheduled', scheduled_at: iso(2 * HOUR) });
    await setRow(idOf('later'), { status: 'scheduled', scheduled_at: iso(30 * HOUR) });
    await setRow(idOf('failed'), { status: 'failed', publish_error: 'The token expired' });

    const ingest = async (externalId: string) => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/messages',
        headers: owner.auth,
        payload: {
          business_id: business.id,
          channel: 'instagram',
          external_id: externalId,
          customer: { external_id: `customer-${externalId}`, name: 'Ana' },
          body: 'Where is my order?',
        },
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<IngestResult>().conversation_id;
    };
    const patch = (id: string, payload: object) =>
      t.app.inject({ method: 'PATCH', url: `/api/messages/${id}`, headers: owner.auth, payload });
    const urgent = await ingest('m1');
    const negative = await ingest('m2');
    const resolved = await ingest('m3');
    expect((await patch(urgent, { priority: 'urgent' })).statusCode).toBe(200);
    expect((await patch(negative, { sentiment: 'negative' })).statusCode).toBe(200);
    expect((await patch(resolved, { status: 'resolved', priority: 'urgent' })).statusCode).toBe(200);

    const running = await createCampaign(t.app, owner, business.id, {
      name: 'Running',
      start_date: day(-3),
      end_date: day(20),
      kpis: [{ metric: 'clicks', target: 100 }],
    });
    // A campaign that has ended is not reported, active or not.
    const over = await createCampaign(t.app, owner, business.id, {
      name: 'Over',
      start_date: day(-40),
      end_date: day(-10),
    });
    await t.database.db
      .updateTable('campaigns')
      .set({ status: 'active' })
      .where('id', 'in', [running.id, over.id])
      .execute();
  });
  afterAll(() => t.close());

  it('counts what waits and lists the first of each, with a link’s worth of detail', async () => {
    const response = await get(owner, business.id);
    expect(response.statusCode, response.body).toBe(200);
    const attention = response.json<Attention>();
    expect(attention.first_run).toBe(false);
    expect(attention.approvals.count).toBe(3);
    expect(attention.approvals.oldest.map((item) => [item.title, item.waiting_since])).toEqual([
      ['review-old', WAITING.old],
      ['review-bare', WAITING.bare],
      ['review-new', WAITING.new],
    ]);
    expect(attention.next_up.count).toBe(2);
    expect(attention.next_up.items.map((item) => item.title)).toEqual(['next', 'later']);
    expect(attention.failed).toMatchObject({
      count: 1,
      items: [{ id: idOf('failed'), publish_error: 'The token expired' }],
    });
    expect(attention.inbox).toEqual({ open: 2, unanswered: 2, urgent: 1, negative: 1 });
    expect(attention.campaigns.more).toBe(false);
    expect(attention.campaigns.items).toMatchObject([
      { name: 'Running', kpis: [{ metric: 'clicks', target: 100, status: 'behind' }] },
    ]);
    expect(attention.ai_spend).toMatchObject({
      spent_this_month_micro_usd: 0,
      monthly_limit_micro_usd: null,
    });
  });

  it('leaves AI spend out for a viewer, who still sees the rest', async () => {
    const attention = (await get(viewer, business.id)).json<Attention>();
    expect(attention.ai_spend).toBeNull();
    expect(attention.approvals.count).toBe(3);
  });

  it('says first run for a workspace with nothing in it', async () => {
    const attention = (await get(owner, empty.id)).json<Attention>();
    expect(attention).toMatchObject({
      first_run: true,
      approvals: { count: 0, oldest: [] },
      inbox: { open: 0, unanswered: 0, urgent: 0, negative: 0 },
      campaigns: { items: [], more: false },
    });
  });

  it('answers 404 for another workspace, as for one that does not exist', async () => {
    const response = await get(stranger, business.id);
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
