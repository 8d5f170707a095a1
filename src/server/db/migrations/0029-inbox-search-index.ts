import { type Kysely, SqliteAdapter, sql } from 'kysely';

// Inbox search (issue 20): `q` matches `lower(...) like '%q%'` on message bodies and on the customer's
// name and handle. Without an index PostgreSQL read every message of the workspace (145 ms at 100,000
// messages). Trigram GIN indexes (pg_trgm, shipped with PostgreSQL and trusted since 13, so a database
// owner may create it) answer a `like '%…%'` of three or more characters from the index. They index the
// very expressions the query uses, so the planner can match them. SQLite keeps its scan: it has no
// trigram index in its core build, and the one-file deployments it serves hold far fewer messages.

export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) return;
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create index messages_body_trgm_idx on messages using gin (lower(body) gin_trgm_ops)`.execute(db);
  await sql`create index conversations_customer_name_trgm_idx on conversations
    using gin (lower(coalesce(customer_name, '')) gin_trgm_ops)`.execute(db);
  await sql`create index conversations_customer_handle_trgm_idx on conversations
    using gin (lower(coalesce(customer_handle, '')) gin_trgm_ops)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) return;
  await sql`drop index if exists conversations_customer_handle_trgm_idx`.execute(db);
  await sql`drop index if exists conversations_customer_name_trgm_idx`.execute(db);
  await sql`drop index if exists messages_body_trgm_idx`.execute(db);
  // The extension stays: other databases objects may use it, and it costs nothing unused.
}
