import type { AiCallRow } from '#server/db/schema.js';
import type { Repositories } from '#server/repositories/index.js';
import type { AiCall, UsageResponse } from '#shared/ai.schema.js';
import type { Principal } from '../access/principal.js';
import { requireWorkspaceRole } from '../access/workspace-access.js';
import type { AiBudgetGuard } from './ai-budget.js';

const DAY_MS = 86_400_000;

/** What a workspace's AI calls cost, by day, task and model, and the calls themselves. */
export class AiUsageService {
  constructor(
    private readonly repos: Repositories,
    private readonly budget: AiBudgetGuard,
    private readonly now: () => Date,
  ) {}

  /** Usage between two UTC dates, both inclusive; by default the last 30 days. */
  async usage(
    principal: Principal,
    businessId: string,
    range: { from?: string; to?: string },
  ): Promise<UsageResponse> {
    await requireWorkspaceRole(this.repos, principal, businessId, 'ai.usage.read');
    const to = range.to ?? this.now().toISOString().slice(0, 10);
    const from = range.from ?? new Date(Date.parse(to) - 29 * DAY_MS).toISOString().slice(0, 10);
    const fromIso = `${from}T00:00:00.000Z`;
    const toIso = new Date(Date.parse(`${to}T00:00:00.000Z`) + DAY_MS).toISOString();
    const calls = this.repos.aiCalls;
    const [totals, byDay, byTask, byModel, budget] = await Promise.all([
      calls.totals(businessId, fromIso, toIso),
      calls.totalsBy(businessId, fromIso, toIso, 'day'),
      calls.totalsBy(businessId, fromIso, toIso, 'task'),
      calls.totalsBy(businessId, fromIso, toIso, 'model'),
      this.budget.status(businessId),
    ]);
    return {
      from,
      to,
      totals,
      by_day: byDay.map(({ key, ...rest }) => ({ day: key, ...rest })),
      by_task: byTask.map(({ key, ...rest }) => ({ task: key, ...rest })),
      by_model: byModel.map(({ key, ...rest }) => ({ model: key, ...rest })),
      budget,
    };
  }

  async calls(
    principal: Principal,
    businessId: string,
    query: { limit: number; cursor?: string; task?: string },
  ): Promise<{ items: AiCall[]; next_cursor: string | null }> {
    await requireWorkspaceRole(this.repos, principal, businessId, 'ai.usage.read');
    const rows = await this.repos.aiCalls.page(businessId, {
      limit: query.limit + 1,
      before: query.cursor,
      task: query.task,
    });
    const items = rows.slice(0, query.limit).map(toAiCall);
    return { items, next_cursor: rows.length > query.limit ? (items.at(-1)?.id ?? null) : null };
  }
}

/** A ledger row as the API shows it; the failure's diagnostics stay in the database and the logs. */
function toAiCall({ error_diagnostics: _diagnostics, ...row }: AiCallRow): AiCall {
  return { ...row, price_known: row.price_known === 1, estimated: row.estimated === 1 };
}
