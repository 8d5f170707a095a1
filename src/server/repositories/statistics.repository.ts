import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../db/database.js';
import type { DB } from '../db/schema.js';

/** Rows a write must add before it refreshes the planner's statistics itself (see `refresh`). */
export const BULK_WRITE_ROWS = 500;

/**
 * The query planner's statistics on the tables. PostgreSQL re-samples a table on its own once a tenth of it
 * has changed; an import of thousands of rows into a table of millions stays under that, yet it can be a
 * whole new workspace whose rows the planner does not know of. A bulk write refreshes what it filled.
 */
export class StatisticsRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly dialect: Dialect,
  ) {}

  /**
   * Re-sample `tables` for the planner. On PostgreSQL `VACUUM (ANALYZE)`: besides the statistics, it moves
   * the rows just written out of each GIN index's pending list, which the planner prices as a scan
   * (docs/benchmarks.md, the inbox search); it reads only the pages changed since the last vacuum, blocks
   * no reads or writes; inside a transaction, where it cannot run, `ANALYZE` alone. On SQLite `ANALYZE` on
   * a bounded sample of each index: a full pass over a large table's indexes would hold the writer for
   * seconds.
   */
  async refresh(tables: readonly (keyof DB & string)[]): Promise<void> {
    if (this.dialect === 'postgres' && !this.db.isTransaction) {
      await sql`vacuum (analyze) ${sql.join(tables.map((table) => sql.table(table)))}`.execute(this.db);
      return;
    }
    if (this.dialect === 'sqlite') await sql`pragma analysis_limit = 1000`.execute(this.db);
    for (const table of tables) await sql`analyze ${sql.table(table)}`.execute(this.db);
  }
}
