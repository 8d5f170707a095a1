import type { Kysely } from 'kysely';

/**
 * What AI calls in flight may still spend. A call reserves its worst-case cost before it reaches the provider,
 * only while the month's spend plus the reservations held stays under the workspace's limit, and gives the
 * reservation back when its ledger row is written. A reservation of a process that died lapses at
 * `expires_at`, which lies past the longest a call may run.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ai_budget_reservations')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('business_id', 'text', (col) => col.notNull().references('businesses.id').onDelete('cascade'))
    .addColumn('amount_micro_usd', 'integer', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('ai_budget_reservations_business_expires_idx')
    .on('ai_budget_reservations')
    .columns(['business_id', 'expires_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ai_budget_reservations').execute();
}
