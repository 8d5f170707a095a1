import { type Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileOnce } from '#server/db/compile-once.js';
import { preparedStatementName } from '#server/db/prepared-statements.js';
import type { DB } from '#server/db/schema.js';
import {
  createPostgresTestDatabase,
  postgresUnavailableReason,
  type TestDatabase,
} from '../support/databases.js';

/** What this connection has prepared, read from PostgreSQL itself. */
async function preparedOnThisConnection(db: Kysely<DB>): Promise<{ name: string; statement: string }[]> {
  const { rows } = await sql<{ name: string; statement: string }>`
    select name, statement from pg_prepared_statements`.execute(db);
  return rows;
}

describe.skipIf(Boolean(await postgresUnavailableReason()))('prepared statements on PostgreSQL', () => {
  let testDb: TestDatabase;
  let db: Kysely<DB>;
  const roleOf = compileOnce(1, (userId: string) =>
    db.selectFrom('memberships').select('role').where('user_id', '=', userId),
  );

  beforeEach(async () => {
    testDb = await createPostgresTestDatabase();
    db = testDb.database.db;
  });
  afterEach(() => testDb.dispose());

  it('runs a query compiled once as a named statement, parsed once per connection', async () => {
    await db.transaction().execute(async (trx) => {
      // A transaction holds one connection, so what it prepared is visible to it.
      expect((await trx.executeQuery(roleOf('nobody'))).rows).toEqual([]);
      expect((await trx.executeQuery(roleOf('someone else'))).rows).toEqual([]);
      const { sql: text } = roleOf('nobody');
      const name = preparedStatementName(text);
      expect(name).toMatch(/^mcc_\d+$/);
      const prepared = (await preparedOnThisConnection(trx)).filter((row) => row.name === name);
      expect(prepared).toEqual([{ name, statement: text }]);
    });
  });

  it('leaves other queries unnamed, so ad-hoc SQL never accumulates on a connection', async () => {
    await db.transaction().execute(async (trx) => {
      const adHoc = trx
        .selectFrom('users')
        .select('id')
        .where('email', 'in', ['a@example.com', 'b@example.com']);
      await adHoc.execute();
      expect(preparedStatementName(adHoc.compile().sql)).toBeUndefined();
      const statements = (await preparedOnThisConnection(trx)).map((row) => row.statement);
      expect(statements).not.toContain(adHoc.compile().sql);
    });
  });

  it('names only statements that list their columns, which run on after a migration adds one', async () => {
    await db.transaction().execute(async (trx) => {
      // Dropped with the transaction, so the database goes back to the next test as it came.
      await sql`create temp table notes (id text primary key, body text) on commit drop`.execute(trx);
      await sql`insert into notes values ('n1', 'Hello')`.execute(trx);
      const withNotes = trx.withTables<{ notes: { id: string; body: string } }>();
      const named = compileOnce(1, (id: string) =>
        withNotes.selectFrom('notes').select(['id', 'body']).where('id', '=', id),
      );
      const starred = compileOnce(1, (id: string) =>
        withNotes.selectFrom('notes').selectAll().where('id', '=', id),
      );
      expect((await trx.executeQuery(named('n1'))).rows).toEqual([{ id: 'n1', body: 'Hello' }]);
      expect((await trx.executeQuery(starred('n1'))).rows).toEqual([{ id: 'n1', body: 'Hello' }]);
      expect(preparedStatementName(named('n1').sql)).toMatch(/^mcc_\d+$/);
      expect(preparedStatementName(starred('n1').sql)).toBeUndefined();

      // Another instance's migration, as in a rolling upgrade: a prepared `select *` would now be refused.
      await sql`alter table notes add column pinned boolean not null default false`.execute(trx);
      expect((await trx.executeQuery(named('n1'))).rows).toEqual([{ id: 'n1', body: 'Hello' }]);
      expect((await trx.executeQuery(starred('n1'))).rows).toEqual([
        { id: 'n1', body: 'Hello', pinned: false },
      ]);
    });
  });

  it('answers a named statement with each call’s own parameters', async () => {
    const at = '2026-01-01T00:00:00.000Z';
    await db
      .insertInto('users')
      .values({
        id: 'u1',
        email: 'u1@example.com',
        name: 'U1',
        password_hash: 'x',
        language: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const byEmail = compileOnce(1, (email: string) =>
      db.selectFrom('users').select('id').where('email', '=', email),
    );
    expect((await db.executeQuery(byEmail('u1@example.com'))).rows).toEqual([{ id: 'u1' }]);
    expect((await db.executeQuery(byEmail('u2@example.com'))).rows).toEqual([]);
    expect((await db.executeQuery(byEmail('u1@example.com'))).rows).toEqual([{ id: 'u1' }]);
  });
});
