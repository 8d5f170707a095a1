import { CompiledQuery, type Kysely, type KyselyPlugin, type QueryId, type RootOperationNode } from 'kysely';
import type { Database } from '#server/db/database.js';
import type { DB } from '#server/db/schema.js';

/**
 * The plan of the last statement `run` sends through the Kysely it is given (EXPLAIN QUERY PLAN on SQLite,
 * EXPLAIN on PostgreSQL), one line per step. The last one, because a page built from subqueries shows the
 * plugin each subquery first.
 *
 * @example expect(await planOf(t.database, (db) => repository(db).page(…))).toContain('some_idx');
 */
export async function planOf(database: Database, run: (db: Kysely<DB>) => Promise<unknown>): Promise<string> {
  let captured: { node: RootOperationNode; queryId: QueryId } | undefined;
  const capture: KyselyPlugin = {
    transformQuery(args) {
      captured = args;
      return args.node;
    },
    transformResult: async ({ result }) => result,
  };
  await run(database.db.withPlugin(capture));
  if (!captured) throw new Error('no query captured');
  const compiled = database.db.getExecutor().compileQuery(captured.node, captured.queryId);
  const prefix = database.dialect === 'sqlite' ? 'explain query plan ' : 'explain ';
  const explained = await database.db.executeQuery<Record<string, unknown>>(
    CompiledQuery.raw(`${prefix}${compiled.sql}`, [...compiled.parameters]),
  );
  return explained.rows.map((row) => String(row.detail ?? row['QUERY PLAN'])).join('\n');
}
