import { type Kysely, sql } from 'kysely';

// Idempotency keys (docs/api.md, "Idempotency"): one row per key a client sent with a creating POST, scoped
// to the credential (a person or an API key) and the workspace the request acts in, holding the first
// answer for 24 hours. Columns are portable (text and integer) so both databases store the same thing.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('id', 'text', (col) => col.primaryKey())
    // Null when the request names no workspace (creating a workspace, acting on a resource by its id):
    // the key is then the person's own.
    .addColumn('business_id', 'text', (col) => col.references('businesses.id').onDelete('cascade'))
    // `user:<id>` or `api_key:<id>`: a person's key survives a new sign-in; another credential's never collides.
    .addColumn('credential', 'text', (col) => col.notNull())
    .addColumn('idempotency_key', 'text', (col) => col.notNull())
    // SHA-256 of the method, route, params, query and body: the same key with another request is refused.
    .addColumn('fingerprint', 'text', (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull().check(sql`state in ('running', 'done')`))
    // Whose run this is: a run whose lease ran out (its process died) is taken over under a new token.
    .addColumn('lock_token', 'text', (col) => col.notNull())
    .addColumn('locked_until', 'text', (col) => col.notNull())
    // Set inside the first transaction the request commits, so a crash after it never runs the request again.
    .addColumn('committed_at', 'text')
    .addColumn('response_status', 'integer')
    .addColumn('response_headers', 'text')
    // Sealed (SecretBox): a created API key's secret must not sit in plain text for a day.
    .addColumn('response_body', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .execute();
  // NULLs never collide in a unique index, so keys without a workspace get a partial index of their own
  // (as the jobs table does); both databases support partial indexes.
  await db.schema
    .createIndex('idempotency_keys_scope_key')
    .on('idempotency_keys')
    .columns(['business_id', 'credential', 'idempotency_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('idempotency_keys_personal_scope_key')
    .on('idempotency_keys')
    .columns(['credential', 'idempotency_key'])
    .unique()
    .where(sql.ref('business_id'), 'is', null)
    .execute();
  // The housekeeping sweep.
  await db.schema
    .createIndex('idempotency_keys_expires_at_idx')
    .on('idempotency_keys')
    .column('expires_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('idempotency_keys').execute();
}
