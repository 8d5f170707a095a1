import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import { compileOnce } from './compile-once.js';
import type { DB } from './schema.js';

const db = new Kysely<DB>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (kysely) => new SqliteIntrospector(kysely),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

const memberQuery = (businessId: string, userId: string) =>
  db
    .selectFrom('memberships')
    .select('role')
    .where('user_id', '=', userId)
    .where('business_id', '=', businessId);

describe('compileOnce', () => {
  it('gives the SQL and parameters Kysely would compile, in the query order', () => {
    const query = compileOnce(2, memberQuery);
    for (const [business, user] of [
      ['b1', 'u1'],
      ['b2', 'u2'],
    ] as const) {
      const compiled = query(business, user);
      const expected = memberQuery(business, user).compile();
      expect(compiled.sql).toBe(expected.sql);
      expect(compiled.parameters).toEqual([user, business]);
      expect(compiled.parameters).toEqual(expected.parameters);
    }
  });

  it('refuses a builder that does not bind every argument as a parameter', () => {
    const unused = compileOnce(2, (businessId: string, _userId: string) =>
      db.selectFrom('memberships').select('role').where('business_id', '=', businessId),
    );
    expect(() => unused('b1', 'u1')).toThrow(/every argument/);
    const transformed = compileOnce(1, (userId: string) =>
      db.selectFrom('memberships').select('role').where('user_id', '=', userId.toUpperCase()),
    );
    expect(() => transformed('u1')).toThrow(/every argument/);
  });
});
