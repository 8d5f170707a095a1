import { type Kysely, sql } from 'kysely';

// Queues (issue 19, docs/publishing.md "Queues"):
// - `queue_slots`: a workspace's posting slots per channel, as a weekday and a wall-clock time in the
//   workspace's zone. Stored as wall-clock times, not instants, so a slot stays at 09:00 across a
//   daylight-saving change. A channel without rows uses its network's recommended times.
// - `content_items.evergreen_days`: null for an ordinary item; for an evergreen one, the fewest days between
//   two publications of it. When it is published a copy is queued at the first free slot that far ahead.
// - `content_items.evergreen_of`: the item a re-queued copy was made from (provenance, and so a repeated
//   job finds the copy it already made instead of making another).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('queue_slots')
    .addColumn('business_id', 'text', (col) => col.notNull().references('businesses.id').onDelete('cascade'))
    .addColumn('channel', 'text', (col) => col.notNull())
    // ISO weekday: 1 = Monday … 7 = Sunday.
    .addColumn('weekday', 'integer', (col) => col.notNull())
    // `HH:MM`, 24-hour.
    .addColumn('time', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('queue_slots_pk', ['business_id', 'channel', 'weekday', 'time'])
    .addCheckConstraint('queue_slots_weekday_check', sql`weekday between 1 and 7`)
    .execute();

  await db.schema.alterTable('content_items').addColumn('evergreen_days', 'integer').execute();
  // No foreign key: SQLite cannot drop a column that has one, and a copy outlives its original anyway.
  await db.schema.alterTable('content_items').addColumn('evergreen_of', 'text').execute();
  await db.schema
    .createIndex('content_items_evergreen_of_idx')
    .on('content_items')
    .columns(['business_id', 'evergreen_of'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('content_items_evergreen_of_idx').execute();
  await db.schema.alterTable('content_items').dropColumn('evergreen_of').execute();
  await db.schema.alterTable('content_items').dropColumn('evergreen_days').execute();
  await db.schema.dropTable('queue_slots').execute();
}
