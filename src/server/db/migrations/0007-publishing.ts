import { type Kysely, sql } from 'kysely';

// Publishing: the connectors a workspace publishes through, every publish attempt, and the publication
// state of each content item (its current publish job, when it went out, why it failed).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('publishing_connectors')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('business_id', 'text', (col) => col.notNull().references('businesses.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('webhook')`))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('settings', 'text', (col) => col.notNull())
    // AES-256-GCM sealed (SecretBox); the plain secret is shown once, when the connector is created.
    .addColumn('secret_encrypted', 'text', (col) => col.notNull())
    // JSON array of channel ids; null publishes every channel.
    .addColumn('channels', 'text')
    .addColumn('enabled', 'integer', (col) => col.notNull().check(sql`enabled in (0, 1)`))
    .addColumn('created_by', 'text', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('publishing_connectors_business_idx')
    .on('publishing_connectors')
    .columns(['business_id', 'id'])
    .execute();

  await db.schema
    .createTable('publish_attempts')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('business_id', 'text', (col) => col.notNull().references('businesses.id').onDelete('cascade'))
    .addColumn('content_item_id', 'text', (col) =>
      col.notNull().references('content_items.id').onDelete('cascade'),
    )
    // Kept when the connector is deleted: the attempt still happened. Null when none was configured.
    .addColumn('connector_id', 'text', (col) =>
      col.references('publishing_connectors.id').onDelete('set null'),
    )
    .addColumn('connector_kind', 'text')
    .addColumn('job_id', 'text', (col) => col.notNull())
    .addColumn('scheduled_at', 'text', (col) => col.notNull())
    .addColumn('attempt', 'integer', (col) => col.notNull().check(sql`attempt >= 1`))
    .addColumn('outcome', 'text', (col) =>
      col.notNull().check(sql`outcome in ('succeeded', 'retrying', 'failed')`),
    )
    .addColumn('failure_kind', 'text', (col) =>
      col.check(sql`failure_kind in ('retryable', 'auth_expired', 'rejected', 'no_connector')`),
    )
    .addColumn('status_code', 'integer')
    .addColumn('error', 'text')
    .addColumn('duration_ms', 'integer', (col) => col.notNull())
    .addColumn('external_id', 'text')
    .addColumn('external_url', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('publish_attempts_item_idx')
    .on('publish_attempts')
    .columns(['business_id', 'content_item_id', 'id'])
    .execute();

  // The job that will publish the item (so moving or unscheduling it cancels exactly that job), when it
  // was published, and why it failed: shown on the item itself.
  await db.schema.alterTable('content_items').addColumn('publish_job_id', 'text').execute();
  await db.schema.alterTable('content_items').addColumn('published_at', 'text').execute();
  await db.schema.alterTable('content_items').addColumn('publish_error', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('content_items').dropColumn('publish_error').execute();
  await db.schema.alterTable('content_items').dropColumn('published_at').execute();
  await db.schema.alterTable('content_items').dropColumn('publish_job_id').execute();
  await db.schema.dropTable('publish_attempts').execute();
  await db.schema.dropTable('publishing_connectors').execute();
}
