import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrateTo, migrateToLatest, migrationNames } from '#server/db/migrate.js';
import { createBusiness, registerAccount } from '../factories/accounts.js';
import { describeEachDialect } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Migration 0031 adds `content_items.post_group` and its index. Going down must drop both on both databases
// (SQLite cannot drop an indexed column), keeping the items; coming back up gives them no group.

const BEFORE = migrationNames()[migrationNames().indexOf('0031-post-groups') - 1] ?? '';

describeEachDialect('migration 0031: post groups', (create) => {
  let t: TestApp;
  let ids: string[];

  beforeAll(async () => {
    t = await createTestApp(await create());
    const owner = await registerAccount(t.app);
    const business = await createBusiness(t.app, owner);
    const composed = await t.app.inject({
      method: 'POST',
      url: '/api/content/posts',
      headers: owner.auth,
      payload: { business_id: business.id, variants: { x: { body: 'Hi' }, linkedin: { body: 'Hello' } } },
    });
    expect(composed.statusCode, composed.body).toBe(201);
    ids = composed.json<{ items: Array<{ id: string }> }>().items.map((item) => item.id);
  });
  afterAll(() => t.close());

  it('goes down and up again, keeping the composed items', async () => {
    const db = t.database.db;
    expect(BEFORE).not.toBe('');
    await migrateTo(db, BEFORE);
    const kept = await db.selectFrom('content_items').selectAll().where('id', 'in', ids).execute();
    expect(kept).toHaveLength(2);
    expect(kept.some((row) => 'post_group' in row)).toBe(false);

    await migrateToLatest(db);
    const back = await db.selectFrom('content_items').select('post_group').where('id', 'in', ids).execute();
    expect(back).toEqual([{ post_group: null }, { post_group: null }]);
  });
});
