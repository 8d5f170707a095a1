import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { Business } from '#shared/business.schema.js';
import type { ContentComment } from '#shared/comments.schema.js';
import type { ContentItem } from '#shared/content.schema.js';
import type { LiveEvent } from '#shared/events.schema.js';
import type { NotificationPage, NotificationPreferences } from '#shared/notifications.schema.js';
import type { Problem } from '#shared/problem.schema.js';
import { addMember, createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { createContent } from '../factories/marketing.js';
import { describeEachDialect } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describeEachDialect('content comments', (create) => {
  let t: TestApp;
  let owner: TestAccount;
  let editor: TestAccount;
  let viewer: TestAccount;
  let business: Business;
  let item: ContentItem;

  beforeAll(async () => {
    t = await createTestApp(await create());
    owner = await registerAccount(t.app, { name: 'Olive Owner' });
    editor = await registerAccount(t.app, { name: 'Eddie Editor' });
    viewer = await registerAccount(t.app, { name: 'Vera Viewer' });
    business = await createBusiness(t.app, owner);
    await addMember(t.app, owner, business, editor, 'editor');
    await addMember(t.app, owner, business, viewer, 'viewer');
    item = await createContent(t.app, editor, business.id, { title: 'Spring sale' });
  });
  afterAll(() => t.close());

  const as = (account: TestAccount, method: InjectOptions['method'], url: string, payload?: object) =>
    t.app.inject({ method, url, headers: account.auth, ...(payload ? { payload } : {}) });
  const comments = (itemId = item.id) => `/api/content/${itemId}/comments`;
  const post = async (account: TestAccount, payload: object, itemId = item.id) => {
    const response = await as(account, 'POST', comments(itemId), payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<ContentComment>();
  };
  const list = async (account = owner, itemId = item.id) =>
    (await as(account, 'GET', comments(itemId))).json<{ items: ContentComment[] }>().items;
  const notificationsOf = async (account: TestAccount) =>
    (await as(account, 'GET', `/api/business/${business.id}/notifications`)).json<NotificationPage>().items;

  it('threads comments and replies, and a reply to a reply joins its thread', async () => {
    const heard: LiveEvent[] = [];
    const subscription = await t.services.events.subscribe(business.id, (event) => heard.push(event));
    const first = await post(viewer, { body: 'Is the discount 20% or 25%?' });
    // Open item pages refetch the thread: the event names the item, never the text.
    await vi.waitFor(() =>
      expect(heard.find((event) => event.type === 'comment.changed')?.data).toEqual({
        content_item_id: item.id,
        change: 'created',
      }),
    );
    subscription();
    expect(first).toMatchObject({ parent_id: null, author: { name: 'Vera Viewer' }, deleted: false });
    const reply = await post(editor, { body: '25%, fixed.', parent_id: first.id });
    const replyToReply = await post(viewer, { body: 'Thanks!', parent_id: reply.id });
    expect(reply.parent_id).toBe(first.id);
    expect(replyToReply.parent_id).toBe(first.id);
    expect((await list(editor)).map((comment) => [comment.body, comment.parent_id])).toEqual([
      ['Is the discount 20% or 25%?', null],
      ['25%, fixed.', first.id],
      ['Thanks!', first.id],
    ]);
  });

  it('notifies the members a comment mentions, once, with a link to the comment', async () => {
    const comment = await post(editor, {
      body: '@Olive Owner and @Vera Viewer, please look.',
      mentions: [
        owner.session.user.id,
        viewer.session.user.id,
        owner.session.user.id,
        editor.session.user.id,
      ],
    });
    expect(comment.mentions.map((person) => person.name).sort()).toEqual([
      'Eddie Editor',
      'Olive Owner',
      'Vera Viewer',
    ]);
    const [notice] = (await notificationsOf(owner)).filter((row) => row.kind === 'comment_mention');
    expect(notice).toMatchObject({
      title: 'Eddie Editor mentioned you in a comment on “Spring sale”',
      link: `/w/${business.id}/content/${item.id}#comment-${comment.id}`,
    });
    expect((await notificationsOf(viewer)).filter((row) => row.kind === 'comment_mention')).toHaveLength(1);
    // Mentions come by email by default, through the notifications' own email job.
    const row = await t.database.db
      .selectFrom('notifications')
      .select(['id', 'email_status'])
      .where('user_id', '=', owner.session.user.id)
      .where('kind', '=', 'comment_mention')
      .executeTakeFirstOrThrow();
    expect(row.email_status).toBe('pending');
    await vi.waitFor(async () => {
      const job = await t.database.db
        .selectFrom('jobs')
        .select('id')
        .where('name', '=', 'notifications.email')
        .where('idempotency_key', '=', `notification-email:${row.id}`)
        .executeTakeFirst();
      expect(job).toBeDefined();
    });
    // The author is never told about their own mention.
    expect((await notificationsOf(editor)).filter((row) => row.kind === 'comment_mention')).toEqual([]);

    // An edit tells only the people it adds.
    const admin = await registerAccount(t.app, { name: 'Ada Admin' });
    await addMember(t.app, owner, business, admin, 'admin');
    const edited = await as(editor, 'PATCH', `${comments()}/${comment.id}`, {
      body: '@Olive Owner, @Vera Viewer and @Ada Admin, please look.',
      mentions: [owner.session.user.id, viewer.session.user.id, admin.session.user.id],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await notificationsOf(owner)).filter((row) => row.kind === 'comment_mention')).toHaveLength(1);
    expect((await notificationsOf(admin)).filter((row) => row.kind === 'comment_mention')).toHaveLength(1);

    const preferences = await as(owner, 'GET', `/api/business/${business.id}/notification-preferences`);
    expect(preferences.json<NotificationPreferences>().items).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'comment_mention', email: true })]),
    );
  });

  it('refuses mentions of people outside the workspace, naming the field', async () => {
    const stranger = await registerAccount(t.app);
    const response = await as(editor, 'POST', comments(), {
      body: 'Hello @Stranger',
      mentions: [stranger.session.user.id],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<Problem>().errors?.[0]?.path).toBe('body.mentions.0');
    const blank = await as(editor, 'POST', comments(), { body: '   ' });
    expect(blank.json<Problem>().errors?.[0]?.path).toBe('body.body');
  });

  it('lets authors alone edit and delete their comments; a first comment with replies keeps its place', async () => {
    const first = await post(owner, { body: 'Swap the photo?' });
    const reply = await post(editor, { body: 'Done.', parent_id: first.id });
    const url = (comment: ContentComment) => `${comments()}/${comment.id}`;
    expect((await as(editor, 'PATCH', url(first), { body: 'Mine now' })).statusCode).toBe(403);
    expect((await as(editor, 'DELETE', url(first))).statusCode).toBe(403);

    const edited = await as(owner, 'PATCH', url(first), { body: 'Swap the photo, please?' });
    expect(edited.json<ContentComment>().body).toBe('Swap the photo, please?');

    expect((await as(owner, 'DELETE', url(first))).statusCode).toBe(204);
    const afterFirst = (await list()).filter((comment) => [first.id, reply.id].includes(comment.id));
    expect(afterFirst.map((comment) => [comment.body, comment.deleted])).toEqual([
      ['', true],
      ['Done.', false],
    ]);
    expect((await as(owner, 'PATCH', url(first), { body: 'Back' })).statusCode).toBe(404);
    expect((await as(editor, 'DELETE', url(reply))).statusCode).toBe(204);
    expect((await list()).some((comment) => comment.id === reply.id)).toBe(false);
  });

  it('is for members only: another workspace’s item or comment answers 404', async () => {
    const stranger = await registerAccount(t.app);
    const theirs = await createBusiness(t.app, stranger, 'Other Co');
    const theirItem = await createContent(t.app, stranger, theirs.id, { title: 'Theirs' });
    const theirComment = await post(stranger, { body: 'Private' }, theirItem.id);
    expect((await as(owner, 'GET', comments(theirItem.id))).statusCode).toBe(404);
    expect((await as(owner, 'POST', comments(theirItem.id), { body: 'Hi' })).statusCode).toBe(404);
    // Their comment through our item: not on this item, so 404 too.
    expect((await as(owner, 'DELETE', `${comments()}/${theirComment.id}`)).statusCode).toBe(404);
    expect((await as(owner, 'POST', comments(), { body: 'Hi', parent_id: theirComment.id })).statusCode).toBe(
      404,
    );
    expect((await t.app.inject({ method: 'GET', url: comments() })).statusCode).toBe(401);

    // An API key is not a person to answer: 403 on its own workspace's item, 404 on another's.
    const created = await as(owner, 'POST', `/api/business/${business.id}/api-keys`, {
      name: 'Zapier',
      role: 'editor',
    });
    const key = { authorization: `Bearer ${created.json<{ secret: string }>().secret}` };
    const byKey = (itemId: string) => t.app.inject({ method: 'GET', url: comments(itemId), headers: key });
    expect((await byKey(item.id)).statusCode).toBe(403);
    expect((await byKey(theirItem.id)).statusCode).toBe(404);
  });

  it('stays with a deleted item, so a restore brings it back, and goes with it at the purge', async () => {
    const doomed = await createContent(t.app, editor, business.id, { title: 'Doomed' });
    await post(owner, { body: 'This will go.' }, doomed.id);
    const removed = await as(owner, 'DELETE', `/api/content/${doomed.id}`);
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await as(owner, 'GET', comments(doomed.id))).statusCode).toBe(404);
    const left = () =>
      t.database.db
        .selectFrom('content_comments')
        .select('id')
        .where('content_item_id', '=', doomed.id)
        .execute();
    expect(await left()).toHaveLength(1);

    await t.services.content.purgeDeleted();
    expect(await left()).toHaveLength(1);
    await t.database.db
      .updateTable('content_items')
      .set({ deleted_at: '2000-01-01T00:00:00.000Z' })
      .where('id', '=', doomed.id)
      .execute();
    await t.services.content.purgeDeleted();
    expect(await left()).toEqual([]);
  });
});
