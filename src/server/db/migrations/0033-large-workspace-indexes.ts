import { type Kysely, SqliteAdapter, sql } from 'kysely';

// A workspace of a million content items and 100,000 conversations (issue 20, round 2; docs/benchmarks.md,
// "One large workspace"). What `EXPLAIN` showed at that size, and what this changes:
//
// - The library comes newest first (`order by id desc`). Filtered by status or campaign, it walked every
//   item newer than the first match: 192,000 rows (0.4–0.7 s) for `published`, as the newest items are the
//   planned ones, and 575,000 for a campaign of two years ago. The status and campaign indexes now end in
//   `id`, so such a page is the first 50 entries of one index range. They replace the two-column indexes,
//   whose every use (counts by status, the campaign foreign key, unlinking a campaign) they still serve.
// - The trash index (0028) held every row, NULL for the live ones. After a bulk import's sampled `ANALYZE`
//   (statistics.repository.ts), SQLite's planner took `deleted_at is null`, which every read has, for a
//   two-row lookup on it, and read and sorted the whole table for each page (1–2.5 s). It now holds only
//   deleted rows, which is all the purge looks for, and no read of live items can use it.
// - The inbox opens on its open conversations, which are a few among many resolved ones: its list walked
//   the whole inbox order and filtered it (12,000 rows for one quiet channel's open conversations among
//   100,000). A status index in inbox order lets a page of one status be read as one range of it (the
//   repository reads `open`, which is also a snooze that ran out, as two such ranges).
// - Content search (`q`: title or body contains the phrase) read every item of the workspace. PostgreSQL
//   gets trigram indexes on the same expressions the query uses, as the inbox did in 0029. SQLite gets FTS5
//   trigram tables (shipped in better-sqlite3's build) for content, messages, and customers' names and
//   handles, which the repositories use to find the candidate rows of a search (`like`, which FTS5 answers
//   from the trigrams and then checks on the row). They are external-content tables over the row's rowid,
//   `detail=none` (no positions: a fifth of the size, enough for `like`), kept in step by triggers.
// - PostgreSQL: names repeat (one customer on several channels, common names), so a histogram of 100
//   values cannot tell a name one conversation in 2,000 has from one in 100: it took a full name for 1%
//   of the inbox, and the inbox's search walked all 100,000 conversations for a page of it (85 ms) instead
//   of reading the 40 from the trigram indexes (2 ms). Their statistics sample ten times as many values.

/** PostgreSQL: the customers' names and handles (0029), whose statistics take a finer sample. */
const NAME_INDEXES = ['conversations_customer_name_trgm_idx', 'conversations_customer_handle_trgm_idx'];

const SQLITE_SEARCH = [
  { table: 'content_items', search: 'content_items_search', columns: ['title', 'body'] },
  { table: 'messages', search: 'messages_search', columns: ['body'] },
  { table: 'conversations', search: 'conversations_search', columns: ['customer_name', 'customer_handle'] },
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.schema.dropIndex('content_items_status_idx').execute();
  await db.schema
    .createIndex('content_items_status_idx')
    .on('content_items')
    .columns(['business_id', 'status', 'id'])
    .execute();
  await db.schema.dropIndex('content_items_campaign_idx').execute();
  await db.schema
    .createIndex('content_items_campaign_idx')
    .on('content_items')
    .columns(['business_id', 'campaign_id', 'id'])
    .execute();
  await db.schema.dropIndex('content_items_deleted_idx').execute();
  await db.schema
    .createIndex('content_items_deleted_idx')
    .on('content_items')
    .column('deleted_at')
    .where(sql.ref('deleted_at'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('conversations_status_idx')
    .on('conversations')
    .columns(['business_id', 'status', 'priority_rank', 'last_message_at', 'id'])
    .execute();

  if (!sqlite) {
    // pg_trgm exists since 0029.
    await sql`create index content_items_title_trgm_idx on content_items
      using gin (lower(title) gin_trgm_ops)`.execute(db);
    await sql`create index content_items_body_trgm_idx on content_items
      using gin (lower(body) gin_trgm_ops)`.execute(db);
    for (const index of NAME_INDEXES) {
      await sql`alter index ${sql.table(index)} alter column 1 set statistics 1000`.execute(db);
    }
    return;
  }
  for (const { table, search, columns } of SQLITE_SEARCH) {
    const names = sql.join(columns.map((column) => sql.ref(column)));
    const values = (row: 'new' | 'old') => sql.join(columns.map((column) => sql.ref(`${row}.${column}`)));
    await sql`create virtual table ${sql.table(search)} using fts5(${names}, content=${sql.lit(table)},
      content_rowid='rowid', tokenize='trigram', detail='none', columnsize=0)`.execute(db);
    await sql`create trigger ${sql.id(`${search}_insert`)} after insert on ${sql.table(table)} begin
      insert into ${sql.table(search)}(rowid, ${names}) values (new.rowid, ${values('new')});
    end`.execute(db);
    await sql`create trigger ${sql.id(`${search}_delete`)} after delete on ${sql.table(table)} begin
      insert into ${sql.table(search)}(${sql.table(search)}, rowid, ${names})
        values ('delete', old.rowid, ${values('old')});
    end`.execute(db);
    await sql`create trigger ${sql.id(`${search}_update`)} after update of ${names} on ${sql.table(table)} begin
      insert into ${sql.table(search)}(${sql.table(search)}, rowid, ${names})
        values ('delete', old.rowid, ${values('old')});
      insert into ${sql.table(search)}(rowid, ${names}) values (new.rowid, ${values('new')});
    end`.execute(db);
    // The rows already there.
    await sql`insert into ${sql.table(search)}(${sql.table(search)}) values ('rebuild')`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    for (const { search } of SQLITE_SEARCH) {
      for (const event of ['insert', 'delete', 'update']) {
        await sql`drop trigger if exists ${sql.id(`${search}_${event}`)}`.execute(db);
      }
      await sql`drop table if exists ${sql.table(search)}`.execute(db);
    }
  } else {
    for (const index of NAME_INDEXES) {
      await sql`alter index ${sql.table(index)} alter column 1 set statistics -1`.execute(db);
    }
    await sql`drop index if exists content_items_body_trgm_idx`.execute(db);
    await sql`drop index if exists content_items_title_trgm_idx`.execute(db);
  }
  await db.schema.dropIndex('conversations_status_idx').execute();
  await db.schema.dropIndex('content_items_deleted_idx').execute();
  await db.schema.createIndex('content_items_deleted_idx').on('content_items').column('deleted_at').execute();
  await db.schema.dropIndex('content_items_campaign_idx').execute();
  await db.schema
    .createIndex('content_items_campaign_idx')
    .on('content_items')
    .columns(['business_id', 'campaign_id'])
    .execute();
  await db.schema.dropIndex('content_items_status_idx').execute();
  await db.schema
    .createIndex('content_items_status_idx')
    .on('content_items')
    .columns(['business_id', 'status'])
    .execute();
}
