import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The brand profile is one JSON document: it is read and written whole, and its shape evolves often.
  await db.schema
    .alterTable('businesses')
    .addColumn('brand_profile', 'text', (col) => col.notNull().defaultTo('{}'))
    .execute();

  await db.schema
    .createTable('ai_calls')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('business_id', 'text', (col) => col.notNull().references('businesses.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('task', 'text', (col) => col.notNull())
    .addColumn('task_version', 'text', (col) => col.notNull())
    .addColumn('provider', 'text', (col) => col.notNull())
    .addColumn('model', 'text', (col) => col.notNull())
    .addColumn('prompt_tokens', 'integer', (col) => col.notNull())
    .addColumn('completion_tokens', 'integer', (col) => col.notNull())
    .addColumn('cost_micro_usd', 'integer', (col) => col.notNull())
    .addColumn('price_known', 'integer', (col) => col.notNull())
    .addColumn('latency_ms', 'integer', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull())
    .addColumn('outcome', 'text', (col) => col.notNull())
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('ai_calls_business_created_idx')
    .on('ai_calls')
    .columns(['business_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('ai_budgets')
    .addColumn('business_id', 'text', (col) =>
      col.primaryKey().references('businesses.id').onDelete('cascade'),
    )
    .addColumn('monthly_limit_micro_usd', 'integer', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('ai_provider_settings')
    .addColumn('business_id', 'text', (col) =>
      col.primaryKey().references('businesses.id').onDelete('cascade'),
    )
    .addColumn('base_url', 'text')
    .addColumn('model', 'text', (col) => col.notNull())
    .addColumn('api_key_encrypted', 'text')
    .addColumn('api_key_last4', 'text')
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ai_provider_settings').execute();
  await db.schema.dropTable('ai_budgets').execute();
  await db.schema.dropTable('ai_calls').execute();
  await db.schema.alterTable('businesses').dropColumn('brand_profile').execute();
}
