import type { Kysely } from 'kysely';

// The webhook outbox: each delivery is written in the transaction of the change that caused it, with an
// outbox row saying its send job is not queued yet. The job is queued after the commit and the row
// deleted; rows a crash left behind are queued by the next sweep (at start-up and periodically).
//
// And webhook deliveries keep a few headers of the receiver's answer instead of the first 1 KiB of its
// body: with internal hosts allow-listed, stored bodies let a workspace admin read internal services, so
// the bodies already stored are dropped with their column.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('webhook_outbox')
    .addColumn('delivery_id', 'text', (col) =>
      col.primaryKey().references('webhook_deliveries.id').onDelete('cascade'),
    )
    .addColumn('business_id', 'text', (col) => col.notNull().references('businesses.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  // One change per statement: SQLite's ALTER TABLE takes one at a time.
  await db.schema.alterTable('webhook_deliveries').dropColumn('response_snippet').execute();
  await db.schema.alterTable('webhook_deliveries').addColumn('response_headers', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('webhook_deliveries').dropColumn('response_headers').execute();
  await db.schema.alterTable('webhook_deliveries').addColumn('response_snippet', 'text').execute();
  await db.schema.dropTable('webhook_outbox').execute();
}
