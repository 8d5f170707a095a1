import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { Dialect } from '../db/database.js';
import type { DB } from '../db/schema.js';

/** Where a workspace's spend is measured: the ledger from the month's start, reservations held at `now`. */
export interface SpendWindow {
  /** The first instant of the budget's month (ISO). */
  monthStart: string;
  /** Now (ISO): reservations that lapsed by then no longer count. */
  now: string;
}

/** The month's spend in the ledger. */
function spentSince(db: Kysely<DB>, businessId: string, monthStart: string) {
  return db
    .selectFrom('ai_calls')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('cost_micro_usd'), sql<number>`0`).as('spent'))
    .where('business_id', '=', businessId)
    .where('created_at', '>=', monthStart);
}

/** What the calls in flight have reserved and may still spend. */
function heldAt(db: Kysely<DB>, businessId: string, now: string) {
  return db
    .selectFrom('ai_budget_reservations')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_micro_usd'), sql<number>`0`).as('held'))
    .where('business_id', '=', businessId)
    .where('expires_at', '>', now);
}

/**
 * True while the month's spend plus every reservation held is under the workspace's limit (`ai_budgets` must
 * be in the FROM clause). Both sums are read by one statement, so a call that settles (its ledger row in,
 * its reservation out, in one transaction) is counted once, never zero times or twice.
 */
function underLimit(db: Kysely<DB>, businessId: string, window: SpendWindow): Expression<SqlBool> {
  const committed = sql<number>`(${spentSince(db, businessId, window.monthStart)}) + (${heldAt(db, businessId, window.now)})`;
  return sql<SqlBool>`${committed} < ${sql.ref('ai_budgets.monthly_limit_micro_usd')}`;
}

/**
 * Reservations against the monthly AI budget. Placing or growing one is a single conditional statement; on
 * PostgreSQL the caller first locks the workspace's budget row (`lockBudget`, same transaction), so two
 * instances cannot both read the same sums and both go ahead. SQLite runs one writer at a time.
 */
export class AiBudgetReservationRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly dialect: Dialect,
  ) {}

  /** Serialise reservations of one workspace inside the current transaction (PostgreSQL only). */
  async lockBudget(businessId: string): Promise<void> {
    if (this.dialect !== 'postgres') return;
    await this.db
      .selectFrom('ai_budgets')
      .select('business_id')
      .where('business_id', '=', businessId)
      .forUpdate()
      .execute();
  }

  /** Reserve `amountMicroUsd` if the workspace is under its limit; false when it is not (or has none). */
  async insertUnderLimit(
    reservation: { id: string; businessId: string; amountMicroUsd: number; expiresAt: string },
    window: SpendWindow,
  ): Promise<boolean> {
    const { id, businessId, amountMicroUsd, expiresAt } = reservation;
    const result = await this.db
      .insertInto('ai_budget_reservations')
      .columns(['id', 'business_id', 'amount_micro_usd', 'expires_at', 'created_at'])
      .expression((eb) =>
        eb
          .selectFrom('ai_budgets')
          .select([
            sql<string>`${id}`.as('id'),
            sql<string>`${businessId}`.as('business_id'),
            // A bare parameter in a select list is text on PostgreSQL.
            sql<number>`cast(${amountMicroUsd} as integer)`.as('amount_micro_usd'),
            sql<string>`${expiresAt}`.as('expires_at'),
            sql<string>`${window.now}`.as('created_at'),
          ])
          .where('ai_budgets.business_id', '=', businessId)
          .where(underLimit(this.db, businessId, window)),
      )
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  /** Add `byMicroUsd` to a held reservation if the workspace is still under its limit. */
  async growUnderLimit(
    reservation: { id: string; businessId: string; byMicroUsd: number },
    window: SpendWindow,
  ): Promise<boolean> {
    const { id, businessId, byMicroUsd } = reservation;
    const result = await this.db
      .updateTable('ai_budget_reservations')
      .set((eb) => ({ amount_micro_usd: eb('amount_micro_usd', '+', byMicroUsd) }))
      .where('id', '=', id)
      .where('business_id', '=', businessId)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('ai_budgets')
            .select('ai_budgets.business_id')
            .where('ai_budgets.business_id', '=', businessId)
            .where(underLimit(this.db, businessId, window)),
        ),
      )
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Give a reservation back (its call's ledger row is written in the same transaction). */
  async delete(businessId: string, id: string): Promise<void> {
    await this.db
      .deleteFrom('ai_budget_reservations')
      .where('business_id', '=', businessId)
      .where('id', '=', id)
      .execute();
  }

  /** Forget the workspace's reservations that lapsed by `now` (their processes died mid-call). */
  async deleteLapsed(businessId: string, now: string): Promise<void> {
    await this.db
      .deleteFrom('ai_budget_reservations')
      .where('business_id', '=', businessId)
      .where('expires_at', '<=', now)
      .execute();
  }
}
