import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrateTo, migrateToLatest, migrationNames } from '#server/db/migrate.js';
import type { NetworkAccountRow } from '#server/db/schema.js';
import { createBusiness, registerAccount } from '../factories/accounts.js';
import { createContent } from '../factories/marketing.js';
import { describeEachDialect } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Migration 0024 widens the networks `network_accounts` takes. SQLite cannot alter a check, so the table is
// rebuilt: the rows, the unique key and `network_posts`' reference to it (with its cascade) must survive,
// on both databases, and going back down forgets the accounts the old check would refuse.

const AT = '2031-03-03T10:00:00.000Z';

describeEachDialect('migration 0024: more networks for connected accounts', (create) => {
  let t: TestApp;
  let businessId: string;
  let itemId: string;

  beforeEach(async () => {
    t = await createTestApp(await create());
    const owner = await registerAccount(t.app);
    businessId = (await createBusiness(t.app, owner)).id;
    itemId = (await createContent(t.app, owner, businessId, { channel: 'mastodon' })).id;
  });
  afterEach(async () => {
    await t.close();
  });

  const account = (id: string, network: string, remote: string): NetworkAccountRow => ({
    id,
    business_id: businessId,
    network: network as NetworkAccountRow['network'],
    display_name: 'The Bakery',
    handle: '@bakery',
    avatar_url: null,
    profile_url: null,
    remote_account_id: remote,
    base_url: 'https://social.example',
    scopes: '[]',
    token_expires_at: null,
    access_token_encrypted: 'sealed',
    refresh_token_encrypted: null,
    status: 'connected',
    last_error: null,
    checked_at: AT,
    conversations_cursor: '110',
    created_by: null,
    created_at: AT,
    updated_at: AT,
  });

  it('keeps every account and its posts, takes the new networks, and still refuses unknown ones', async () => {
    const db = t.database.db;
    const names = migrationNames();
    await migrateTo(db, names[names.indexOf('0024-network-ids') - 1] ?? '');
    const mastodon = account('01900000-0000-7000-8000-000000000001', 'mastodon', '42');
    await db.insertInto('network_accounts').values(mastodon).execute();
    await expect(
      db
        .insertInto('network_accounts')
        .values(account('01900000-0000-7000-8000-000000000002', 'bluesky', 'did:plc:x'))
        .execute(),
    ).rejects.toThrow();
    await db
      .insertInto('network_posts')
      .values({
        business_id: businessId,
        content_item_id: itemId,
        scheduled_at: AT,
        position: 0,
        account_id: mastodon.id,
        network: 'mastodon',
        remote_id: '110',
        url: null,
        metrics_read_at: null,
        created_at: AT,
      })
      .execute();

    await migrateToLatest(db);
    expect(await db.selectFrom('network_accounts').selectAll().execute()).toEqual([mastodon]);
    const bluesky = account('01900000-0000-7000-8000-000000000003', 'bluesky', 'did:plc:bakery');
    await db.insertInto('network_accounts').values(bluesky).execute();
    await expect(
      db
        .insertInto('network_accounts')
        .values({ ...bluesky, id: '01900000-0000-7000-8000-000000000004' })
        .execute(),
    ).rejects.toThrow();
    await expect(
      db
        .insertInto('network_accounts')
        .values(account('01900000-0000-7000-8000-000000000005', 'myspace', '7'))
        .execute(),
    ).rejects.toThrow();
    // `network_posts` still points at the table: removing the account removes its posts.
    expect(await db.selectFrom('network_posts').select('remote_id').execute()).toEqual([
      { remote_id: '110' },
    ]);
    await db.deleteFrom('network_accounts').where('id', '=', mastodon.id).execute();
    expect(await db.selectFrom('network_posts').select('remote_id').execute()).toEqual([]);

    await migrateTo(db, names[names.indexOf('0024-network-ids') - 1] ?? '');
    expect(await db.selectFrom('network_accounts').select('network').execute()).toEqual([]);
    await migrateToLatest(db);
  });
});
