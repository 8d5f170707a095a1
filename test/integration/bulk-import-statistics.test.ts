import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Database } from '#server/db/database.js';
import { BULK_WRITE_ROWS } from '#server/repositories/statistics.repository.js';
import { createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { describeEachDialect } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// A bulk import refreshes the planner's statistics on the tables it filled (statistics.repository.ts), so the
// next queries are planned for the rows it added rather than for the table as it was.

/** When (PostgreSQL) or with what figures (SQLite) each table's statistics were last refreshed by a write. */
async function statistics(database: Database): Promise<Map<string, string>> {
  if (database.dialect === 'postgres') {
    const { rows } = await sql<{ name: string; at: string }>`
      select relname as name, last_analyze::text as at from pg_stat_user_tables
      where last_analyze is not null`.execute(database.db);
    return new Map(rows.map((row) => [row.name, row.at]));
  }
  const exists = await sql<{ n: number }>`
    select count(*) as n from sqlite_master where name = 'sqlite_stat1'`.execute(database.db);
  if (Number(exists.rows[0]?.n) === 0) return new Map();
  const { rows } = await sql<{ name: string; stat: string }>`
    select tbl as name, group_concat(idx || '=' || stat) as stat from sqlite_stat1 group by tbl`.execute(
    database.db,
  );
  return new Map(rows.map((row) => [row.name, row.stat]));
}

/** The tables whose statistics `write` refreshed. */
async function analysedBy(database: Database, write: () => Promise<void>): Promise<string[]> {
  const before = await statistics(database);
  await write();
  const after = await statistics(database);
  return [...after]
    .filter(([name, at]) => before.get(name) !== at)
    .map(([name]) => name)
    .sort();
}

describeEachDialect('statistics after a bulk import', (create) => {
  let t: TestApp;
  let owner: TestAccount;
  let businessId: string;
  beforeEach(async () => {
    t = await createTestApp(await create());
    owner = await registerAccount(t.app);
    businessId = (await createBusiness(t.app, owner)).id;
  });
  afterEach(() => t.close());

  const post = (url: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url, headers: owner.auth, payload });

  it('analyses the messages and conversations an inbox import of many rows filled, and nothing after a small one', async () => {
    const rows = (count: number, prefix: string) =>
      Array.from({ length: count }, (_, index) => ({
        channel: 'email',
        external_id: `${prefix}-${index}`,
        customer: { external_id: `customer-${index % 40}` },
        body: `Message ${index}`,
      }));
    const small = analysedBy(t.database, async () => {
      const response = await post('/api/messages/import', {
        business_id: businessId,
        messages: rows(3, 'small'),
      });
      expect(response.statusCode, response.body).toBe(200);
    });
    expect(await small).toEqual([]);

    const bulk = analysedBy(t.database, async () => {
      const response = await post('/api/messages/import', {
        business_id: businessId,
        messages: rows(BULK_WRITE_ROWS, 'bulk'),
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({ imported: BULK_WRITE_ROWS, duplicates: 0 });
    });
    expect(await bulk).toEqual(['conversations', 'messages']);
  });

  it('analyses the content items and their history a content import of many rows filled', async () => {
    const csv = [
      'channel,title,body',
      ...Array.from({ length: BULK_WRITE_ROWS }, (_, i) => `linkedin,Post ${i},Body ${i}`),
    ].join('\n');
    const analysed = await analysedBy(t.database, async () => {
      const response = await post('/api/content/import', { business_id: businessId, csv });
      expect(response.statusCode, response.body).toBe(201);
    });
    expect(analysed).toEqual(['content_item_history', 'content_items']);
  });
});
