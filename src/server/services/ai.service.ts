import type { AiRunMeta } from '../../shared/ai.schema.js';
import type { AiTaskName } from '../../shared/ai-tasks.schema.js';
import type { AiMetrics } from '../ai/ai-metrics.js';
import type { CircuitBreakers } from '../ai/circuit-breaker.js';
import { newMeter, type RunMeter, runOnModel } from '../ai/engine.js';
import type { PriceTable } from '../ai/prices.js';
import type { ResponseCache } from '../ai/response-cache.js';
import type { RetryPolicy } from '../ai/retry.js';
import type { AnyAiTask, BusinessContext, TaskContext } from '../ai/task.js';
import { newId } from '../db/ids.js';
import type { AiCallOutcome } from '../db/schema.js';
import { AppError, isAppError } from '../errors/app-error.js';
import type { EventPublisher } from '../realtime/event-bus.js';
import type { Repositories } from '../repositories/index.js';
import type { AiBudgetGuard } from './ai-budget.js';
import type { AiProviderResolver, ResolvedProvider } from './ai-provider-resolver.js';
import { parseBrandProfile } from './brand-profile.js';
import type { Principal } from './principal.js';
import { sha256 } from './security/tokens.js';
import { requireWorkspaceRole } from './workspace-access.js';

/** An AI answer and what it cost. */
export interface AiRunResult<O = unknown> extends AiRunMeta {
  output: O;
}

/** Per-call options: cancellation and streaming. */
export interface AiRunOptions {
  signal?: AbortSignal;
  /** Called once the provider is known, before any text (lets a stream say "offline writer" up front). */
  onStart?: (meta: { provider: string; model: string; offline: boolean }) => void;
  /** Streams the answer's text as it is written. */
  onDelta?: (text: string) => void;
  /** Answer with the offline writer whatever provider the workspace has (the demo seed: free, no network). */
  offline?: boolean;
}

export interface AiServiceDeps {
  repos: Repositories;
  tasks: Record<AiTaskName, AnyAiTask>;
  resolver: AiProviderResolver;
  budget: AiBudgetGuard;
  breakers: CircuitBreakers;
  retry: RetryPolicy;
  prices: PriceTable;
  cache: ResponseCache<{ output: unknown; model: string }>;
  metrics: AiMetrics;
  /** Announces `usage.changed` after each call, so usage pages refresh live. */
  events?: EventPublisher;
  now: () => Date;
}

const OFFLINE_MODEL = 'offline-writer';

/**
 * Every AI call goes through here: role check, budget (before any token is spent), provider choice,
 * the task on a model or offline, and one ledger row plus metrics per call, whatever the outcome.
 */
export class AiService {
  constructor(private readonly deps: AiServiceDeps) {}

  async run<O = unknown>(
    principal: Principal,
    businessId: string,
    taskName: AiTaskName,
    rawInput: unknown,
    options: AiRunOptions = {},
  ): Promise<AiRunResult<O>> {
    await requireWorkspaceRole(this.deps.repos, principal, businessId, 'ai.use');
    const userId = principal.kind === 'user' ? principal.userId : null;
    return this.runChecked<O>(userId, businessId, taskName, rawInput, options);
  }

  /**
   * Run a task for work the workspace itself set off in the background (classifying an inbound message):
   * there is no caller whose role to check; the budget, the ledger and the metrics apply as to any call.
   */
  runForWorkspace<O = unknown>(
    businessId: string,
    taskName: AiTaskName,
    rawInput: unknown,
    options: AiRunOptions = {},
  ): Promise<AiRunResult<O>> {
    return this.runChecked<O>(null, businessId, taskName, rawInput, options);
  }

  private async runChecked<O>(
    userId: string | null,
    businessId: string,
    taskName: AiTaskName,
    rawInput: unknown,
    options: AiRunOptions,
  ): Promise<AiRunResult<O>> {
    const task = this.deps.tasks[taskName];
    const input = parseTaskInput(task, rawInput);
    const context: TaskContext = { business: await this.businessContext(businessId), now: this.deps.now() };
    const resolved: ResolvedProvider = options.offline
      ? { kind: 'offline', source: 'offline' }
      : await this.deps.resolver.resolve(businessId);
    const call = new CallRecord(this.deps, { businessId, userId, task, resolved });

    if (resolved.kind === 'model') {
      const exceeded = await this.deps.budget.exceeded(businessId);
      if (exceeded) {
        await call.finish('budget_exceeded', exceeded);
        throw exceeded;
      }
    }
    options.onStart?.({
      provider: call.providerName,
      model: call.meter.model,
      offline: resolved.kind === 'offline',
    });

    const cacheKey = this.deps.cache.enabled
      ? cacheKeyOf(taskName, task.version, call.meter.model, input, context.business)
      : '';
    const cached = cacheKey ? await this.deps.cache.get(cacheKey) : undefined;
    if (cached) {
      this.deps.metrics.cacheHits.inc({ task: taskName });
      options.onDelta?.(JSON.stringify(cached.output));
      call.meter.model = cached.model;
      return { ...(await call.finish('cached')), output: cached.output as O };
    }

    try {
      const output =
        resolved.kind === 'offline'
          ? runOffline(task, input, context, options.onDelta)
          : await runOnModel(task, input, context, {
              provider: resolved.provider,
              breaker: this.deps.breakers.for(resolved.breakerKey),
              retry: this.deps.retry,
              meter: call.meter,
              signal: options.signal,
              onDelta: options.onDelta,
            });
      if (cacheKey) await this.deps.cache.set(cacheKey, { output, model: call.meter.model });
      return { ...(await call.finish('ok')), output: output as O };
    } catch (error) {
      await call.finish(options.signal?.aborted ? 'cancelled' : 'error', error);
      throw error;
    }
  }

  private async businessContext(businessId: string): Promise<BusinessContext> {
    const row = await this.deps.repos.businesses.findById(businessId);
    if (!row) throw new AppError('not_found', 'No such workspace');
    return {
      name: row.name,
      industry: row.industry,
      description: row.description,
      website: row.website,
      locale: row.locale,
      time_zone: row.time_zone,
      brand: parseBrandProfile(row.brand_profile),
    };
  }
}

function parseTaskInput(task: AnyAiTask, rawInput: unknown): unknown {
  const parsed = task.input.safeParse(rawInput);
  if (parsed.success) return parsed.data;
  throw new AppError('validation_failed', `The input does not fit the ${task.name} task`, {
    errors: parsed.error.issues.map((issue) => ({
      path: ['body', 'input', ...issue.path.map(String)].join('.'),
      message: issue.message,
      code: issue.code,
    })),
  });
}

/** The offline writer streams too, so the UI behaves the same with and without a model. */
function runOffline(
  task: AnyAiTask,
  input: unknown,
  context: TaskContext,
  onDelta?: (text: string) => void,
): unknown {
  const { output } = task.finalize(task.offline(input, context), input, context);
  if (onDelta) for (const piece of JSON.stringify(output).match(/.{1,80}/gs) ?? []) onDelta(piece);
  return output;
}

function cacheKeyOf(
  task: string,
  version: string,
  model: string,
  input: unknown,
  business: BusinessContext,
): string {
  return sha256(JSON.stringify([task, version, model, input, business]));
}

/** One ledger row and its metrics, written once whatever happens to the call. */
class CallRecord {
  readonly id = newId();
  readonly meter: RunMeter;
  readonly providerName: string;
  private readonly startedAt = performance.now();

  constructor(
    private readonly deps: AiServiceDeps,
    private readonly call: {
      businessId: string;
      userId: string | null;
      task: AnyAiTask;
      resolved: ResolvedProvider;
    },
  ) {
    const { resolved } = call;
    this.providerName = resolved.kind === 'offline' ? 'offline' : resolved.provider.name;
    this.meter = newMeter(resolved.kind === 'offline' ? OFFLINE_MODEL : resolved.provider.model);
  }

  async finish(outcome: AiCallOutcome, error?: unknown): Promise<AiRunMeta> {
    const { meter, providerName } = this;
    const { task } = this.call;
    const latencyMs = Math.round(performance.now() - this.startedAt);
    const cost =
      outcome === 'cached' || providerName === 'offline'
        ? { microUsd: 0, priceKnown: true }
        : this.deps.prices.cost(meter.model, meter.usage);
    await this.deps.repos.aiCalls.insert({
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
      latency_ms: latencyMs,
      attempts: meter.attempts,
      outcome,
      error_code: error ? (isAppError(error) ? error.code : 'internal_error') : null,
      error_message: error ? (isAppError(error) ? error.message : 'Unexpected error').slice(0, 500) : null,
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
}
