import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrateTo, migrateToLatest, migrationNames } from '#server/db/migrate.js';
import { createBusiness, registerAccount } from '../factories/accounts.js';
import { createContent } from '../factories/marketing.js';
import { describeEachDialect } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Migration 0027 adds the queue slots and two columns to content items. Going down must drop them on both
// databases (SQLite cannot drop a column that is indexed or a foreign key), and coming back up must keep
// the items that were there.

const BEFORE = migrationNames()[migrationNames().indexOf('0027-queues') - 1] ?? '';

describeEachDialect('migration 0027: queues', (create) => {
  let t: TestApp;
  let businessId: string;
  let itemId: string;

  beforeAll(async () => {
    t = await createTestApp(await create());
    const owner = await registerAccount(t.app);
    businessId = (await createBusiness(t.app, owner)).id;
    itemId = (await createContent(t.app, owner, businessId, { evergreen_days: 30 })).id;
  });
  afterAll(() => t.close());

  it('goes down and up again, keeping content items, and refuses a weekday out of range', async () => {
    const db = t.database.db;
    await db
      .insertInto('queue_slots')
      .values({
        business_id: businessId,
        channel: 'x',
        weekday: 2,
        time: '09:00',
        created_at: '2027-01-01T00:00:00.000Z',
      })
      .execute();
    await expect(
      db
        .insertInto('queue_slots')
        .values({
          business_id: businessId,
          channel: 'x',
          weekday: 8,
          time: '09:00',
          created_at: '2027-01-01T00:00:00.000Z',
        })
        .execute(),
    ).rejects.toThrow();

    await migrateTo(db, BEFORE);
    const kept = await db.selectFrom('content_items').selectAll().where('id', '=', itemId).executeTakeFirst();
    expect(kept).toBeDefined();
    expect(kept && 'evergreen_days' in kept).toBe(false);

    await migrateToLatest(db);
    expect(
      await db
        .selectFrom('content_items')
        .select(['evergreen_days', 'evergreen_of'])
        .where('id', '=', itemId)
        .executeTakeFirst(),
    ).toEqual({ evergreen_days: null, evergreen_of: null });
    expect(await db.selectFrom('queue_slots').selectAll().execute()).toEqual([]);
  });
});
