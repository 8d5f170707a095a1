import { type Kysely, sql } from 'kysely';

// Campaigns, content items and each item's history. Checks repeat the API's rules in the database, so a
// bug in a service cannot store a negative budget or an unknown status.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('business_id', 'text', (col) => col.notNull().references('businesses.id').onDelete('cascade'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('objective', 'text', (col) =>
      col.notNull().check(sql`objective in ('awareness', 'traffic', 'leads', 'sales', 'engagement')`),
    )
    .addColumn('channels', 'text', (col) => col.notNull())
    // bigint: cents of a large budget overflow a 32-bit integer on PostgreSQL.
    .addColumn('budget_minor', 'bigint', (col) => col.notNull().check(sql`budget_minor >= 0`))
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('start_date', 'text', (col) => col.notNull())
    .addColumn('end_date', 'text', (col) => col.notNull())
    .addColumn('kpis', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('draft', 'active', 'paused', 'completed', 'archived')`),
    )
    .addColumn('created_by', 'text', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addCheckConstraint('campaigns_dates_check', sql`end_date >= start_date`)
    // The target of content_items' same-workspace foreign key below.
    .addUniqueConstraint('campaigns_business_id_id_key', ['business_id', 'id'])
    .execute();
  await db.schema
    .createIndex('campaigns_business_start_idx')
    .on('campaigns')
    .columns(['business_id', 'start_date', 'id'])
    .execute();

  await db.schema
    .createTable('content_items')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('business_id', 'text', (col) => col.notNull().references('businesses.id').onDelete('cascade'))
    .addColumn('campaign_id', 'text')
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('format', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('thread', 'text', (col) => col.notNull())
    .addColumn('hashtags', 'text', (col) => col.notNull())
    .addColumn('call_to_action', 'text', (col) => col.notNull())
    .addColumn('media_brief', 'text', (col) => col.notNull())
    .addColumn('preheader', 'text', (col) => col.notNull())
    .addColumn('pillar', 'text')
    .addColumn('scheduled_at', 'text')
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .check(sql`status in ('idea', 'draft', 'in_review', 'approved', 'scheduled', 'published', 'failed')`),
    )
    .addColumn('variant_group', 'text')
    .addColumn('version', 'integer', (col) => col.notNull().check(sql`version >= 1`))
    .addColumn('ai_call_id', 'text', (col) => col.references('ai_calls.id').onDelete('set null'))
    .addColumn('created_by', 'text', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('updated_by', 'text', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    // Tenancy in the schema itself: an item can only point at a campaign of its own workspace. (Deleting a
    // campaign unlinks its items first; SET NULL here would also null business_id.)
    .addForeignKeyConstraint('content_items_campaign_fk', ['business_id', 'campaign_id'], 'campaigns', [
      'business_id',
      'id',
    ])
    .execute();
  // The calendar: one workspace, a range of scheduled_at; id breaks ties for the cursor.
  await db.schema
    .createIndex('content_items_calendar_idx')
    .on('content_items')
    .columns(['business_id', 'scheduled_at', 'id'])
    .execute();
  await db.schema
    .createIndex('content_items_status_idx')
    .on('content_items')
    .columns(['business_id', 'status'])
    .execute();
  await db.schema
    .createIndex('content_items_campaign_idx')
    .on('content_items')
    .columns(['business_id', 'campaign_id'])
    .execute();

  await db.schema
    .createTable('content_item_history')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('business_id', 'text', (col) => col.notNull().references('businesses.id').onDelete('cascade'))
    .addColumn('content_item_id', 'text', (col) =>
      col.notNull().references('content_items.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('actor_user_id', 'text', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('comment', 'text')
    .addColumn('snapshot', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('content_item_history_item_idx')
    .on('content_item_history')
    .columns(['business_id', 'content_item_id', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('content_item_history').execute();
  await db.schema.dropTable('content_items').execute();
  await db.schema.dropTable('campaigns').execute();
}
