import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/**
 * PostgreSQL plans every unnamed statement from scratch: parse, analyse, plan, then run. For the few
 * queries the hottest routes run on every request (those built by `compileOnce`), that work was most of
 * the database's share of a read, and on a machine where the database and the server share cores the
 * server waited for it (docs/benchmarks.md). Those queries become named prepared statements instead:
 * parsed once per connection, then only bound and run.
 *
 * Only registered SQL is prepared, because a named statement lives as long as its connection: the
 * registered texts are a fixed set (one per `compileOnce` call site and dialect), so the server-side
 * memory they take is bounded, while ad-hoc queries (filters, `in` lists of any length) stay unnamed.
 */
const statementNames = new Map<string, string>();

/**
 * A statement that selects `*` is left unnamed: a prepared statement's result columns are fixed when it is
 * parsed, and once another process's migration adds a column to the table PostgreSQL refuses to run it
 * ("cached plan must not change result type"), which in a rolling upgrade would fail the old instances'
 * reads until their connections closed. A statement that names its columns runs on across such a change.
 */
const SELECTS_EVERY_COLUMN = /(?<!count\()\*/;

/**
 * Marks one SQL text as worth a prepared statement on every connection that runs it (unless it selects
 * `*`, above).
 */
export function prepareOnEachConnection(sqlText: string): void {
  if (statementNames.has(sqlText) || SELECTS_EVERY_COLUMN.test(sqlText)) return;
  statementNames.set(sqlText, `mcc_${statementNames.size + 1}`);
}

/** The statement name of a registered SQL text; `undefined` for a text run unnamed. */
export function preparedStatementName(sqlText: string): string | undefined {
  return statementNames.get(sqlText);
}

/**
 * The pool as Kysely's PostgreSQL dialect sees it, running registered SQL as named statements. pg keeps
 * track of which names each connection has parsed and sends the parse only the first time.
 */
export function withPreparedStatements(pool: pg.Pool): PostgresPool {
  const clients = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => ({
    // Kysely calls `query(sql, parameters)` for a query and `query(cursor)` to stream; its overloads are
    // generic in the row type, which pg's are not, hence the cast.
    query: ((textOrCursor: string | pg.Submittable, parameters?: readonly unknown[]) => {
      if (typeof textOrCursor !== 'string') return client.query(textOrCursor);
      const name = statementNames.get(textOrCursor);
      return name
        ? client.query({ name, text: textOrCursor, values: parameters as unknown[] })
        : client.query(textOrCursor, parameters as unknown[]);
    }) as unknown as PostgresPoolClient['query'],
    release: (destroy?: boolean) => client.release(destroy),
  });
  return {
    async connect() {
      const client = await pool.connect();
      let wrapped = clients.get(client);
      if (!wrapped) {
        wrapped = wrap(client);
        clients.set(client, wrapped);
      }
      return wrapped;
    },
    end: () => pool.end(),
  };
}
