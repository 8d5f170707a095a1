import type { AiMetrics } from '#server/ai/ai-metrics.js';
import { newMeter, type RunMeter } from '#server/ai/engine.js';
import type { Cost, PriceTable } from '#server/ai/prices.js';
import { newId } from '#server/db/ids.js';
import type { AiCallOutcome, AiCallRow } from '#server/db/schema.js';
import { isAppError } from '#server/errors/app-error.js';
import type { EventPublisher } from '#server/realtime/event-bus.js';
import type { Repositories } from '#server/repositories/index.js';
import type { AiRunMeta } from '#shared/ai.schema.js';
import type { AiLedgerTaskName } from '#shared/ai-tasks.schema.js';
import type { Notifier } from '../notifications/notifier.js';
import { type BudgetHold, budgetMonthOf, monthStartOf } from './ai-budget.js';

const OFFLINE_MODEL = 'offline-writer';

/** Who answers a call: the offline writer, or an endpoint's model (chat or images). */
export type CallAnswerer = { kind: 'offline' } | { kind: 'model'; provider: { name: string; model: string } };

/** What a finished call cost; by default its tokens at the model's price. */
export type CallPricing = (meter: RunMeter, outcome: AiCallOutcome) => Cost;

/** What writing a call's ledger row needs. */
export interface CallRecordDeps {
  repos: Repositories;
  prices: PriceTable;
  metrics: AiMetrics;
  events?: EventPublisher;
  /** Told of the month's spending after a paid call (or a refused one) in a workspace with a budget. */
  notifier?: Notifier;
  now: () => Date;
}

/**
 * One ledger row and its metrics, written once whatever happens to the call. A call holding part of the
 * budget gives it back in the transaction that writes its row, so the month's spend and the holds never
 * count the call twice or not at all.
 */
export class CallRecord {
  readonly id = newId();
  readonly meter: RunMeter;
  readonly providerName: string;
  /** The call's hold on the budget, once it has one. */
  hold: BudgetHold | undefined;
  private finished = false;
  private readonly startedAt = performance.now();

  constructor(
    private readonly deps: CallRecordDeps,
    private readonly call: {
      businessId: string;
      userId: string | null;
      task: { name: AiLedgerTaskName; version: string };
      resolved: CallAnswerer;
      pricing?: CallPricing;
    },
  ) {
    const { resolved } = call;
    this.providerName = resolved.kind === 'offline' ? 'offline' : resolved.provider.name;
    this.meter = newMeter(resolved.kind === 'offline' ? OFFLINE_MODEL : resolved.provider.model);
  }

  /** Whether `finish` has begun: a failure after that is the ledger's own, not the call's. */
  get isFinished(): boolean {
    return this.finished;
  }

  async finish(outcome: AiCallOutcome, error?: unknown): Promise<AiRunMeta> {
    this.finished = true;
    const { meter, providerName } = this;
    const { task } = this.call;
    const latencyMs = Math.round(performance.now() - this.startedAt);
    const cost =
      outcome === 'cached' || providerName === 'offline'
        ? { microUsd: 0, priceKnown: true }
        : (this.call.pricing?.(meter, outcome) ?? this.deps.prices.cost(meter.model, meter.usage));
    await this.write({
      id: this.id,
      business_id: this.call.businessId,
      user_id: this.call.userId,
      task: task.name,
      task_version: task.version,
      provider: providerName,
      model: meter.model,
      prompt_tokens: meter.usage.promptTokens,
      completion_tokens: meter.usage.completionTokens,
      cost_micro_usd: cost.microUsd,
      price_known: cost.priceKnown ? 1 : 0,
      estimated: meter.estimated ? 1 : 0,
      latency_ms: latencyMs,
      attempts: meter.attempts,
      outcome,
      error_code: error ? (isAppError(error) ? error.code : 'internal_error') : null,
      error_message: error ? (isAppError(error) ? error.message : 'Unexpected error').slice(0, 500) : null,
      error_diagnostics: isAppError(error) ? (error.options.diagnostics?.slice(0, 2000) ?? null) : null,
      created_at: this.deps.now().toISOString(),
    });
    const labels = { provider: providerName, model: meter.model, task: task.name };
    this.deps.metrics.calls.inc({ ...labels, outcome });
    this.deps.metrics.duration.observe({ ...labels, outcome }, latencyMs / 1000);
    this.deps.metrics.tokens.inc({ ...labels, kind: 'prompt' }, meter.usage.promptTokens);
    this.deps.metrics.tokens.inc({ ...labels, kind: 'completion' }, meter.usage.completionTokens);
    this.deps.metrics.costUsd.inc(labels, cost.microUsd / 1_000_000);
    this.deps.events?.emit({
      type: 'usage.changed',
      business_id: this.call.businessId,
      data: { call_id: this.id, task: task.name, outcome, cost_micro_usd: cost.microUsd },
    });
    return {
      call_id: this.id,
      task: task.name,
      provider: providerName === 'offline' ? 'offline' : 'openai-compatible',
      model: meter.model,
      offline: providerName === 'offline',
      cached: outcome === 'cached',
      prompt_tokens: meter.usage.promptTokens,
      completion_tokens: meter.usage.completionTokens,
      cost_micro_usd: cost.microUsd,
    };
  }

  private async write(row: AiCallRow): Promise<void> {
    const { hold } = this;
    const { notifier } = this.deps;
    // A held call runs under a budget; a refused one met a budget. Only they can move its 80%/100% marks.
    const watch =
      notifier && ((hold?.reserved && row.cost_micro_usd > 0) || row.outcome === 'budget_exceeded');
    if (!hold?.reserved && !watch) return this.deps.repos.aiCalls.insert(row);
    await this.deps.repos.transaction(async (trx) => {
      await trx.aiCalls.insert(row);
      if (hold?.reserved) await hold.release(trx);
      if (watch) await this.announceSpending(trx, notifier);
    });
  }

  /** The month's spending against the budget, for the notifier to compare with its marks. */
  private async announceSpending(trx: Repositories, notifier: Notifier): Promise<void> {
    const { businessId } = this.call;
    // The workspace's calendar month, as the budget counts it.
    const business = await trx.businesses.findById(businessId);
    const timeZone = business?.time_zone ?? 'UTC';
    const monthStart = monthStartOf(this.deps.now(), timeZone).toISOString();
    const limit = await trx.aiSettings.findBudget(businessId);
    if (limit === undefined) return;
    await notifier.notify(trx, {
      kind: 'ai_budget',
      businessId,
      spentMicroUsd: await trx.aiCalls.spentSince(businessId, monthStart),
      limitMicroUsd: limit,
      month: budgetMonthOf(this.deps.now(), timeZone),
    });
  }
}
