import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Business } from '#shared/business.schema.js';
import type { ContentItem } from '#shared/content.schema.js';
import type { Problem } from '#shared/problem.schema.js';
import { addMember, createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { createContent } from '../factories/marketing.js';
import { describeEachDialect } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Who may ask for a bulk change at all is a question about the role, answered 403 before any item is read;
// what depends on the item (its state, whether it exists) stays a per-item refusal in a 422 `bulk_failed`.

const FUTURE = '2099-05-01T09:00:00.000Z';
const GHOST = '01900000-0000-7000-8000-0000000000ff';

describeEachDialect('content bulk access', (create) => {
  let t: TestApp;
  let owner: TestAccount;
  let editor: TestAccount;
  let viewer: TestAccount;
  let business: Business;
  let draft: ContentItem;
  let scheduled: ContentItem;

  const bulk = (account: TestAccount, body: object) =>
    t.app.inject({
      method: 'POST',
      url: '/api/content/bulk',
      headers: account.auth,
      payload: { business_id: business.id, ...body },
    });

  beforeEach(async () => {
    t = await createTestApp(await create());
    owner = await registerAccount(t.app);
    business = await createBusiness(t.app, owner);
    editor = await registerAccount(t.app);
    viewer = await registerAccount(t.app);
    await addMember(t.app, owner, business, editor, 'editor');
    await addMember(t.app, owner, business, viewer, 'viewer');
    draft = await createContent(t.app, owner, business.id, { status: 'draft', scheduled_at: FUTURE });
    scheduled = await createContent(t.app, owner, business.id, { status: 'draft', scheduled_at: FUTURE });
    for (const to of ['in_review', 'approved', 'scheduled']) {
      const moved = await bulk(owner, { ids: [scheduled.id], action: 'set_status', to });
      expect(moved.statusCode, moved.body).toBe(200);
    }
  });
  afterEach(() => t.close());

  it.each([
    ['viewer', { action: 'reschedule', shift_minutes: 60 }],
    ['viewer', { action: 'set_status', to: 'in_review' }],
    ['viewer', { action: 'set_status', to: 'published' }],
    ['viewer', { action: 'delete' }],
    ['editor', { action: 'delete' }],
    ['editor', { action: 'set_status', to: 'approved' }],
    ['editor', { action: 'set_status', to: 'scheduled' }],
  ] as const)('answers 403 before reading any item when a %s asks for %j', async (role, action) => {
    const caller = role === 'viewer' ? viewer : editor;
    const before = await Promise.all(
      [draft, scheduled].map(async (item) => (await readItem(item.id)).json<ContentItem>()),
    );
    // The unknown id would be a per-item `not_found` if the items were read first.
    const response = await bulk(caller, { ids: [draft.id, scheduled.id, GHOST], ...action });
    expect(response.statusCode, response.body).toBe(403);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    const problem = response.json<Problem>();
    expect(problem).toMatchObject({ status: 403, code: 'forbidden' });
    expect(problem.detail).toContain(`(${role})`);
    expect(problem.facts).toMatchObject({ reason: 'role_cannot', role });
    expect(problem.errors).toBeUndefined();
    for (const item of before) expect((await readItem(item.id)).json()).toEqual(item);
  });

  it('keeps per-item refusals for what depends on the item', async () => {
    const moveBoth = await bulk(editor, {
      ids: [draft.id, scheduled.id],
      action: 'reschedule',
      shift_minutes: 60,
    });
    expect(moveBoth.statusCode).toBe(422);
    expect(moveBoth.json<Problem>()).toMatchObject({ code: 'bulk_failed' });
    expect(moveBoth.json<Problem>().errors).toEqual([
      {
        path: 'body.ids.1',
        code: 'forbidden',
        message: 'Your role (editor) cannot move a scheduled item',
        facts: { reason: 'role_cannot', role: 'editor', action: 'move_scheduled_item', to: null },
      },
    ]);

    const publish = await bulk(editor, { ids: [draft.id], action: 'set_status', to: 'published' });
    expect(publish.statusCode).toBe(422);
    expect(publish.json<Problem>().errors).toEqual([
      {
        path: 'body.ids.0',
        code: 'invalid_transition',
        message: 'Only publishing sets an item to published',
        facts: { reason: 'content_set_by_publishing', to: 'published' },
      },
    ]);

    const withGhost = await bulk(editor, { ids: [draft.id, GHOST], action: 'set_status', to: 'in_review' });
    expect(withGhost.statusCode).toBe(422);
    expect(withGhost.json<Problem>().errors).toEqual([
      { path: 'body.ids.1', code: 'not_found', message: 'No such content item' },
    ]);
    expect((await readItem(draft.id)).json()).toMatchObject({ status: 'draft', version: 1 });
  });

  it('answers 404 to someone outside the workspace, whatever their role elsewhere', async () => {
    const outsider = await registerAccount(t.app);
    await createBusiness(t.app, outsider, 'Elsewhere');
    const response = await bulk(outsider, { ids: [draft.id], action: 'delete' });
    expect(response.statusCode).toBe(404);
  });

  function readItem(id: string) {
    return t.app.inject({ method: 'GET', url: `/api/content/${id}`, headers: owner.auth });
  }
});
