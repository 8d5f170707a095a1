import { type Kysely, sql } from 'kysely';

/** The durable queue of the in-process job runner (the BullMQ queue keeps its jobs in Redis instead). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (col) => col.primaryKey())
    // Null only for system jobs (housekeeping), which no workspace can see.
    .addColumn('business_id', 'text', (col) => col.references('businesses.id').onDelete('cascade'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('payload', 'text', (col) => col.notNull())
    .addColumn('state', 'text', (col) =>
      col.notNull().check(sql`state in ('queued', 'running', 'succeeded', 'failed', 'dead', 'cancelled')`),
    )
    .addColumn('progress', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('progress_message', 'text')
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (col) => col.notNull())
    .addColumn('run_at', 'text', (col) => col.notNull())
    .addColumn('lease_owner', 'text')
    .addColumn('lease_expires_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('result', 'text')
    .addColumn('idempotency_key', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  // The claim query: the next due job among the claimable states.
  await db.schema.createIndex('jobs_state_run_at_idx').on('jobs').columns(['state', 'run_at']).execute();
  // Recent jobs of a workspace, newest first (ids are time-ordered).
  await db.schema.createIndex('jobs_business_id_idx').on('jobs').columns(['business_id', 'id']).execute();
  // One job per idempotency key and workspace. NULLs never collide in a unique index, so system jobs
  // (no workspace) get their own partial index; both databases support partial indexes.
  await db.schema
    .createIndex('jobs_business_idempotency_key_idx')
    .on('jobs')
    .columns(['business_id', 'idempotency_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('jobs_system_idempotency_key_idx')
    .on('jobs')
    .column('idempotency_key')
    .unique()
    .where(sql.ref('business_id'), 'is', null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('jobs').execute();
}
