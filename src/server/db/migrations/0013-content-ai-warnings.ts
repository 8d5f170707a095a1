import type { Kysely } from 'kysely';

// What the AI checks found in a draft they could not repair (a link nobody gave, text in another language,
// a word the brand avoids left after the repair), kept on the item it was saved as: the editor shows it
// beside the channel's advice until a person edits that field. A JSON array of { field, code, message }.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('content_items')
    .addColumn('ai_warnings', 'text', (col) => col.notNull().defaultTo('[]'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('content_items').dropColumn('ai_warnings').execute();
}
