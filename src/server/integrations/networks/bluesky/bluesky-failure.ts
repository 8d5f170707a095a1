import { XRPCError } from '@atproto/api';
import { failureReason } from '#shared/failure-reasons.js';
import { OutboundRefusedError } from '../../guarded-fetch.js';
import { httpFailure, transportFailure } from '../http-failure.js';
import type { NetworkFailure } from '../provider.js';

// XRPC errors (atproto.com/specs/xrpc) as the publisher's failure kinds. The PDS answers `{ error, message }`:
// `ExpiredToken` / `InvalidToken` (HTTP 400) or 401 mean the session is gone once the agent's own renewal
// failed; 429 carries `ratelimit-reset` (epoch seconds); `InvalidRequest` is a refused record, in the
// PDS's words ("Invalid app.bsky.feed.post record: grapheme too big …"); 5xx and no answer come back later.

const SESSION_ERRORS = new Set(['ExpiredToken', 'InvalidToken', 'AccountTakedown', 'AccountDeactivated']);
/** The client's own statuses (its `ResponseType`): no answer at all, and an answer its lexicons refuse. */
const NO_ANSWER = 1;
const UNREADABLE_ANSWER = 2;

/** A file the network cannot take as it is (found before sending it): the post is refused, not retried. */
export class RefusedMediaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefusedMediaError';
  }
}

/**
 * The failure an error thrown by the agent means; anything that is not an XRPC error is ours and is thrown.
 *
 * @example
 * blueskyFailure(new XRPCError(400, 'ExpiredToken', 'Token has expired'), now);
 * // { kind: 'auth_expired', message: 'Bluesky refused the session (HTTP 400 ExpiredToken): Token has expired', … }
 */
export function blueskyFailure(error: unknown, now: Date): NetworkFailure {
  const network = 'Bluesky';
  if (error instanceof RefusedMediaError) {
    return { kind: 'rejected', message: error.message, statusCode: null, retryAt: null };
  }
  if (!(error instanceof XRPCError)) throw error;
  if (error.status === NO_ANSWER) {
    const cause = rootCause(error);
    return transportFailure(network, cause, cause instanceof OutboundRefusedError);
  }
  if (error.status === UNREADABLE_ANSWER) {
    return {
      kind: 'retryable',
      message: `${network} answered with something this client does not understand: ${error.message}`,
      statusCode: null,
      retryAt: null,
    };
  }
  const status: number = error.status;
  const reason = error.message && error.message !== error.error ? error.message : null;
  if (status === 401 || SESSION_ERRORS.has(error.error)) {
    return {
      kind: 'auth_expired',
      message: sessionRefused(network, status, error.error && status !== 401 ? error.error : null, reason),
      statusCode: status,
      retryAt: null,
      ...(reason && { networkSaid: reason }),
    };
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(error.headers ?? {}))
    if (value !== undefined) headers.set(name, value);
  return httpFailure(network, status, headers, reason, now);
}

/** The innermost cause: the agent wraps what `fetch` threw (a timeout, the guard's refusal). */
function rootCause(error: Error): unknown {
  let cause: unknown = error;
  for (let depth = 0; depth < 5 && cause instanceof Error && cause.cause !== undefined; depth += 1) {
    cause = cause.cause;
  }
  return cause;
}

/** A refused session, with the XRPC error's name (none for a plain 401) and the network's words, when given. */
function sessionRefused(
  network: string,
  status: number,
  errorName: string | null,
  reason: string | null,
): string {
  if (errorName) {
    return reason
      ? failureReason('sessionRefusedNamedBecause', { network, status, errorName, reason })
      : failureReason('sessionRefusedNamed', { network, status, errorName });
  }
  return reason
    ? failureReason('sessionRefusedBecause', { network, status, reason })
    : failureReason('sessionRefused', { network, status });
}
