import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Business } from '#shared/business.schema.js';
import type { Campaign } from '#shared/campaign.schema.js';
import type { ContentItem } from '#shared/content.schema.js';
import type { Problem } from '#shared/problem.schema.js';
import { createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { createCampaign, createContent } from '../factories/marketing.js';
import { describeEachDialect } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// The content list (issue 19): search and filters on GET /api/content, moving items to a campaign in bulk,
// and an undoable delete: a bulk restore brings items back with what hangs on them, until the purge.

const FUTURE = '2099-05-01T09:00:00.000Z';

describeEachDialect('content list, bulk moves and undo', (create) => {
  let t: TestApp;
  let owner: TestAccount;
  let business: Business;
  let campaign: Campaign;
  let stranger: TestAccount;
  let theirs: Business;
  // The services' clock; sign-in tokens are checked against the real one, so it only moves ahead briefly.
  let clock = Date.now();
  const later = async <T>(hours: number, run: () => Promise<T>): Promise<T> => {
    clock += hours * 3_600_000;
    try {
      return await run();
    } finally {
      clock -= hours * 3_600_000;
    }
  };

  beforeAll(async () => {
    t = await createTestApp(await create(), {}, { now: () => new Date(clock) });
    owner = await registerAccount(t.app);
    business = await createBusiness(t.app, owner);
    campaign = await createCampaign(t.app, owner, business.id);
    stranger = await registerAccount(t.app);
    theirs = await createBusiness(t.app, stranger, 'Theirs');
  });
  afterAll(() => t.close());

  const as = (account: TestAccount, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: account.auth, ...(payload ? { payload } : {}) });
  const list = async (query: string) => {
    const response = await as(owner, 'GET', `/api/content?business_id=${business.id}&${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: ContentItem[]; next_cursor: string | null }>().items.map((item) => item.id);
  };
  const bulk = (body: object, account = owner) =>
    as(account, 'POST', '/api/content/bulk', { business_id: business.id, ...body });

  it('searches titles and text case-insensitively, wildcards as typed, with the other filters', async () => {
    const loaf = await createContent(t.app, owner, business.id, { title: 'Autumn LOAF', body: 'Warm bread' });
    const sale = await createContent(t.app, owner, business.id, { body: 'Everything 50% off today' });
    const other = await createContent(t.app, owner, business.id, {
      channel: 'linkedin',
      body: 'Our loaf recipe, at 500 grams',
      campaign_id: campaign.id,
      scheduled_at: FUTURE,
    });
    expect(await list('q=loaf')).toEqual([other.id, loaf.id]);
    expect(await list('q=50%25')).toEqual([sale.id]);
    // `_` matches itself, not any character.
    expect(await list('q=5_0')).toEqual([]);
    expect(await list('q=loaf&channel=linkedin')).toEqual([other.id]);
    expect(await list(`q=loaf&campaign_id=${campaign.id}`)).toEqual([other.id]);
    expect(await list('q=loaf&from=2099-01-01T00:00:00.000Z&to=2100-01-01T00:00:00.000Z')).toEqual([
      other.id,
    ]);
    expect(await list('q=loaf&status=in_review')).toEqual([]);

    const blank = await as(owner, 'GET', `/api/content?business_id=${business.id}&q=%20`);
    expect(blank.statusCode).toBe(400);
    expect(blank.json<Problem>().errors?.[0]).toMatchObject({ path: 'query.q' });
  });

  it('moves items to a campaign and out of it, and refuses another workspace’s campaign', async () => {
    const item = await createContent(t.app, owner, business.id, { body: 'Campaign move' });
    const moved = await bulk({ ids: [item.id], action: 'set_campaign', campaign_id: campaign.id });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<{ items: ContentItem[] }>().items[0]).toMatchObject({ campaign_id: campaign.id });

    const foreignCampaign = await createCampaign(t.app, stranger, theirs.id);
    const foreign = await bulk({ ids: [item.id], action: 'set_campaign', campaign_id: foreignCampaign.id });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json<Problem>().errors?.[0]).toMatchObject({ path: 'body.campaign_id' });

    const out = await bulk({ ids: [item.id], action: 'set_campaign', campaign_id: null });
    expect(out.json<{ items: ContentItem[] }>().items[0]).toMatchObject({ campaign_id: null });
  });

  it('undoes a delete: the items come back as they were, with their history and comments', async () => {
    const draft = await createContent(t.app, owner, business.id, { body: 'Undo me' });
    const planned = await createContent(t.app, owner, business.id, { body: 'Planned', scheduled_at: FUTURE });
    for (const to of ['in_review', 'approved', 'scheduled']) {
      expect((await bulk({ ids: [planned.id], action: 'set_status', to })).statusCode).toBe(200);
    }
    const comment = await as(owner, 'POST', `/api/content/${draft.id}/comments`, { body: 'Looks good' });
    expect(comment.statusCode, comment.body).toBe(201);
    const before = await Promise.all(
      [draft, planned].map(async (item) => (await as(owner, 'GET', `/api/content/${item.id}`)).json()),
    );

    const nextUp = async () =>
      (await as(owner, 'GET', `/api/business/${business.id}/attention`)).json<{
        next_up: { count: number };
      }>().next_up.count;
    const scheduledBefore = await nextUp();
    const publishJob = async () =>
      (
        await t.database.db
          .selectFrom('content_items')
          .select('publish_job_id')
          .where('id', '=', planned.id)
          .executeTakeFirstOrThrow()
      ).publish_job_id;
    const firstJob = await publishJob();
    expect(firstJob).not.toBeNull();

    const deleted = await bulk({ ids: [draft.id, planned.id], action: 'delete' });
    expect(deleted.json()).toMatchObject({ deleted_ids: [draft.id, planned.id] });
    expect((await as(owner, 'GET', `/api/content/${draft.id}`)).statusCode).toBe(404);
    expect(await list('q=Undo')).toEqual([]);
    expect(await list('from=2099-01-01T00:00:00.000Z&q=Planned')).toEqual([]);
    expect(await nextUp()).toBe(scheduledBefore - 1);
    // A deleted item cannot be changed, only restored.
    const moved = await bulk({ ids: [draft.id], action: 'reschedule', shift_minutes: 60 });
    expect(moved.json<Problem>().errors).toEqual([
      { path: 'body.ids.0', code: 'not_found', message: 'No such content item' },
    ]);

    const restored = await bulk({ ids: [draft.id, planned.id], action: 'restore' });
    expect(restored.statusCode, restored.body).toBe(200);
    const items = restored.json<{ items: ContentItem[] }>().items;
    expect(items.map((item) => item.id)).toEqual([draft.id, planned.id]);
    const after = await Promise.all(
      [draft, planned].map(async (item) => (await as(owner, 'GET', `/api/content/${item.id}`)).json()),
    );
    // Exactly as before but for the version, which the delete and the restore each bumped.
    after.forEach((item, index) => {
      const was = before[index] as ContentItem;
      expect(item).toEqual({ ...was, version: was.version + 2 });
    });
    expect(await nextUp()).toBe(scheduledBefore);
    // The delete cancelled its publish job; the restore queued a new one.
    expect(await publishJob()).not.toBeNull();
    expect(await publishJob()).not.toBe(firstJob);
    const cancelled = await as(owner, 'GET', `/api/jobs/${firstJob}`);
    expect(cancelled.json<{ state: string }>().state).toBe('cancelled');
    const history = await as(owner, 'GET', `/api/content/${planned.id}/history`);
    expect(history.json<{ items: { action: string }[] }>().items.map((entry) => entry.action)).toEqual([
      'created',
      'submitted',
      'approved',
      'scheduled',
    ]);
    const comments = await as(owner, 'GET', `/api/content/${draft.id}/comments`);
    expect(comments.json<{ items: { body: string }[] }>().items.map((c) => c.body)).toEqual(['Looks good']);

    const again = await bulk({ ids: [draft.id], action: 'restore' });
    expect(again.statusCode).toBe(422);
    expect(again.json<Problem>()).toMatchObject({
      code: 'bulk_failed',
      errors: [{ path: 'body.ids.0', code: 'not_found', message: 'No deleted item to restore' }],
    });
  });

  it('restores a scheduled item whose time passed meanwhile as approved, so it does not go out late', async () => {
    const soon = new Date(clock + 3_600_000).toISOString();
    const item = await createContent(t.app, owner, business.id, { body: 'Soon', scheduled_at: soon });
    for (const to of ['in_review', 'approved', 'scheduled']) {
      expect((await bulk({ ids: [item.id], action: 'set_status', to })).statusCode).toBe(200);
    }
    await bulk({ ids: [item.id], action: 'delete' });
    const restored = await later(2, () => bulk({ ids: [item.id], action: 'restore' }));
    expect(restored.json<{ items: ContentItem[] }>().items[0]).toMatchObject({
      status: 'approved',
      scheduled_at: soon,
    });
  });

  it('keeps restore to the workspace: a stranger gets 404, another workspace’s ids are refused', async () => {
    const item = await createContent(t.app, owner, business.id, { body: 'Mine' });
    await bulk({ ids: [item.id], action: 'delete' });
    expect((await bulk({ ids: [item.id], action: 'restore' }, stranger)).statusCode).toBe(404);
    const listed = await as(stranger, 'GET', `/api/content?business_id=${business.id}&q=Mine`);
    expect(listed.statusCode).toBe(404);
    const cross = await as(stranger, 'POST', '/api/content/bulk', {
      business_id: theirs.id,
      ids: [item.id],
      action: 'restore',
    });
    expect(cross.statusCode).toBe(422);
    expect(cross.json<Problem>().errors?.[0]).toMatchObject({ code: 'not_found' });
    expect((await bulk({ ids: [item.id], action: 'restore' })).statusCode).toBe(200);
  });

  it('purges items deleted longer than the grace period ago, and only those', async () => {
    const old = await createContent(t.app, owner, business.id, { body: 'Old' });
    await bulk({ ids: [old.id], action: 'delete' });
    const recent = await createContent(t.app, owner, business.id, { body: 'Recent' });
    await later(23, async () => {
      await bulk({ ids: [recent.id], action: 'delete' });
      // The earlier ones of this file were restored; only `old` is deleted long enough by then.
    });

    expect(await later(24.5, () => t.services.content.purgeDeleted())).toBe(1);
    const gone = await bulk({ ids: [old.id], action: 'restore' });
    expect(gone.statusCode).toBe(422);
    expect((await bulk({ ids: [recent.id], action: 'restore' })).statusCode).toBe(200);
  });
});
