import type { BudgetStatus } from '../../shared/ai.schema.js';
import { AppError } from '../errors/app-error.js';
import type { Repositories } from '../repositories/index.js';

/** The first instant of `now`'s month, UTC: budgets are monthly, on calendar months in UTC. */
export function monthStartOf(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/** Monthly AI budgets: how much is left, and the check that runs before any token is spent. */
export class AiBudgetGuard {
  constructor(
    private readonly repos: Pick<Repositories, 'aiSettings' | 'aiCalls'>,
    private readonly now: () => Date,
  ) {}

  async status(businessId: string): Promise<BudgetStatus> {
    const monthStart = monthStartOf(this.now());
    const [limit, spent] = await Promise.all([
      this.repos.aiSettings.findBudget(businessId),
      this.repos.aiCalls.spentSince(businessId, monthStart.toISOString()),
    ]);
    return {
      monthly_limit_micro_usd: limit ?? null,
      spent_this_month_micro_usd: spent,
      remaining_micro_usd: limit === undefined ? null : Math.max(0, limit - spent),
      month_start: monthStart.toISOString(),
      exceeded: limit !== undefined && spent >= limit,
    };
  }

  /** The 402 to throw when the month's budget is spent, or undefined when calls may go ahead. */
  async exceeded(businessId: string): Promise<AppError | undefined> {
    const status = await this.status(businessId);
    if (!status.exceeded) return undefined;
    const limit = ((status.monthly_limit_micro_usd ?? 0) / 1_000_000).toFixed(2);
    return new AppError(
      'budget_exceeded',
      `This workspace has spent its monthly AI budget of $${limit}. An owner or admin can raise it under Settings → AI.`,
    );
  }
}
