import { AppError } from '../errors/app-error.js';
import type { CircuitBreaker } from './circuit-breaker.js';
import { attemptTokenBound } from './cost-estimate.js';
import type {
  ChatMessage,
  ChatProvider,
  CompletionRequest,
  CompletionResult,
  TokenUsage,
} from './provider.js';
import { classifyProviderError, isOutboundRefusal, ProviderError } from './provider-errors.js';
import { attemptsOf, type RetryPolicy, withRetries } from './retry.js';
import { jsonSchemaFor, parseStructuredOutput } from './structured-output.js';
import type { AiTask, TaskContext } from './task.js';
import { countPromptTokens, countTextTokens } from './token-count.js';
import { inOwnTurn } from './turn-queue.js';
import { answerFaults, describeUnusableAnswer, diagnosticsOf } from './unusable-answer.js';

/**
 * What a run consumed so far. The engine updates it as it goes, so the caller can write the ledger
 * whatever the outcome (success, failure, cancellation).
 */
export interface RunMeter {
  model: string;
  usage: TokenUsage;
  attempts: number;
  repaired: boolean;
  /** Some tokens were counted here because the provider never reported them (see `meterUnanswered`). */
  estimated: boolean;
}

/**
 * Asked before every provider attempt whether the run may spend that much more: `used` is what the run has
 * consumed so far, `next` the most the attempt can consume. Throws (budget_exceeded) to stop the run.
 */
export interface SpendGate {
  cover(used: TokenUsage, next: TokenUsage): Promise<void>;
}

/** Everything a model-backed run needs. */
export interface ModelRunOptions {
  provider: ChatProvider;
  breaker: CircuitBreaker;
  retry: RetryPolicy;
  meter: RunMeter;
  /** The operator's ceiling on any answer's tokens (`AI_MAX_OUTPUT_TOKENS`) when the task's own is higher. */
  maxOutputTokens?: number;
  gate?: SpendGate;
  signal?: AbortSignal;
  /** Receives text as the model writes it (streaming); omit for a single response. */
  onDelta?: (text: string) => void;
}

/** What a run's first provider attempt can consume at most: what the budget reserves before the run. */
export function firstAttemptBound<I, O>(
  task: AiTask<I, O>,
  input: I,
  context: TaskContext,
  maxOutputTokens: number,
): TokenUsage {
  return attemptTokenBound(requestFor(task, task.prompt(input, context), input, maxOutputTokens));
}

function requestFor<I, O>(
  task: AiTask<I, O>,
  messages: ChatMessage[],
  input: I,
  maxOutputTokens: number,
): CompletionRequest {
  return {
    messages,
    jsonSchema: { name: task.name, schema: jsonSchemaFor(task.output) },
    maxTokens: Math.min(task.maxOutputTokens(input), maxOutputTokens),
  };
}

/** The output ceiling when the operator sets none: the largest answer gpt-4o and gpt-4o-mini can write. */
export const DEFAULT_MAX_OUTPUT_TOKENS = 16_384;

/**
 * How long a model run may take in all: the answer and its repair, each retried for up to the retry budget
 * with one last attempt's timeout after it. The service aborts a run at this deadline, which is what lets a
 * budget reservation lapse safely a little later.
 */
export function runDeadlineMs(retry: RetryPolicy, timeoutMs: number): number {
  return 2 * (retry.budgetMs + timeoutMs);
}

/** A fresh meter for a run on `model`. */
export function newMeter(model: string): RunMeter {
  return {
    model,
    usage: { promptTokens: 0, completionTokens: 0 },
    attempts: 0,
    repaired: false,
    estimated: false,
  };
}

/**
 * Run `task` on a model: prompt, structured output, validation, the task's rules, and one repair attempt
 * that shows the model its problems. A second failure is a clear `ai_provider_error`.
 */
export async function runOnModel<I, O>(
  task: AiTask<I, O>,
  input: I,
  context: TaskContext,
  options: ModelRunOptions,
): Promise<O> {
  const messages = task.prompt(input, context);
  const first = await callModel(
    requestFor(task, messages, input, options.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS),
    options,
    options.onDelta,
  );
  const verdict = await inOwnTurn(() => check(task, first.text, input, context, false));
  if (verdict.ok) return verdict.output;

  options.meter.repaired = true;
  const repairMessages: ChatMessage[] = [
    ...messages,
    { role: 'assistant', content: first.text },
    {
      role: 'user',
      content: `Your answer has these problems:\n- ${verdict.problems.join('\n- ')}\nAnswer again with only the corrected JSON object.`,
    },
  ];
  const second = await callModel(
    requestFor(task, repairMessages, input, options.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS),
    options,
    undefined,
  );
  const retried = await inOwnTurn(() => check(task, second.text, input, context, true));
  if (retried.ok) return retried.output;
  throw new AppError('ai_provider_error', describeUnusableAnswer(retried.problems), {
    diagnostics: diagnosticsOf(retried.problems),
    facts: { reason: 'ai_answer_unusable', faults: answerFaults(retried.problems) },
  });
}

/** The answer checked; the task's flags ask for the repair, but only its problems refuse the repaired answer. */
function check<I, O>(task: AiTask<I, O>, text: string, input: I, context: TaskContext, repaired: boolean) {
  const parsed = parseStructuredOutput(text, task.output);
  if (!parsed.ok) return parsed;
  const finalized = task.finalize(parsed.output, input, context);
  const problems = repaired ? finalized.problems : [...finalized.problems, ...(finalized.flags ?? [])];
  return problems.length === 0
    ? ({ ok: true, output: finalized.output } as const)
    : ({ ok: false, problems } as const);
}

/**
 * One logical call (with retries) through the circuit breaker, metering tokens even when it fails. The spend
 * gate is asked before every attempt, since a failed attempt may have consumed tokens already.
 */
async function callModel(
  base: CompletionRequest,
  options: ModelRunOptions,
  onDelta: ((text: string) => void) | undefined,
): Promise<CompletionResult> {
  const { provider, breaker, meter, signal, gate } = options;
  if (!breaker.tryAcquire()) {
    throw new AppError(
      'ai_unavailable',
      'The AI provider failed repeatedly and is paused; try again shortly',
      {
        retryAfterSeconds: Math.max(1, Math.ceil(breaker.retryAfterMs() / 1000)),
      },
    );
  }
  const request = { ...base, signal };
  const bound = attemptTokenBound(request);
  try {
    const { value, attempts } = await withRetries(
      async () => {
        await gate?.cover(meter.usage, bound);
        const streamed = { text: '' };
        try {
          return await (onDelta
            ? streamOnce(provider, request, streamed, onDelta)
            : provider.complete(request));
        } catch (error) {
          await meterUnanswered(error, request, streamed.text, meter, signal);
          throw error;
        }
      },
      options.retry,
      signal,
    );
    meter.attempts += attempts;
    meter.model = value.model;
    meter.usage.promptTokens += value.usage.promptTokens;
    meter.usage.completionTokens += value.usage.completionTokens;
    breaker.recordSuccess();
    return value;
  } catch (error) {
    meter.attempts += attemptsOf(error);
    if (error instanceof AppError) {
      // The spend gate said no: nothing was asked of the provider, so this says nothing about its health.
      breaker.abandon();
      throw error;
    }
    if (error instanceof ProviderError) {
      if (error.countsAgainstProvider) breaker.recordFailure();
      else breaker.recordSuccess();
      throw toAppError(error);
    }
    breaker.recordFailure();
    throw error;
  }
}

/** Stream one attempt, keeping the text that arrived in `streamed` (a cut stream is metered by it). */
async function streamOnce(
  provider: ChatProvider,
  request: Parameters<ChatProvider['stream']>[0],
  streamed: { text: string },
  onDelta: (text: string) => void,
): Promise<CompletionResult> {
  for await (const chunk of provider.stream(request)) {
    if (chunk.type === 'delta') {
      streamed.text += chunk.text;
      onDelta(chunk.text);
    } else {
      return chunk;
    }
  }
  throw new ProviderError('bad_response', 'The AI stream ended without finishing');
}

/**
 * An attempt that failed without the provider's usage report still cost something when it reached the
 * model: one that timed out or was cancelled may be billed for its prompt, and a stream cut half-way for
 * its prompt and the text that arrived. Those tokens are counted here and the run's usage flagged as
 * estimated.
 */
async function meterUnanswered(
  error: unknown,
  request: CompletionRequest,
  streamedText: string,
  meter: RunMeter,
  signal: AbortSignal | undefined,
): Promise<void> {
  const kind = classifyProviderError(error, signal).kind;
  if (kind !== 'timeout' && kind !== 'cancelled' && streamedText === '') return;
  meter.usage.promptTokens += await countPromptTokens(request);
  meter.usage.completionTokens += await countTextTokens(streamedText);
  meter.estimated = true;
}

/** What a person is told when the provider itself failed; the provider's own words go to the ledger. */
const PROVIDER_FAILURES: Record<ProviderError['kind'], string> = {
  rate_limited:
    'The AI provider is busy and asked us to slow down; nothing was saved. Try again in a minute.',
  server_error: 'The AI provider had an error on its side; nothing was saved. Try again in a moment.',
  connection: 'We could not reach the AI provider; nothing was saved. Check its address under Settings → AI.',
  timeout: 'The AI provider did not answer in time; nothing was saved. Try again or choose a faster model.',
  rejected:
    'The AI provider refused the request; nothing was saved. Check the model name and key under Settings → AI.',
  bad_response: 'The AI provider sent an answer we could not read; nothing was saved. Try again.',
  cancelled: 'The request was cancelled; nothing was saved.',
};

const REFUSED_ADDRESS =
  'The server may not call the AI provider’s address (it points inside a private network, or redirects elsewhere); nothing was saved. Check the address under Settings → AI.';

/** The problem a client sees for a provider failure. */
export function toAppError(error: ProviderError): AppError {
  const retryAfterSeconds = error.options.retryAfterMs
    ? Math.ceil(error.options.retryAfterMs / 1000)
    : undefined;
  const refused = isOutboundRefusal(error);
  const detail = refused ? REFUSED_ADDRESS : PROVIDER_FAILURES[error.kind];
  return new AppError('ai_provider_error', detail, {
    facts: { reason: 'ai_provider_failed', failure: refused ? 'address_refused' : error.kind },
    diagnostics: error.message,
    providerFailure: error.kind,
    ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
  });
}
