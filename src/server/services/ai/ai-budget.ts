import { reservationShortfall } from '#server/ai/cost-estimate.js';
import { newId } from '#server/db/ids.js';
import { AppError } from '#server/errors/app-error.js';
import type { SpendWindow } from '#server/repositories/ai-budget-reservation.repository.js';
import type { Repositories } from '#server/repositories/index.js';
import type { BudgetStatus } from '#shared/ai.schema.js';
import { localDate, startOfDay, startOfMonth } from '#shared/zoned-time.js';

/**
 * The first instant of `now`'s month in `timeZone`: budgets run on the workspace's calendar months, so a
 * New York workspace's December starts at midnight in New York, not at midnight UTC.
 * @example monthStartOf(new Date('2026-12-01T02:00:00Z'), 'America/New_York') // 2026-11-01T04:00:00.000Z
 */
export function monthStartOf(now: Date, timeZone: string): Date {
  return new Date(startOfDay(startOfMonth(localDate(now.toISOString(), timeZone)), timeZone));
}

/**
 * The workspace's calendar month of `now`, `YYYY-MM`: what the budget's 80% and 100% marks are announced
 * once for. Not the month of `monthStartOf` in UTC, which is the month before for zones east of UTC.
 * @example budgetMonthOf(new Date('2026-12-01T02:00:00Z'), 'Asia/Tokyo') // '2026-12'
 */
export function budgetMonthOf(now: Date, timeZone: string): string {
  return localDate(now.toISOString(), timeZone).slice(0, 7);
}

/**
 * A call's hold on the monthly budget, taken before it reaches the provider. It grows before any attempt
 * that needs more than it holds, and is given back in the transaction that writes the call's ledger row.
 */
export interface BudgetHold {
  /** Whether there is a reservation to give back (a workspace without a limit holds nothing). */
  readonly reserved: boolean;
  /** Make the hold cover `neededMicroUsd` in all; throws budget_exceeded when the budget refuses. */
  cover(neededMicroUsd: number): Promise<void>;
  /** Give the hold back, inside the transaction that writes the call's ledger row. */
  release(repos: Repositories): Promise<void>;
}

/** A workspace without a limit holds nothing. */
const UNLIMITED: BudgetHold = {
  reserved: false,
  cover: async () => {},
  release: async () => {},
};

type GuardRepos = Pick<Repositories, 'aiSettings' | 'aiCalls' | 'businesses' | 'transaction'>;

/**
 * How long a reservation outlives its run's deadline: for the ledger write after an aborted call, and for
 * clocks that differ a little between instances.
 */
const RESERVATION_GRACE_MS = 60_000;

/**
 * Monthly AI budgets: how much is left, and the reservations that keep parallel calls within it. A call is
 * admitted while the month's spend plus what calls in flight reserved is under the limit, and reserves the
 * most it can cost, so spending passes the limit by at most one call's reservation, however many calls run
 * at once and on however many instances. A reservation lapses a minute after its run's deadline, when the
 * run has certainly ended: that frees what a process that died mid-call held.
 */
export class AiBudgetGuard {
  constructor(
    private readonly repos: GuardRepos,
    private readonly now: () => Date,
    private readonly runDeadlineMs: number,
  ) {}

  async status(businessId: string): Promise<BudgetStatus> {
    const { monthStart } = await this.window(businessId);
    const [limit, spent] = await Promise.all([
      this.repos.aiSettings.findBudget(businessId),
      this.repos.aiCalls.spentSince(businessId, monthStart),
    ]);
    return {
      monthly_limit_micro_usd: limit ?? null,
      spent_this_month_micro_usd: spent,
      remaining_micro_usd: limit === undefined ? null : Math.max(0, limit - spent),
      month_start: monthStart,
      exceeded: limit !== undefined && spent >= limit,
    };
  }

  /**
   * Reserve `amountMicroUsd` (the call's first attempt at worst) before the call reaches the provider.
   * Answers the hold, or the 402 to throw when the budget is spent or committed to calls in flight.
   */
  async reserve(businessId: string, amountMicroUsd: number): Promise<BudgetHold | AppError> {
    if ((await this.repos.aiSettings.findBudget(businessId)) === undefined) return UNLIMITED;
    const id = newId();
    const window = await this.window(businessId);
    const placed = await this.repos.transaction(async (trx) => {
      await trx.aiBudgetReservations.lockBudget(businessId);
      await trx.aiBudgetReservations.deleteLapsed(businessId, window.now);
      return trx.aiBudgetReservations.insertUnderLimit(
        { id, businessId, amountMicroUsd, expiresAt: this.expiry() },
        window,
      );
    });
    if (placed) return this.heldReservation(businessId, id, amountMicroUsd);
    // The limit may have been lifted since it was read; then the call goes ahead without a hold.
    return (await this.refusal(businessId)) ?? UNLIMITED;
  }

  private heldReservation(businessId: string, id: string, amount: number): BudgetHold {
    let held = amount;
    return {
      reserved: true,
      cover: async (needed) => {
        const shortfall = reservationShortfall(held, needed);
        if (shortfall === 0) return;
        const window = await this.window(businessId);
        const grown = await this.repos.transaction(async (trx) => {
          await trx.aiBudgetReservations.lockBudget(businessId);
          return trx.aiBudgetReservations.growUnderLimit({ id, businessId, byMicroUsd: shortfall }, window);
        });
        if (grown) {
          held = needed;
          return;
        }
        const refusal = await this.refusal(businessId);
        if (refusal) throw refusal;
      },
      release: (repos) => repos.aiBudgetReservations.delete(businessId, id),
    };
  }

  /** The 402 for a workspace at its limit, or undefined when it has none (any more). */
  private async refusal(businessId: string): Promise<AppError | undefined> {
    const status = await this.status(businessId);
    if (status.monthly_limit_micro_usd === null) return undefined;
    const limit = `$${(status.monthly_limit_micro_usd / 1_000_000).toFixed(2)}`;
    const raise = 'An owner or admin can raise it under Settings → AI.';
    return new AppError(
      'budget_exceeded',
      status.exceeded
        ? `This workspace has spent its monthly AI budget of ${limit}. ${raise}`
        : `The rest of this workspace's monthly AI budget of ${limit} is held by AI calls in progress; try again when they finish. ${raise}`,
    );
  }

  /** This month so far, in the workspace's time zone (UTC for a workspace that is gone). */
  private async window(businessId: string): Promise<SpendWindow> {
    const now = this.now();
    const business = await this.repos.businesses.findById(businessId);
    return {
      monthStart: monthStartOf(now, business?.time_zone ?? 'UTC').toISOString(),
      now: now.toISOString(),
    };
  }

  private expiry(): string {
    return new Date(this.now().getTime() + this.runDeadlineMs + RESERVATION_GRACE_MS).toISOString();
  }
}
