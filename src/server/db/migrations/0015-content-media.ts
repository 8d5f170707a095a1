import { type Kysely, sql } from 'kysely';

// Library items attached to content items, in publishing order. Both foreign keys include the workspace,
// so the schema itself refuses an attachment across tenants; a media item still attached cannot be
// deleted (the service answers 409 `media_in_use` first and says where it is used).

export async function up(db: Kysely<unknown>): Promise<void> {
  // The targets of the same-workspace foreign keys below.
  await db.schema
    .createIndex('content_items_business_id_id_key')
    .on('content_items')
    .columns(['business_id', 'id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('media_items_business_id_id_key')
    .on('media_items')
    .columns(['business_id', 'id'])
    .unique()
    .execute();

  await db.schema
    .createTable('content_item_media')
    .addColumn('business_id', 'text', (col) => col.notNull().references('businesses.id').onDelete('cascade'))
    .addColumn('content_item_id', 'text', (col) => col.notNull())
    .addColumn('media_id', 'text', (col) => col.notNull())
    // 0-based order within the item.
    .addColumn('position', 'integer', (col) => col.notNull().check(sql`position >= 0`))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('content_item_media_pk', ['content_item_id', 'media_id'])
    .addUniqueConstraint('content_item_media_position_key', ['content_item_id', 'position'])
    // Deleting the post drops its attachments.
    .addForeignKeyConstraint(
      'content_item_media_item_fk',
      ['business_id', 'content_item_id'],
      'content_items',
      ['business_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    // NO ACTION (checked at the end of the statement, unlike RESTRICT), so deleting a whole workspace,
    // which cascades to both sides in one statement, still works.
    .addForeignKeyConstraint('content_item_media_media_fk', ['business_id', 'media_id'], 'media_items', [
      'business_id',
      'id',
    ])
    .execute();
  // "Where is this picture used?" before it is deleted.
  await db.schema
    .createIndex('content_item_media_media_idx')
    .on('content_item_media')
    .columns(['business_id', 'media_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('content_item_media').execute();
  await db.schema.dropIndex('media_items_business_id_id_key').execute();
  await db.schema.dropIndex('content_items_business_id_id_key').execute();
}
