import { type Kysely, SqliteAdapter, sql } from 'kysely';

// Avatars of connected network accounts (issue 16). The app's CSP allows images from our own origin only
// (`img-src 'self' data:`), so the avatar URL a network gives cannot be shown as it is: the server fetches
// it through the outbound guard, keeps a 96-pixel WebP of it here (a few kilobytes: a column, not the
// media store) and serves it to the workspace's members.
//
// Direct messages (issue 16) reach the inbox beside public mentions and replies, in the same conversation
// with the customer: each message says which it is, so the inbox can show it and a reply answers in kind
// (a direct message privately, a mention in public).

export async function up(db: Kysely<unknown>): Promise<void> {
  const bytes = db.getExecutor().adapter instanceof SqliteAdapter ? 'blob' : 'bytea';
  await db.schema
    .createTable('network_account_avatars')
    .addColumn('account_id', 'text', (col) =>
      col.primaryKey().references('network_accounts.id').onDelete('cascade'),
    )
    .addColumn('business_id', 'text', (col) => col.notNull().references('businesses.id').onDelete('cascade'))
    // The WebP served; its ETag is a hash of these bytes.
    .addColumn('image', bytes, (col) => col.notNull())
    .addColumn('etag', 'text', (col) => col.notNull())
    // The network's address it was read from, and when it was last read (re-read daily while it stays).
    .addColumn('source_url', 'text', (col) => col.notNull())
    .addColumn('checked_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .alterTable('messages')
    .addColumn('visibility', 'text', (col) =>
      col.notNull().defaultTo('public').check(sql`visibility in ('public', 'direct')`),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('messages').dropColumn('visibility').execute();
  await db.schema.dropTable('network_account_avatars').execute();
}
