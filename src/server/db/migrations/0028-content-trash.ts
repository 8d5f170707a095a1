import type { Kysely } from 'kysely';

// Deleting content is undoable (issue 19, docs/publishing.md "The content list"): a delete sets
// `deleted_at` and every read leaves the row out; a restore clears it. The row keeps its history, media,
// comments, publish attempts and results in place, so a restore loses nothing. The housekeeping job deletes
// rows that stayed deleted past the grace period (then the foreign keys cascade as before).
// The index serves that purge, which looks across workspaces by time.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('content_items').addColumn('deleted_at', 'text').execute();
  await db.schema.createIndex('content_items_deleted_idx').on('content_items').column('deleted_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('content_items_deleted_idx').execute();
  await db.schema.alterTable('content_items').dropColumn('deleted_at').execute();
}
