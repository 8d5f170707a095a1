import type { AiMetrics } from '#server/ai/ai-metrics.js';
import type { CircuitBreakers } from '#server/ai/circuit-breaker.js';
import { addUsage } from '#server/ai/cost-estimate.js';
import { firstAttemptBound, runOnModel, type SpendGate } from '#server/ai/engine.js';
import type { PriceTable } from '#server/ai/prices.js';
import { removeWordsToAvoid } from '#server/ai/prompt-safety.js';
import type { ResponseCache } from '#server/ai/response-cache.js';
import type { RetryPolicy } from '#server/ai/retry.js';
import type { AnyAiTask, BusinessContext, TaskContext } from '#server/ai/task.js';
import type { AiCallOutcome } from '#server/db/schema.js';
import { AppError, isAppError } from '#server/errors/app-error.js';
import type { EventPublisher } from '#server/realtime/event-bus.js';
import type { Repositories } from '#server/repositories/index.js';
import type { AiRunMeta } from '#shared/ai.schema.js';
import type { AiTaskName } from '#shared/ai-tasks.schema.js';
import type { Principal } from '../access/principal.js';
import { sha256 } from '../access/security/tokens.js';
import { requireWorkspaceRole } from '../access/workspace-access.js';
import type { Notifier } from '../notifications/notifier.js';
import { parseBrandProfile } from '../workspace/brand-profile.js';
import type { AiBudgetGuard, BudgetHold } from './ai-budget.js';
import { CallRecord } from './ai-call-record.js';
import type { AiProviderResolver, ResolvedProvider } from './ai-provider-resolver.js';
import { cleanPreview } from './clean-preview.js';

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
  /** Told the call's ledger id once its row is written, whatever the outcome (a job lists what it spent). */
  onRecorded?: (callId: string) => void;
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
  /** Told when spending reaches 80% or 100% of a workspace's monthly budget. */
  notifier?: Notifier;
  now: () => Date;
  /** The most tokens any answer may take (`AI_MAX_OUTPUT_TOKENS`). */
  maxOutputTokens: number;
  /** How long a model run may take in all (see `runDeadlineMs`); budget reservations outlive it. */
  runDeadlineMs: number;
}

const OFFLINE: ResolvedProvider = { kind: 'offline', source: 'offline' };

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
    const resolved = options.offline ? OFFLINE : await this.deps.resolver.resolve(businessId);
    const call = new CallRecord(this.deps, { businessId, userId, task, resolved });
    const finish = async (...args: Parameters<CallRecord['finish']>) => {
      const meta = await call.finish(...args);
      options.onRecorded?.(call.id);
      return meta;
    };

    if (resolved.kind === 'model') {
      // Reserve the first attempt's worst case before anything is sent, so parallel calls cannot all see
      // the same room under the limit; what the run spends beyond it is reserved attempt by attempt.
      const first = firstAttemptBound(task, input, context, this.deps.maxOutputTokens);
      const hold = await this.deps.budget.reserve(businessId, this.priceOf(resolved, first));
      if (hold instanceof AppError) {
        await finish('budget_exceeded', hold);
        throw hold;
      }
      call.hold = hold;
    }
    const preview = options.onDelta && previewFor(options.onDelta, context.business);
    const onDelta = preview?.push;
    const deadline = resolved.kind === 'model' ? startDeadline(this.deps.runDeadlineMs) : undefined;
    const signal = anySignal(options.signal, deadline?.signal);
    try {
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
        onDelta?.(JSON.stringify(cached.output));
        preview?.flush();
        call.meter.model = cached.model;
        return { ...(await finish('cached')), output: cached.output as O };
      }
      const output =
        resolved.kind === 'offline'
          ? runOffline(task, input, context, onDelta)
          : await runOnModel(task, input, context, {
              provider: resolved.provider,
              breaker: this.deps.breakers.for(resolved.breakerKey),
              retry: this.deps.retry,
              meter: call.meter,
              maxOutputTokens: this.deps.maxOutputTokens,
              gate: call.hold && this.spendGate(call.hold, resolved),
              signal,
              onDelta,
            });
      preview?.flush();
      if (cacheKey) await this.deps.cache.set(cacheKey, { output, model: call.meter.model });
      return { ...(await finish('ok')), output: output as O };
    } catch (error) {
      // A failure to write the ledger row itself is not the call's: report it as it is.
      if (call.isFinished) throw error;
      const failure =
        deadline?.signal.aborted && !options.signal?.aborted
          ? new AppError(
              'ai_provider_error',
              'The AI provider took too long to answer; nothing was saved. Try again or choose a faster model.',
              {
                facts: { reason: 'ai_provider_failed', failure: 'deadline' },
                diagnostics: `The AI call did not finish within ${Math.round(this.deps.runDeadlineMs / 1000)} seconds`,
              },
            )
          : error;
      await finish(outcomeOf(failure, options.signal), failure);
      throw failure;
    } finally {
      deadline?.stop();
    }
  }

  /** Before each provider attempt: the hold must cover what the run used plus the attempt's worst case. */
  private spendGate(hold: BudgetHold, resolved: ResolvedProvider & { kind: 'model' }): SpendGate {
    return { cover: (used, next) => hold.cover(this.priceOf(resolved, addUsage(used, next))) };
  }

  private priceOf(
    resolved: ResolvedProvider & { kind: 'model' },
    usage: Parameters<PriceTable['cost']>[1],
  ): number {
    return this.deps.prices.cost(resolved.provider.model, usage).microUsd;
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

/**
 * The stream a caller sees, cleaned as the result will be: the words the brand avoids, which the task's
 * rules remove from the result, never show in the preview either.
 */
function previewFor(
  send: (text: string) => void,
  business: BusinessContext,
): { push(text: string): void; flush(): void } {
  const avoid = business.brand.voice.words_to_avoid;
  if (avoid.length === 0) return { push: send, flush: () => {} };
  const longest = Math.max(...avoid.map((phrase) => phrase.trim().split(/\s+/).length));
  return cleanPreview(send, (text) => removeWordsToAvoid(text, avoid), longest);
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

function outcomeOf(error: unknown, signal: AbortSignal | undefined): AiCallOutcome {
  if (signal?.aborted) return 'cancelled';
  return isAppError(error, 'budget_exceeded') ? 'budget_exceeded' : 'error';
}

/** Aborts at the run's deadline, so no call outlives its budget reservation. */
function startDeadline(ms: number): { signal: AbortSignal; stop(): void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  return { signal: controller.signal, stop: () => clearTimeout(timer) };
}

function anySignal(...signals: Array<AbortSignal | undefined>): AbortSignal | undefined {
  const present = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  return present.length > 1 ? AbortSignal.any(present) : present[0];
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
