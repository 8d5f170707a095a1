import type { Kysely } from 'kysely';

// Webhook deliveries keep a few headers of the receiver's answer instead of the first 1 KiB of its body:
// with internal hosts allow-listed, stored bodies let a workspace admin read internal services, so the
// bodies already stored are dropped with their column.

export async function up(db: Kysely<unknown>): Promise<void> {
  // One change per statement: SQLite's ALTER TABLE takes one at a time.
  await db.schema.alterTable('webhook_deliveries').dropColumn('response_snippet').execute();
  await db.schema.alterTable('webhook_deliveries').addColumn('response_headers', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('webhook_deliveries').dropColumn('response_headers').execute();
  await db.schema.alterTable('webhook_deliveries').addColumn('response_snippet', 'text').execute();
}
