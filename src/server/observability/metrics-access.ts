import { createHash, timingSafeEqual } from 'node:crypto';
import type { Config } from '../config/config.js';

/**
 * Who may read /metrics. With a token, only requests bearing it. Without one, everybody on the
 * metrics port (it listens on loopback unless told otherwise, and production refuses it elsewhere
 * without a token) and on the app port outside production; in production the app port hides it.
 */
export type MetricsAccess = { kind: 'token'; token: string } | { kind: 'open' } | { kind: 'hidden' };

/** What a request for /metrics gets. */
export type MetricsVerdict = 'allowed' | 'unauthenticated' | 'hidden';

/**
 * The access rule for /metrics on the app port (`where: 'app'`) or on METRICS_PORT (`'metrics-port'`).
 *
 * @example
 * metricsAccess(config, 'app'); // { kind: 'hidden' } in production without METRICS_TOKEN
 */
export function metricsAccess(
  config: Pick<Config, 'env' | 'metrics'>,
  where: 'app' | 'metrics-port',
): MetricsAccess {
  if (config.metrics.token) return { kind: 'token', token: config.metrics.token };
  return where === 'app' && config.env === 'production' ? { kind: 'hidden' } : { kind: 'open' };
}

/** Judge a request's `Authorization` header against the rule, in constant time for the token. */
export function judgeMetricsRequest(
  access: MetricsAccess,
  authorization: string | undefined,
): MetricsVerdict {
  if (access.kind !== 'token') return access.kind === 'open' ? 'allowed' : 'hidden';
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  return presented !== undefined && sameSecret(presented, access.token) ? 'allowed' : 'unauthenticated';
}

// Digests first, so the comparison takes the same time whatever the lengths.
function sameSecret(a: string, b: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(a), digest(b));
}
