import { type Kysely, sql } from 'kysely';
import type { AiCallRow, DB } from '../db/schema.js';

/** Totals of a group of calls. */
export interface UsageTotals {
  calls: number;
  prompt_tokens: number;
  completion_tokens: number;
  cost_micro_usd: number;
  errors: number;
}

/** The day (UTC) of an ISO timestamp stored as text: the first ten characters, on either database. */
const dayOf = sql<string>`substr(created_at, 1, 10)`;

/** Sums every usage column of the selected calls. */
function usageTotals(db: Kysely<DB>) {
  return db
    .selectFrom('ai_calls')
    .select((eb) => [
      eb.fn.countAll<number>().as('calls'),
      eb.fn.coalesce(eb.fn.sum<number>('prompt_tokens'), sql<number>`0`).as('prompt_tokens'),
      eb.fn.coalesce(eb.fn.sum<number>('completion_tokens'), sql<number>`0`).as('completion_tokens'),
      eb.fn.coalesce(eb.fn.sum<number>('cost_micro_usd'), sql<number>`0`).as('cost_micro_usd'),
      eb.fn
        .coalesce(
          eb.fn.sum<number>(sql<number>`case when outcome = 'error' then 1 else 0 end`),
          sql<number>`0`,
        )
        .as('errors'),
    ]);
}

/** The AI cost ledger: one row per call, successful or not. */
export class AiCallRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(call: AiCallRow): Promise<void> {
    await this.db.insertInto('ai_calls').values(call).execute();
  }

  /** Micro-dollars spent by a workspace since `since` (ISO). */
  async spentSince(businessId: string, since: string): Promise<number> {
    const row = await this.db
      .selectFrom('ai_calls')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('cost_micro_usd'), sql<number>`0`).as('spent'))
      .where('business_id', '=', businessId)
      .where('created_at', '>=', since)
      .executeTakeFirstOrThrow();
    return Number(row.spent);
  }

  async totals(businessId: string, from: string, to: string): Promise<UsageTotals> {
    const row = await usageTotals(this.db)
      .where('business_id', '=', businessId)
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .executeTakeFirstOrThrow();
    return numeric(row);
  }

  /** Totals grouped by `day` (UTC date), `task` or `model`. */
  async totalsBy(
    businessId: string,
    from: string,
    to: string,
    key: 'day' | 'task' | 'model',
  ): Promise<Array<UsageTotals & { key: string }>> {
    const group = key === 'day' ? dayOf : sql<string>`${sql.ref(key)}`;
    const rows = await usageTotals(this.db)
      .select(group.as('key'))
      .where('business_id', '=', businessId)
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .groupBy(group)
      .orderBy(group)
      .execute();
    return rows.map((row) => ({ key: row.key, ...numeric(row) }));
  }

  /** Newest first; `before` is the id of the last call of the previous page (UUIDv7 is time-ordered). */
  page(businessId: string, options: { limit: number; before?: string; task?: string }): Promise<AiCallRow[]> {
    let query = this.db.selectFrom('ai_calls').selectAll().where('business_id', '=', businessId);
    if (options.before) query = query.where('id', '<', options.before);
    if (options.task) query = query.where('task', '=', options.task);
    return query.orderBy('id', 'desc').limit(options.limit).execute();
  }
}

// PostgreSQL returns sums of integers as numeric strings; SQLite as numbers.
function numeric(row: Record<keyof UsageTotals, unknown>): UsageTotals {
  return {
    calls: Number(row.calls),
    prompt_tokens: Number(row.prompt_tokens),
    completion_tokens: Number(row.completion_tokens),
    cost_micro_usd: Number(row.cost_micro_usd),
    errors: Number(row.errors),
  };
}
