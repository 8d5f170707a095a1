import type { Kysely } from 'kysely';

// Compose once, tailor per network (issue 19, docs/publishing.md "Composing for several networks"):
// `content_items.post_group` links the items one composer post made, one per channel, so each shows its
// siblings ("Also on") and they move together. It is not `variant_group`, which links the alternatives one
// AI run wrote for a single channel (drafts to choose among, not one post on several networks).
// No foreign key: the group is an id of no table, the items' shared key.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('content_items').addColumn('post_group', 'text').execute();
  await db.schema
    .createIndex('content_items_post_group_idx')
    .on('content_items')
    .columns(['business_id', 'post_group'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('content_items_post_group_idx').execute();
  await db.schema.alterTable('content_items').dropColumn('post_group').execute();
}
