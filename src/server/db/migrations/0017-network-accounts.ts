import { type Kysely, sql } from 'kysely';

// Native publishing (issue 16): the network accounts a workspace connected, every post published through
// one (so a retry never posts a part twice, and results and replies find the remote post), which account
// an attempt went through, and where a day's results came from.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('network_accounts')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('business_id', 'text', (col) => col.notNull().references('businesses.id').onDelete('cascade'))
    .addColumn('network', 'text', (col) => col.notNull().check(sql`network in ('mastodon')`))
    .addColumn('display_name', 'text', (col) => col.notNull())
    .addColumn('handle', 'text', (col) => col.notNull())
    .addColumn('avatar_url', 'text')
    .addColumn('profile_url', 'text')
    .addColumn('remote_account_id', 'text', (col) => col.notNull())
    // The instance or PDS address; '' for networks that have a single one.
    .addColumn('base_url', 'text', (col) => col.notNull())
    // JSON array of the scopes the token holds.
    .addColumn('scopes', 'text', (col) => col.notNull())
    .addColumn('token_expires_at', 'text')
    // AES-256-GCM sealed (SecretBox); never returned by the API, never logged.
    .addColumn('access_token_encrypted', 'text', (col) => col.notNull())
    .addColumn('refresh_token_encrypted', 'text')
    // `needs_reconnect`: the network refused the token (401); publishing through it fails until reconnected.
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('connected', 'needs_reconnect')`),
    )
    .addColumn('last_error', 'text')
    .addColumn('checked_at', 'text', (col) => col.notNull())
    // Where reading conversations resumes (Mastodon: the newest notification id seen).
    .addColumn('conversations_cursor', 'text')
    .addColumn('created_by', 'text', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    // One row per remote account in a workspace: connecting it again updates that row.
    .addUniqueConstraint('network_accounts_remote_key', [
      'business_id',
      'network',
      'base_url',
      'remote_account_id',
    ])
    .execute();

  await db.schema
    .createTable('network_posts')
    .addColumn('business_id', 'text', (col) => col.notNull().references('businesses.id').onDelete('cascade'))
    .addColumn('content_item_id', 'text', (col) =>
      col.notNull().references('content_items.id').onDelete('cascade'),
    )
    .addColumn('scheduled_at', 'text', (col) => col.notNull())
    // 0: the post itself; 1…: the further posts of its thread.
    .addColumn('position', 'integer', (col) => col.notNull().check(sql`position >= 0`))
    .addColumn('account_id', 'text', (col) =>
      col.notNull().references('network_accounts.id').onDelete('cascade'),
    )
    .addColumn('network', 'text', (col) => col.notNull())
    .addColumn('remote_id', 'text', (col) => col.notNull())
    .addColumn('url', 'text')
    .addColumn('metrics_read_at', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    // Written as each part goes out: a retry of the same schedule skips the parts already here.
    .addPrimaryKeyConstraint('network_posts_pkey', ['content_item_id', 'scheduled_at', 'position'])
    .execute();
  await db.schema
    .createIndex('network_posts_account_idx')
    .on('network_posts')
    .columns(['business_id', 'account_id', 'created_at'])
    .execute();

  // The account an attempt went through; kept (no foreign key) when the account is disconnected.
  await db.schema.alterTable('publish_attempts').addColumn('account_id', 'text').execute();
  // `manual` (the API or a CSV) or the network the results were read from.
  await db.schema
    .alterTable('metrics')
    .addColumn('source', 'text', (col) => col.notNull().defaultTo('manual'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('metrics').dropColumn('source').execute();
  await db.schema.alterTable('publish_attempts').dropColumn('account_id').execute();
  await db.schema.dropTable('network_posts').execute();
  await db.schema.dropTable('network_accounts').execute();
}
