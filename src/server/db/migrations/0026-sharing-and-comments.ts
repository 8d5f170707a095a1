import { type Kysely, SqliteAdapter, sql } from 'kysely';

// Sharing the calendar and review comments (issue 19, docs/publishing.md and docs/notifications.md):
// - `review_links`: read-only links for a client, expiring and revocable; only a SHA-256 of each token is
//   stored, like the calendar feeds (0005).
// - `content_comments`: threaded comments on a content item; they go with their item and their workspace.
// - notifications learn a kind, `comment_mention`. Both tables that check the kind get the wider check:
//   PostgreSQL swaps the constraint, SQLite rebuilds the table (as 0024 does for network_accounts).

const KINDS_BEFORE = [
  'review_requested',
  'content_sent_back',
  'content_approved',
  'publish_failed',
  'inbox_attention',
  'ai_budget',
  'job_died',
  'weekly_digest',
];
const KINDS_AFTER = [...KINDS_BEFORE, 'comment_mention'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('review_links')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('business_id', 'text', (col) => col.notNull().references('businesses.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    // Who it is for, as the owner wrote it ("Acme's marketing team"); shown on the shared page too.
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('created_by', 'text', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createIndex('review_links_business_idx')
    .on('review_links')
    .columns(['business_id', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('content_comments')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('business_id', 'text', (col) => col.notNull().references('businesses.id').onDelete('cascade'))
    .addColumn('content_item_id', 'text', (col) =>
      col.notNull().references('content_items.id').onDelete('cascade'),
    )
    // A reply names the thread's first comment; threads are one level deep.
    .addColumn('parent_id', 'text', (col) => col.references('content_comments.id').onDelete('cascade'))
    // A member who is deleted leaves their comments behind, unsigned.
    .addColumn('author_id', 'text', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (col) => col.notNull())
    // JSON array of the member ids the body mentions (who was notified).
    .addColumn('mentions', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    // A first comment deleted while it has replies keeps its place in the thread, without its text.
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema
    .createIndex('content_comments_item_idx')
    .on('content_comments')
    .columns(['business_id', 'content_item_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('content_comments_parent_idx')
    .on('content_comments')
    .column('parent_id')
    .execute();

  await replaceKindChecks(db, KINDS_AFTER);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from notifications where kind = 'comment_mention'`.execute(db);
  await sql`delete from notification_preferences where kind = 'comment_mention'`.execute(db);
  await replaceKindChecks(db, KINDS_BEFORE);
  await db.schema.dropTable('content_comments').execute();
  await db.schema.dropTable('review_links').execute();
}

async function replaceKindChecks(db: Kysely<unknown>, kinds: string[]): Promise<void> {
  const allowed = sql.join(kinds.map((kind) => sql.lit(kind)));
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) {
    for (const table of ['notifications', 'notification_preferences']) {
      const constraint = sql.ref(`${table}_kind_check`);
      await sql`alter table ${sql.table(table)} drop constraint ${constraint}`.execute(db);
      await sql`alter table ${sql.table(table)} add constraint ${constraint} check (kind in (${allowed}))`.execute(
        db,
      );
    }
    return;
  }
  // Outside a transaction: SQLite ignores `foreign_keys` inside one (the migrator runs SQLite without).
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      await rebuildNotifications(trx, allowed);
      await rebuildPreferences(trx, allowed);
      const broken = await sql<{ table: string }>`pragma foreign_key_check`.execute(trx);
      if (broken.rows.length > 0) throw new Error('notifications: rebuilding them broke a foreign key');
    });
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

/** The table and indexes as migration 0023 made them, with the new check. */
async function rebuildNotifications(trx: Kysely<unknown>, allowed: ReturnType<typeof sql.join>) {
  await trx.schema
    .createTable('notifications_next')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('business_id', 'text', (col) => col.notNull().references('businesses.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in (${allowed})`))
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('link', 'text', (col) => col.notNull())
    .addColumn('subject_id', 'text')
    .addColumn('read_at', 'text')
    .addColumn('email_status', 'text', (col) =>
      col.notNull().check(sql`email_status in ('none', 'pending', 'sent', 'skipped')`),
    )
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  const columns = sql.join(
    [
      'id',
      'business_id',
      'user_id',
      'kind',
      'title',
      'body',
      'link',
      'subject_id',
      'read_at',
      'email_status',
      'created_at',
    ].map((column) => sql.ref(column)),
  );
  await sql`insert into notifications_next (${columns}) select ${columns} from notifications`.execute(trx);
  await sql`drop table notifications`.execute(trx);
  await sql`alter table notifications_next rename to notifications`.execute(trx);
  await trx.schema
    .createIndex('notifications_recipient_idx')
    .on('notifications')
    .columns(['business_id', 'user_id', 'created_at', 'id'])
    .execute();
  await trx.schema
    .createIndex('notifications_unread_idx')
    .on('notifications')
    .columns(['business_id', 'user_id'])
    .where(sql.ref('read_at'), 'is', null)
    .execute();
  await trx.schema
    .createIndex('notifications_pending_email_idx')
    .on('notifications')
    .column('created_at')
    .where(sql<boolean>`email_status = 'pending'`)
    .execute();
}

async function rebuildPreferences(trx: Kysely<unknown>, allowed: ReturnType<typeof sql.join>) {
  await trx.schema
    .createTable('notification_preferences_next')
    .addColumn('business_id', 'text', (col) => col.notNull().references('businesses.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in (${allowed})`))
    .addColumn('email', 'integer', (col) => col.notNull().check(sql`email in (0, 1)`))
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('notification_preferences_pkey', ['business_id', 'user_id', 'kind'])
    .execute();
  const columns = sql.join(
    ['business_id', 'user_id', 'kind', 'email', 'updated_at'].map((column) => sql.ref(column)),
  );
  await sql`insert into notification_preferences_next (${columns}) select ${columns} from notification_preferences`.execute(
    trx,
  );
  await sql`drop table notification_preferences`.execute(trx);
  await sql`alter table notification_preferences_next rename to notification_preferences`.execute(trx);
}
