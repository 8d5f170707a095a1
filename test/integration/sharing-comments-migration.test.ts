import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrateTo, migrateToLatest, migrationNames } from '#server/db/migrate.js';
import type { NotificationRow } from '#server/db/schema.js';
import { createBusiness, registerAccount } from '../factories/accounts.js';
import { describeEachDialect } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Migration 0026 teaches the notifications a new kind. SQLite cannot alter a check, so `notifications` and
// `notification_preferences` are rebuilt: their rows and indexes must survive on both databases, the new
// kind must be taken and unknown ones still refused, and going back down forgets the new kind's rows.

const AT = '2031-03-03T10:00:00.000Z';
const BEFORE = migrationNames()[migrationNames().indexOf('0026-sharing-and-comments') - 1] ?? '';

describeEachDialect('migration 0026: sharing and comments', (create) => {
  let t: TestApp;
  let businessId: string;
  let userId: string;

  beforeAll(async () => {
    t = await createTestApp(await create());
    const owner = await registerAccount(t.app);
    userId = owner.session.user.id;
    businessId = (await createBusiness(t.app, owner)).id;
  });
  afterAll(() => t.close());

  // Written before 0026, when notifications had no `facts` (0034).
  const notification = (id: string, kind: string): Omit<NotificationRow, 'facts'> => ({
    id,
    business_id: businessId,
    user_id: userId,
    kind: kind as NotificationRow['kind'],
    title: 'Title',
    body: 'Body',
    link: `/w/${businessId}`,
    subject_id: null,
    read_at: null,
    email_status: 'pending',
    created_at: AT,
  });

  const indexNames = async (): Promise<string[]> => {
    const db = t.database.db;
    if (t.database.dialect === 'sqlite') {
      const rows = await db
        .selectFrom('sqlite_master' as never)
        .select('name' as never)
        .where('type' as never, '=', 'index' as never)
        .execute();
      return (rows as { name: string }[]).map((row) => row.name);
    }
    const rows = await db
      .selectFrom('pg_indexes' as never)
      .select('indexname' as never)
      .execute();
    return (rows as { indexname: string }[]).map((row) => row.indexname);
  };

  it('keeps every notification and preference, takes comment_mention, refuses unknown kinds', async () => {
    const db = t.database.db;
    await migrateTo(db, BEFORE);
    await db
      .insertInto('notifications')
      .values(notification('01900000-0000-7000-8000-000000000001', 'review_requested'))
      .execute();
    await db
      .insertInto('notification_preferences')
      .values({ business_id: businessId, user_id: userId, kind: 'weekly_digest', email: 0, updated_at: AT })
      .execute();
    await expect(
      db
        .insertInto('notifications')
        .values(notification('01900000-0000-7000-8000-000000000002', 'comment_mention'))
        .execute(),
    ).rejects.toThrow();

    await migrateToLatest(db);
    expect(
      await db.selectFrom('notifications').select('kind').where('user_id', '=', userId).execute(),
    ).toEqual([{ kind: 'review_requested' }]);
    expect(
      await db
        .selectFrom('notification_preferences')
        .select(['kind', 'email'])
        .where('user_id', '=', userId)
        .execute(),
    ).toEqual([{ kind: 'weekly_digest', email: 0 }]);
    await db
      .insertInto('notifications')
      .values(notification('01900000-0000-7000-8000-000000000002', 'comment_mention'))
      .execute();
    await db
      .insertInto('notification_preferences')
      .values({ business_id: businessId, user_id: userId, kind: 'comment_mention', email: 0, updated_at: AT })
      .execute();
    await expect(
      db
        .insertInto('notifications')
        .values(notification('01900000-0000-7000-8000-000000000003', 'no_such_kind'))
        .execute(),
    ).rejects.toThrow();
    expect(await indexNames()).toEqual(
      expect.arrayContaining([
        'notifications_recipient_idx',
        'notifications_unread_idx',
        'notifications_pending_email_idx',
        'review_links_business_idx',
        'content_comments_item_idx',
      ]),
    );

    // Down again: the new kind's rows go, the others stay; then up, for the rest of the suite's sake.
    await migrateTo(db, BEFORE);
    expect(
      await db.selectFrom('notifications').select('kind').where('user_id', '=', userId).execute(),
    ).toEqual([{ kind: 'review_requested' }]);
    await migrateToLatest(db);
  });
});
