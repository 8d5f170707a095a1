import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../db/schema.js';

/** SQLite's FTS5 trigram tables (migration 0033), each over the searched columns of its table. */
export type SearchTable = 'content_items_search' | 'messages_search' | 'conversations_search';

/**
 * The FTS5 query for rows holding every three-character piece of `phrase` (lower-cased, as the callers'
 * exact conditions lower it), each quoted as a string; undefined under three characters, which have none.
 *
 * @example
 * trigramQuery('Oat milk') // '"oat" AND "at " AND "t m" AND " mi" AND "mil" AND "ilk"'
 */
export function trigramQuery(phrase: string): string | undefined {
  const chars = [...phrase.toLowerCase()];
  const grams = new Set<string>();
  for (let at = 0; at + 3 <= chars.length; at++) grams.add(chars.slice(at, at + 3).join(''));
  if (grams.size === 0) return undefined;
  return [...grams].map((gram) => `"${gram.replaceAll('"', '""')}"`).join(' AND ');
}

/**
 * SQLite: the rows of a search table's table that may contain `phrase`, as `(select rowid …)` for
 * `rowid in`, so a search reads those rows instead of every row of the workspace (a LIKE scan: 0.6–1.3 s
 * of CPU over a million content items). The table answers from its trigram lists alone: rows holding every
 * trigram of the phrase, in any of its columns and in any order, so a few more rows than match; the caller
 * keeps its exact condition (`lower(column) like … escape`) to drop them.
 *
 * `common` when there are more than `many` (counted first, across workspaces: the table is not split by
 * workspace): a phrase that common is met within a few rows by a query walking its page's order with the
 * exact condition, sooner than by reading every candidate and sorting them (about √(50 × rows) is where
 * the two cost the same). Undefined for a phrase under three characters, which has no trigram: the caller
 * scans as before.
 */
export async function searchCandidates(
  db: Kysely<DB>,
  table: SearchTable,
  phrase: string,
  { many }: { many: number },
): Promise<RawBuilder<unknown> | 'common' | undefined> {
  const query = trigramQuery(phrase);
  if (query === undefined) return undefined;
  const matching = sql`select rowid from ${sql.table(table)} where ${sql.table(table)} match ${query}`;
  const counted = await sql<{ n: number }>`select count(*) as n from (${matching} limit ${many + 1})`.execute(
    db,
  );
  return (counted.rows[0]?.n ?? 0) > many ? 'common' : sql`(${matching})`;
}
