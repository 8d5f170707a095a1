import { type Kysely, sql } from 'kysely';

// Analytics: actual results per content item and day, saved forecasts, and per-business overrides of the
// benchmark rates. Counts and money are bigint (a large account's impressions overflow 32 bits on
// PostgreSQL); the checks repeat the API's rules so a bug cannot store a negative count.

export async function up(db: Kysely<unknown>): Promise<void> {
  let metrics = db.schema
    .createTable('metrics')
    .addColumn('business_id', 'text', (col) => col.notNull().references('businesses.id').onDelete('cascade'))
    .addColumn('content_item_id', 'text', (col) =>
      col.notNull().references('content_items.id').onDelete('cascade'),
    )
    .addColumn('day', 'text', (col) => col.notNull());
  for (const column of ['impressions', 'reach', 'engagements', 'clicks', 'conversions', 'spend_minor']) {
    metrics = metrics.addColumn(column, 'bigint', (col) => col.notNull().check(sql`${sql.ref(column)} >= 0`));
  }
  await metrics
    .addColumn('currency', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    // One row per item and day: recording the same day again replaces it (upsert on this key).
    .addPrimaryKeyConstraint('metrics_pkey', ['content_item_id', 'day'])
    .execute();
  await db.schema
    .createIndex('metrics_business_day_idx')
    .on('metrics')
    .columns(['business_id', 'day'])
    .execute();

  await db.schema
    .createTable('simulations')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('business_id', 'text', (col) => col.notNull().references('businesses.id').onDelete('cascade'))
    // No foreign key: a forecast outlives its campaign as a record of what was planned.
    .addColumn('campaign_id', 'text')
    .addColumn('inputs', 'text', (col) => col.notNull())
    .addColumn('seed', 'bigint', (col) => col.notNull())
    .addColumn('trials', 'integer', (col) => col.notNull().check(sql`trials > 0`))
    .addColumn('results', 'text', (col) => col.notNull())
    .addColumn('created_by', 'text', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('simulations_campaign_idx')
    .on('simulations')
    .columns(['business_id', 'campaign_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('benchmark_overrides')
    .addColumn('business_id', 'text', (col) => col.notNull().references('businesses.id').onDelete('cascade'))
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('objective', 'text', (col) => col.notNull())
    .addColumn('metric', 'text', (col) => col.notNull())
    .addColumn('value', 'double precision', (col) => col.notNull().check(sql`value >= 0`))
    .addColumn('updated_by', 'text', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('benchmark_overrides_pkey', ['business_id', 'channel', 'objective', 'metric'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('benchmark_overrides').execute();
  await db.schema.dropTable('simulations').execute();
  await db.schema.dropTable('metrics').execute();
}
