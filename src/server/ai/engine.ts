import { AppError } from '../errors/app-error.js';
import type { CircuitBreaker } from './circuit-breaker.js';
import type { ChatMessage, ChatProvider, CompletionResult, TokenUsage } from './provider.js';
import { ProviderError } from './provider-errors.js';
import { attemptsOf, type RetryPolicy, withRetries } from './retry.js';
import { jsonSchemaFor, parseStructuredOutput } from './structured-output.js';
import type { AiTask, TaskContext } from './task.js';
import { inOwnTurn } from './turn-queue.js';

/**
 * What a run consumed so far. The engine updates it as it goes, so the caller can write the ledger
 * whatever the outcome (success, failure, cancellation).
 */
export interface RunMeter {
  model: string;
  usage: TokenUsage;
  attempts: number;
  repaired: boolean;
}

/** Everything a model-backed run needs. */
export interface ModelRunOptions {
  provider: ChatProvider;
  breaker: CircuitBreaker;
  retry: RetryPolicy;
  meter: RunMeter;
  signal?: AbortSignal;
  /** Receives text as the model writes it (streaming); omit for a single response. */
  onDelta?: (text: string) => void;
}

/** A fresh meter for a run on `model`. */
export function newMeter(model: string): RunMeter {
  return { model, usage: { promptTokens: 0, completionTokens: 0 }, attempts: 0, repaired: false };
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
  const first = await callModel(messages, task, options, options.onDelta);
  const verdict = await inOwnTurn(() => check(task, first.text, input, context));
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
  const second = await callModel(repairMessages, task, options, undefined);
  const retried = await inOwnTurn(() => check(task, second.text, input, context));
  if (retried.ok) return retried.output;
  throw new AppError(
    'ai_provider_error',
    `The AI answer was still invalid after one repair attempt: ${retried.problems.slice(0, 3).join('; ')}`,
  );
}

function check<I, O>(task: AiTask<I, O>, text: string, input: I, context: TaskContext) {
  const parsed = parseStructuredOutput(text, task.output);
  if (!parsed.ok) return parsed;
  const finalized = task.finalize(parsed.output, input, context);
  return finalized.problems.length === 0
    ? ({ ok: true, output: finalized.output } as const)
    : ({ ok: false, problems: finalized.problems } as const);
}

/** One logical call (with retries) through the circuit breaker, metering tokens even when it fails. */
async function callModel<I, O>(
  messages: ChatMessage[],
  task: AiTask<I, O>,
  options: ModelRunOptions,
  onDelta: ((text: string) => void) | undefined,
): Promise<CompletionResult> {
  const { provider, breaker, meter, signal } = options;
  if (!breaker.tryAcquire()) {
    throw new AppError(
      'ai_unavailable',
      'The AI provider failed repeatedly and is paused; try again shortly',
      {
        retryAfterSeconds: Math.max(1, Math.ceil(breaker.retryAfterMs() / 1000)),
      },
    );
  }
  const request = { messages, jsonSchema: { name: task.name, schema: jsonSchemaFor(task.output) }, signal };
  try {
    const { value, attempts } = await withRetries(
      () => (onDelta ? streamOnce(provider, request, meter, onDelta) : provider.complete(request)),
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
    if (error instanceof ProviderError) {
      if (error.countsAgainstProvider) breaker.recordFailure();
      else breaker.recordSuccess();
      throw toAppError(error);
    }
    breaker.recordFailure();
    throw error;
  }
}

/** Stream one attempt; a stream cut half-way still meters the text that arrived. */
async function streamOnce(
  provider: ChatProvider,
  request: Parameters<ChatProvider['stream']>[0],
  meter: RunMeter,
  onDelta: (text: string) => void,
): Promise<CompletionResult> {
  let received = '';
  try {
    for await (const chunk of provider.stream(request)) {
      if (chunk.type === 'delta') {
        received += chunk.text;
        onDelta(chunk.text);
      } else {
        return chunk;
      }
    }
  } catch (error) {
    meter.usage.completionTokens += Math.ceil(received.length / 4);
    throw error;
  }
  throw new ProviderError('bad_response', 'The AI stream ended without finishing');
}

/** The problem a client sees for a provider failure. */
function toAppError(error: ProviderError): AppError {
  if (error.kind === 'cancelled') return new AppError('ai_provider_error', 'The request was cancelled');
  const retryAfterSeconds = error.options.retryAfterMs
    ? Math.ceil(error.options.retryAfterMs / 1000)
    : undefined;
  return new AppError('ai_provider_error', error.message, retryAfterSeconds ? { retryAfterSeconds } : {});
}
