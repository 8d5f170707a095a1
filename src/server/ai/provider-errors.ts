import OpenAI from 'openai';
import type { AiProviderFailure } from '#shared/problem-facts.js';
import { OutboundRefusedError } from '../integrations/guarded-fetch.js';

/**
 * Why a provider call failed, in the terms the engine acts on: the failures a client sees
 * (src/shared/problem-facts.ts) but the two the engine decides itself (the guard's refusal, the deadline).
 */
export type ProviderFailureKind = Exclude<AiProviderFailure, 'address_refused' | 'deadline'>;

/** A provider call's failure, classified once so retry, breaker and ledger agree. */
export class ProviderError extends Error {
  constructor(
    readonly kind: ProviderFailureKind,
    message: string,
    readonly options: { status?: number; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'ProviderError';
  }

  /** 429, 5xx, connection failures and timeouts are worth another try. */
  get retryable(): boolean {
    return (
      this.kind === 'rate_limited' ||
      this.kind === 'server_error' ||
      this.kind === 'connection' ||
      this.kind === 'timeout'
    );
  }

  /** Failures that say the provider is unhealthy (counted by the circuit breaker); a 400 is our fault. */
  get countsAgainstProvider(): boolean {
    return this.retryable || this.kind === 'bad_response';
  }
}

/** Translate anything the OpenAI SDK (or the network) throws into a `ProviderError`. */
export function classifyProviderError(error: unknown, signal?: AbortSignal): ProviderError {
  if (error instanceof ProviderError) return error;
  const refused = outboundRefusal(error);
  if (refused) {
    // A refused address or a redirect: trying again cannot help, and the provider is not at fault.
    return new ProviderError('rejected', `The AI provider was not called: ${refused.message}`, {
      cause: error,
    });
  }
  if (signal?.aborted || error instanceof OpenAI.APIUserAbortError) {
    return new ProviderError('cancelled', 'The request was cancelled', { cause: error });
  }
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return new ProviderError('timeout', 'The AI provider did not answer in time', { cause: error });
  }
  if (error instanceof OpenAI.APIConnectionError) {
    return new ProviderError('connection', 'Could not reach the AI provider', { cause: error });
  }
  if (error instanceof OpenAI.APIError && typeof error.status === 'number') {
    const status = error.status;
    const retryAfterMs = parseRetryAfter(error.headers?.get?.('retry-after') ?? null);
    if (status === 429)
      return new ProviderError('rate_limited', 'The AI provider is rate limiting us', {
        status,
        retryAfterMs,
        cause: error,
      });
    if (status >= 500 || status === 408)
      return new ProviderError('server_error', `The AI provider failed (HTTP ${status})`, {
        status,
        retryAfterMs,
        cause: error,
      });
    return new ProviderError('rejected', `The AI provider refused the request (HTTP ${status})`, {
      status,
      cause: error,
    });
  }
  return new ProviderError('bad_response', 'The AI provider sent an unreadable answer', { cause: error });
}

/** Whether the provider was never called because the guarded fetch refused its address or a redirect. */
export function isOutboundRefusal(error: ProviderError): boolean {
  return outboundRefusal(error.options.cause) !== undefined;
}

/** The guarded fetch's refusal, as thrown or as the SDK wraps it (an APIConnectionError's cause). */
function outboundRefusal(error: unknown): OutboundRefusedError | undefined {
  if (error instanceof OutboundRefusedError) return error;
  const cause = error instanceof Error ? error.cause : undefined;
  return cause instanceof OutboundRefusedError ? cause : undefined;
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
