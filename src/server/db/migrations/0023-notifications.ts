import { type Kysely, sql } from 'kysely';

// Notifications (issue 18, docs/notifications.md): what each person is told in a workspace, their choice of
// which kinds also come by email, and the marks that make once-only notices (an AI budget threshold in a
// month, a week's digest) happen once however many processes or retries get there.

const KINDS = sql`kind in ('review_requested', 'content_sent_back', 'content_approved', 'publish_failed', 'inbox_attention', 'ai_budget', 'job_died', 'weekly_digest')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('business_id', 'text', (col) => col.notNull().references('businesses.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull().check(KINDS))
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    // Where to act, a path of the web app (`/w/<workspace>/content/<item>`).
    .addColumn('link', 'text', (col) => col.notNull())
    // What it is about (a content item, a conversation, a job), when it is about one thing.
    .addColumn('subject_id', 'text')
    .addColumn('read_at', 'text')
    // `pending` until the email job sent it (`sent`) or found it no longer wanted (`skipped`); `none`:
    // no email was asked for (in-app only, or a server that cannot send mail).
    .addColumn('email_status', 'text', (col) =>
      col.notNull().check(sql`email_status in ('none', 'pending', 'sent', 'skipped')`),
    )
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  // One person's list in one workspace, newest first (the keyset the pages walk).
  await db.schema
    .createIndex('notifications_recipient_idx')
    .on('notifications')
    .columns(['business_id', 'user_id', 'created_at', 'id'])
    .execute();
  // The bell counts unread ones on every change: only those are indexed.
  await db.schema
    .createIndex('notifications_unread_idx')
    .on('notifications')
    .columns(['business_id', 'user_id'])
    .where(sql.ref('read_at'), 'is', null)
    .execute();
  // The hourly schedule looks for emails whose job was never queued: few rows are ever pending.
  await db.schema
    .createIndex('notifications_pending_email_idx')
    .on('notifications')
    .column('created_at')
    .where(sql<boolean>`email_status = 'pending'`)
    .execute();

  // Only choices that differ from the defaults need a row, but a saved choice keeps its row either way.
  await db.schema
    .createTable('notification_preferences')
    .addColumn('business_id', 'text', (col) => col.notNull().references('businesses.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull().check(KINDS))
    .addColumn('email', 'integer', (col) => col.notNull().check(sql`email in (0, 1)`))
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('notification_preferences_pkey', ['business_id', 'user_id', 'kind'])
    .execute();

  await db.schema
    .createTable('notification_marks')
    .addColumn('business_id', 'text', (col) => col.notNull().references('businesses.id').onDelete('cascade'))
    // `ai_budget:2026-03:80`, `weekly_digest:2026-03-02`.
    .addColumn('mark', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('notification_marks_pkey', ['business_id', 'mark'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notification_marks').execute();
  await db.schema.dropTable('notification_preferences').execute();
  await db.schema.dropTable('notifications').execute();
}
