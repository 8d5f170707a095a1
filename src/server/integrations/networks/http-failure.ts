import { failureReason } from '#shared/failure-reasons.js';
import type { NetworkFailure } from './provider.js';

// Turning a network's HTTP answer into a failure the publisher acts on, the same way for every network:
// 401 means the token is gone (reconnect), 429 and 5xx come back later (at the time the network named),
// other 4xx mean the post itself was refused, with the network's reason.

/** The furthest a rate limit's reset may push a retry: beyond it the header is more likely wrong than true. */
const MAX_WAIT_MS = 24 * 3_600_000;

/**
 * When the network said to come back: `Retry-After` (seconds or an HTTP date), else, for a 429, a rate
 * limit's reset header (`X-RateLimit-Reset`/`RateLimit-Reset` as an ISO date, epoch seconds, or seconds
 * from now).
 *
 * @example
 * retryAtOf(new Headers({ 'retry-after': '30' }), now); // now + 30 s
 */
export function retryAtOf(headers: Headers, now: Date, { rateLimited = true } = {}): Date | null {
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter) {
    const at = /^\d+$/.test(retryAfter)
      ? new Date(now.getTime() + Number(retryAfter) * 1000)
      : new Date(retryAfter);
    if (Number.isFinite(at.getTime())) return bounded(at, now);
  }
  // Networks such as Mastodon send their rate-limit window on every answer: it only matters on a 429.
  if (!rateLimited) return null;
  const reset = (headers.get('x-ratelimit-reset') ?? headers.get('ratelimit-reset'))?.trim();
  if (!reset) return null;
  if (/^\d+(\.\d+)?$/.test(reset)) {
    const value = Number(reset);
    // Epoch seconds are ~1.7e9; anything small is "seconds from now" (the IETF RateLimit header).
    return bounded(new Date(value > 1e9 ? value * 1000 : now.getTime() + value * 1000), now);
  }
  const at = new Date(reset);
  return Number.isFinite(at.getTime()) ? bounded(at, now) : null;
}

function bounded(at: Date, now: Date): Date {
  const wait = Math.min(Math.max(0, at.getTime() - now.getTime()), MAX_WAIT_MS);
  return new Date(now.getTime() + wait);
}

/**
 * The failure an HTTP error answer means. `reason`: the network's own words (from its error body), or null.
 *
 * @example
 * httpFailure('Mastodon', 422, headers, 'Validation failed: Text can’t be blank', now);
 * // { kind: 'rejected', message: 'Mastodon refused it (HTTP 422): Validation failed: …', … }
 */
export function httpFailure(
  network: string,
  status: number,
  headers: Headers,
  reason: string | null,
  now: Date,
): NetworkFailure {
  const said = reason ? { networkSaid: reason } : {};
  if (status === 401) {
    return {
      kind: 'auth_expired',
      message: reason
        ? failureReason('tokenRefusedBecause', { network, status, reason })
        : failureReason('tokenRefused', { network, status }),
      statusCode: status,
      retryAt: null,
      ...said,
    };
  }
  if (status === 429 || status === 408 || status >= 500) {
    const retryAt = retryAtOf(headers, now, { rateLimited: status === 429 });
    return {
      kind: 'retryable',
      message: comeBackLater(network, status, reason, retryAt),
      statusCode: status,
      retryAt,
      ...said,
    };
  }
  // 403 is a refusal of this action (a suspended account, a missing scope), not an expired token.
  return {
    kind: 'rejected',
    message: reason
      ? failureReason('networkRefusedItBecause', { network, status, reason })
      : failureReason('networkRefusedIt', { network, status }),
    statusCode: status,
    retryAt: null,
    ...said,
  };
}

/** "Slow down" (429) or "not now" (408, 5xx), with the network's words and when to come back, if known. */
function comeBackLater(network: string, status: number, reason: string | null, retryAt: Date | null): string {
  const time = retryAt?.toISOString();
  if (status === 429) {
    if (reason && time) return failureReason('rateLimitedBecauseUntil', { network, status, reason, time });
    if (time) return failureReason('rateLimitedUntil', { network, status, time });
    return reason
      ? failureReason('rateLimitedBecause', { network, status, reason })
      : failureReason('rateLimited', { network, status });
  }
  if (reason && time) return failureReason('networkBusyBecauseUntil', { network, status, reason, time });
  if (time) return failureReason('networkBusyUntil', { network, status, time });
  return reason
    ? failureReason('networkBusyBecause', { network, status, reason })
    : failureReason('networkBusy', { network, status });
}

/** A request that got no answer (network error, timeout, or the outbound guard refused the address). */
export function transportFailure(network: string, error: unknown, refused: boolean): NetworkFailure {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    kind: refused ? 'rejected' : 'retryable',
    message: refused
      ? failureReason('networkOutOfReach', { network, error: detail })
      : failureReason('networkSilent', { network, error: detail }),
    statusCode: null,
    retryAt: null,
    unanswered: refused ? 'address_refused' : 'no_answer',
  };
}
