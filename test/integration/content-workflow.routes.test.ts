import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Business } from '#shared/business.schema.js';
import type { BulkContentResult, ContentHistoryEntry, ContentItem } from '#shared/content.schema.js';
import type { Problem } from '#shared/problem.schema.js';
import type { Role } from '#shared/roles.js';
import { addMember, createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { createContent } from '../factories/marketing.js';
import { describeEachDialect } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const FUTURE = '2099-05-01T09:00:00.000Z';

describeEachDialect('content workflow routes', (create) => {
  let t: TestApp;
  let owner: TestAccount;
  let business: Business;
  let people: Record<Role, TestAccount>;

  beforeEach(async () => {
    t = await createTestApp(await create());
    owner = await registerAccount(t.app);
    business = await createBusiness(t.app, owner);
    people = { owner } as Record<Role, TestAccount>;
    for (const role of ['admin', 'editor', 'viewer'] as const) {
      people[role] = await registerAccount(t.app);
      await addMember(t.app, owner, business, people[role], role);
    }
  });
  afterEach(() => t.close());

  const as = (account: TestAccount, method: Method, url: string, payload?: object) =>
    t.app.inject({ method, url, headers: account.auth, ...(payload ? { payload } : {}) });
  const move = async (role: Role, item: { id: string }, to: string, extra: object = {}) => {
    const version = (await as(owner, 'GET', `/api/content/${item.id}`)).json<ContentItem>().version;
    return as(people[role], 'POST', `/api/content/${item.id}/transition`, { to, version, ...extra });
  };
  /** An item walked to `status` by the owner. */
  const itemIn = async (status: 'draft' | 'in_review' | 'approved' | 'scheduled' | 'idea') => {
    const item = await createContent(t.app, owner, business.id, {
      status: status === 'idea' ? 'idea' : 'draft',
      scheduled_at: FUTURE,
    });
    const path = ['in_review', 'approved', 'scheduled'];
    for (const step of path.slice(0, path.indexOf(status) + 1)) {
      expect((await move('owner', item, step)).statusCode).toBe(200);
    }
    return item;
  };

  it('walks an item from idea to scheduled and back, with one history entry per move', async () => {
    const item = await createContent(t.app, people.editor, business.id, {
      status: 'idea',
      body: 'Easter buns',
    });
    expect((await move('editor', item, 'draft')).json()).toMatchObject({ status: 'draft', version: 2 });
    expect((await move('editor', item, 'in_review')).json()).toMatchObject({ status: 'in_review' });
    const sentBack = await move('admin', item, 'draft', { comment: 'Mention the price' });
    expect(sentBack.statusCode).toBe(200);
    await move('editor', item, 'in_review');
    expect((await move('admin', item, 'approved')).statusCode).toBe(200);
    const scheduled = await move('owner', item, 'scheduled', { scheduled_at: '2099-04-01T10:00:00+02:00' });
    expect(scheduled.json()).toMatchObject({ status: 'scheduled', scheduled_at: '2099-04-01T08:00:00.000Z' });
    expect((await move('admin', item, 'approved')).json()).toMatchObject({ status: 'approved', version: 8 });

    const history = (await as(people.viewer, 'GET', `/api/content/${item.id}/history`)).json<{
      items: ContentHistoryEntry[];
    }>();
    expect(history.items.map((entry) => [entry.action, entry.version, entry.comment])).toEqual([
      ['created', 1, null],
      ['edited', 2, null],
      ['submitted', 3, null],
      ['sent_back', 4, 'Mention the price'],
      ['submitted', 5, null],
      ['approved', 6, null],
      ['scheduled', 7, null],
      ['unscheduled', 8, null],
    ]);
    expect(history.items[3]?.actor_user_id).toBe(people.admin.session.user.id);
    expect(history.items[6]?.snapshot).toEqual({
      status: { from: 'approved', to: 'scheduled' },
      scheduled_at: '2099-04-01T08:00:00.000Z',
    });
    const page = await as(owner, 'GET', `/api/content/${item.id}/history?limit=5`);
    const next = page.json<{ next_cursor: string }>().next_cursor;
    const rest = await as(owner, 'GET', `/api/content/${item.id}/history?limit=5&cursor=${next}`);
    expect(rest.json<{ items: ContentHistoryEntry[] }>().items.map((entry) => entry.version)).toEqual([
      6, 7, 8,
    ]);
  });

  it.each<[string, 'draft' | 'in_review' | 'approved' | 'scheduled' | 'idea', string, Record<Role, number>]>([
    ['submit', 'draft', 'in_review', { owner: 200, admin: 200, editor: 200, viewer: 403 }],
    ['approve', 'in_review', 'approved', { owner: 200, admin: 200, editor: 403, viewer: 403 }],
    ['schedule', 'approved', 'scheduled', { owner: 200, admin: 200, editor: 403, viewer: 403 }],
    ['unschedule', 'scheduled', 'approved', { owner: 200, admin: 200, editor: 403, viewer: 403 }],
    ['draft an idea', 'idea', 'draft', { owner: 200, admin: 200, editor: 200, viewer: 403 }],
    ['withdraw / send back', 'in_review', 'draft', { owner: 200, admin: 200, editor: 200, viewer: 403 }],
  ])('role matrix: %s', async (_name, from, to, expected) => {
    for (const role of ['viewer', 'editor', 'admin', 'owner'] as const) {
      const item = await itemIn(from);
      const response = await move(role, item, to, { comment: 'Tighten the opening' });
      expect(response.statusCode, `${role}: ${response.body}`).toBe(expected[role]);
    }
  });

  it('refuses moves the workflow does not have, naming the allowed ones', async () => {
    const item = await itemIn('draft');
    const skip = await move('owner', item, 'approved');
    expect(skip.statusCode).toBe(409);
    expect(skip.json<Problem>()).toMatchObject({
      code: 'invalid_transition',
      detail: 'An item that is a draft can move to: in_review',
      facts: { reason: 'content_move', from: 'draft', to: 'approved', allowed: ['in_review'] },
    });
    expect((await move('owner', item, 'published')).json<Problem>()).toMatchObject({
      code: 'invalid_transition',
      detail: 'Only publishing sets an item to published',
      facts: { reason: 'content_set_by_publishing', to: 'published' },
    });
    const review = await itemIn('in_review');
    const noComment = await move('admin', review, 'draft');
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json<Problem>().errors?.[0]?.path).toBe('body.comment');
    const approved = await itemIn('approved');
    const past = await move('owner', approved, 'scheduled', { scheduled_at: '2001-01-01T00:00:00Z' });
    expect(past.json<Problem>()).toMatchObject({
      status: 400,
      detail: 'The publishing time must be in the future',
    });
    expect((await move('owner', item, 'in_review', { scheduled_at: FUTURE })).statusCode).toBe(400);
    const empty = await createContent(t.app, owner, business.id, { status: 'idea', body: '' });
    await move('owner', empty, 'draft');
    expect((await move('owner', empty, 'in_review')).json<Problem>().errors?.[0]?.path).toBe('body.body');
  });

  it('lets one of two edits of the same version win and loses nothing', async () => {
    const item = await createContent(t.app, people.editor, business.id);
    const [first, second] = await Promise.all([
      as(people.editor, 'PATCH', `/api/content/${item.id}`, { version: 1, body: 'Version from Ada' }),
      as(people.admin, 'PATCH', `/api/content/${item.id}`, { version: 1, body: 'Version from Bob' }),
    ]);
    const codes = [first.statusCode, second.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const loser = first.statusCode === 409 ? first : second;
    const winner = first.statusCode === 200 ? first : second;
    expect(loser.json<Problem>().code).toBe('version_conflict');
    const stored = (await as(owner, 'GET', `/api/content/${item.id}`)).json<ContentItem>();
    expect(stored).toMatchObject({ version: 2, body: winner.json<ContentItem>().body });
    const history = (await as(owner, 'GET', `/api/content/${item.id}/history`)).json<{
      items: ContentHistoryEntry[];
    }>();
    expect(history.items.map((entry) => entry.action)).toEqual(['created', 'edited']);
    // The loser reloads, sees the winner's text, and applies the change on top of it.
    const retry = await as(people.admin, 'PATCH', `/api/content/${item.id}`, { version: 2, title: 'Merged' });
    expect(retry.json()).toMatchObject({ version: 3, body: stored.body, title: 'Merged' });
    const stale = await as(owner, 'POST', `/api/content/${item.id}/transition`, {
      to: 'in_review',
      version: 2,
    });
    expect(stale.json<Problem>()).toMatchObject({ status: 409, code: 'version_conflict' });
  });

  it('sends approved work back to draft when its text changes, and keeps it when only the plan changes', async () => {
    const item = await itemIn('scheduled');
    const moved = await as(owner, 'PATCH', `/api/content/${item.id}`, { version: 4, pillar: 'Tips' });
    expect(moved.json()).toMatchObject({ status: 'scheduled' });
    const editorMove = await as(people.editor, 'PATCH', `/api/content/${item.id}`, {
      version: 5,
      scheduled_at: '2099-06-01T09:00:00Z',
    });
    expect(editorMove.statusCode).toBe(403);
    const edited = await as(people.editor, 'PATCH', `/api/content/${item.id}`, {
      version: 5,
      body: 'New text',
    });
    expect(edited.json()).toMatchObject({ status: 'draft', version: 6 });
    const history = (await as(owner, 'GET', `/api/content/${item.id}/history`)).json<{
      items: ContentHistoryEntry[];
    }>();
    expect(history.items.at(-1)?.snapshot).toEqual({
      body: 'New text',
      status: { from: 'scheduled', to: 'draft' },
    });
  });

  it('applies bulk changes all or nothing, listing each refused item', async () => {
    const drafts = [await itemIn('draft'), await itemIn('draft')];
    const approved = await itemIn('approved');
    const bulk = (account: TestAccount, body: object) =>
      as(account, 'POST', '/api/content/bulk', { business_id: business.id, ...body });

    const mixed = await bulk(people.editor, {
      ids: [drafts[0]?.id, approved.id, drafts[1]?.id],
      action: 'set_status',
      to: 'in_review',
    });
    expect(mixed.statusCode).toBe(422);
    expect(mixed.json<Problem>()).toMatchObject({
      code: 'bulk_failed',
      detail: '1 of 3 items cannot change',
    });
    expect(mixed.json<Problem>().errors).toEqual([
      {
        path: 'body.ids.1',
        code: 'invalid_transition',
        message: 'An item that is approved cannot move from there',
        facts: { reason: 'content_move', from: 'approved', to: 'in_review', allowed: [] },
      },
    ]);
    for (const draft of drafts) {
      expect((await as(owner, 'GET', `/api/content/${draft.id}`)).json()).toMatchObject({
        status: 'draft',
        version: 1,
      });
    }

    const submitted = await bulk(people.editor, {
      ids: drafts.map((d) => d.id),
      action: 'set_status',
      to: 'in_review',
    });
    expect(submitted.json<BulkContentResult>().items.map((i) => [i.status, i.version])).toEqual([
      ['in_review', 2],
      ['in_review', 2],
    ]);

    const shifted = await bulk(people.editor, {
      ids: drafts.map((d) => d.id),
      action: 'reschedule',
      shift_minutes: -90,
    });
    expect(shifted.json<BulkContentResult>().items.map((i) => i.scheduled_at)).toEqual([
      '2099-05-01T07:30:00.000Z',
      '2099-05-01T07:30:00.000Z',
    ]);
    const history = (await as(owner, 'GET', `/api/content/${drafts[0]?.id}/history`)).json<{
      items: ContentHistoryEntry[];
    }>();
    expect(history.items.map((e) => e.action)).toEqual(['created', 'submitted', 'edited']);

    const editorDelete = await bulk(people.editor, { ids: [approved.id], action: 'delete' });
    expect(editorDelete.statusCode).toBe(403);
    expect(editorDelete.json<Problem>()).toMatchObject({ code: 'forbidden' });
    const ghost = '01900000-0000-7000-8000-0000000000ff';
    const withGhost = await bulk(owner, { ids: [approved.id, ghost], action: 'delete' });
    expect(withGhost.json<Problem>().errors).toEqual([
      { path: 'body.ids.1', code: 'not_found', message: 'No such content item' },
    ]);
    expect((await as(owner, 'GET', `/api/content/${approved.id}`)).statusCode).toBe(200);
    const deleted = await bulk(owner, { ids: [approved.id, drafts[0]?.id], action: 'delete' });
    expect(deleted.json()).toEqual({
      action: 'delete',
      items: [],
      deleted_ids: [approved.id, drafts[0]?.id],
    });
    expect((await as(owner, 'GET', `/api/content/${approved.id}`)).statusCode).toBe(404);
  });

  it.each([
    [{ action: 'reschedule' }, 'body.shift_minutes'],
    [{ action: 'reschedule', shift_minutes: 5, scheduled_at: FUTURE }, 'body.shift_minutes'],
    [{ action: 'archive' }, 'body.action'],
    [{ action: 'delete', extra: 1 }, 'body.extra'],
  ])('validates bulk bodies (%j)', async (body, path) => {
    const item = await itemIn('draft');
    const response = await as(owner, 'POST', '/api/content/bulk', {
      business_id: business.id,
      ids: [item.id],
      ...body,
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json<Problem>().errors?.map((error) => error.path)).toContain(path);
  });

  it('refuses duplicate ids and a past time for scheduled items in bulk', async () => {
    const item = await itemIn('scheduled');
    const twice = await as(owner, 'POST', '/api/content/bulk', {
      business_id: business.id,
      ids: [item.id, item.id],
      action: 'delete',
    });
    expect(twice.statusCode).toBe(400);
    const past = await as(owner, 'POST', '/api/content/bulk', {
      business_id: business.id,
      ids: [item.id],
      action: 'reschedule',
      scheduled_at: '2001-01-01T00:00:00Z',
    });
    expect(past.json<Problem>().errors?.[0]).toMatchObject({ code: 'validation_failed' });
  });
});
