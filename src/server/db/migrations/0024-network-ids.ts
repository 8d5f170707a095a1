import { type Kysely, SqliteAdapter, sql } from 'kysely';

// More native networks (issue 16): `network_accounts.network` was checked against Mastodon alone. The check
// now takes every network of the first wave, so each provider that lands needs no migration of its
// own (the application still accepts only the ids in NETWORK_IDS). PostgreSQL swaps the constraint;
// SQLite cannot alter one, so the table is rebuilt the way its documentation prescribes (a new table,
// copy, drop, rename) with foreign keys off, which leaves `network_posts`' references to it intact.

const FIRST_WAVE = [
  'mastodon',
  'bluesky',
  'threads',
  'x',
  'linkedin',
  'facebook',
  'instagram',
  'pinterest',
  'google_business',
  'telegram',
  'discord',
  'slack',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await replaceCheck(db, FIRST_WAVE);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from network_accounts where network <> 'mastodon'`.execute(db);
  await replaceCheck(db, ['mastodon']);
}

/** The table's columns as migration 0017 made them, in its order. */
const COLUMNS = [
  'id',
  'business_id',
  'network',
  'display_name',
  'handle',
  'avatar_url',
  'profile_url',
  'remote_account_id',
  'base_url',
  'scopes',
  'token_expires_at',
  'access_token_encrypted',
  'refresh_token_encrypted',
  'status',
  'last_error',
  'checked_at',
  'conversations_cursor',
  'created_by',
  'created_at',
  'updated_at',
];

async function replaceCheck(db: Kysely<unknown>, networks: string[]): Promise<void> {
  const allowed = sql.join(networks.map((network) => sql.lit(network)));
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) {
    await sql`alter table network_accounts drop constraint network_accounts_network_check`.execute(db);
    await sql`alter table network_accounts add constraint network_accounts_network_check check (network in (${allowed}))`.execute(
      db,
    );
    return;
  }
  // Outside a transaction: SQLite ignores `foreign_keys` inside one (the migrator runs SQLite without).
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      await trx.schema
        .createTable('network_accounts_next')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('business_id', 'text', (col) =>
          col.notNull().references('businesses.id').onDelete('cascade'),
        )
        .addColumn('network', 'text', (col) => col.notNull().check(sql`network in (${allowed})`))
        .addColumn('display_name', 'text', (col) => col.notNull())
        .addColumn('handle', 'text', (col) => col.notNull())
        .addColumn('avatar_url', 'text')
        .addColumn('profile_url', 'text')
        .addColumn('remote_account_id', 'text', (col) => col.notNull())
        .addColumn('base_url', 'text', (col) => col.notNull())
        .addColumn('scopes', 'text', (col) => col.notNull())
        .addColumn('token_expires_at', 'text')
        .addColumn('access_token_encrypted', 'text', (col) => col.notNull())
        .addColumn('refresh_token_encrypted', 'text')
        .addColumn('status', 'text', (col) =>
          col.notNull().check(sql`status in ('connected', 'needs_reconnect')`),
        )
        .addColumn('last_error', 'text')
        .addColumn('checked_at', 'text', (col) => col.notNull())
        .addColumn('conversations_cursor', 'text')
        .addColumn('created_by', 'text', (col) => col.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .addUniqueConstraint('network_accounts_remote_key', [
          'business_id',
          'network',
          'base_url',
          'remote_account_id',
        ])
        .execute();
      const columns = sql.join(COLUMNS.map((column) => sql.ref(column)));
      await sql`insert into network_accounts_next (${columns}) select ${columns} from network_accounts`.execute(
        trx,
      );
      await sql`drop table network_accounts`.execute(trx);
      await sql`alter table network_accounts_next rename to network_accounts`.execute(trx);
      const broken = await sql<{ table: string }>`pragma foreign_key_check`.execute(trx);
      if (broken.rows.length > 0) throw new Error('network_accounts: rebuilding it broke a foreign key');
    });
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}
