import rateLimit, {
  normalizeIP,
  type RateLimitOptions,
  type RateLimitPluginOptions as StoreOptions,
} from '@fastify/rate-limit';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';
import type { Config } from '../config/config.js';
import { AppError } from '../errors/app-error.js';

export interface RateLimitPluginOptions {
  config: Config;
}

/**
 * The client's address as a rate-limit key. Synthetic requests (WebSocket injection in tests) have no
 * socket, and with a trusted proxy configured even reading `req.ip` throws then; IPv6 clients are grouped
 * by /56 because one host usually owns a whole prefix.
 */
export function clientKey(request: FastifyRequest): string {
  const ip = request.socket ? (request.ip ?? request.socket.remoteAddress) : undefined;
  if (!ip) return 'unknown';
  // An IPv4 address is its own key; the library's IPv6 test is a long regex, run on every request.
  return ip.includes(':') ? normalizeIP(ip, 56) : ip;
}

/** `Retry-After` is whole seconds, rounded up so a client that waits that long is always let in. */
function rateLimitedError(_request: FastifyRequest, context: { ttl: number; after: string }): AppError {
  return new AppError('rate_limited', `Too many requests; try again in ${context.after}`, {
    retryAfterSeconds: Math.max(1, Math.ceil(context.ttl / 1000)),
  });
}

/**
 * The counters' store in scale-out mode: one Redis client per process, so a limit hit on one instance
 * counts on every other. Commands fail fast while Redis is away (readiness reports it) instead of queueing.
 */
async function sharedCounterStore(
  app: FastifyInstance,
  config: Config,
): Promise<Pick<StoreOptions, 'redis' | 'nameSpace'>> {
  if (!config.redis.url) return {};
  const redis = new Redis(config.redis.url, {
    connectionName: 'mcc-rate-limit',
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
  });
  redis.on('error', (error) => app.log.warn({ err: error }, 'rate-limit store: Redis error'));
  // Connected before the first request when Redis is up; if it is not, the app still starts (and keeps
  // reconnecting) rather than refusing every request.
  await redis.connect().catch(() => undefined);
  app.addHook('onClose', async () => {
    await redis.quit().catch(() => redis.disconnect());
  });
  return { redis, nameSpace: `${config.redis.prefix}:rate-limit:` };
}

const rateLimitPluginImpl: FastifyPluginAsync<RateLimitPluginOptions> = async (app, { config }) => {
  await app.register(rateLimit, {
    ...(await sharedCounterStore(app, config)),
    // With Redis away, serve requests unlimited rather than failing them all; /readyz says Redis is down.
    skipOnError: true,
    global: true,
    max: config.rateLimit.max,
    timeWindow: config.rateLimit.windowSeconds * 1000,
    keyGenerator: clientKey,
    errorResponseBuilder: rateLimitedError,
    // The error handler writes Retry-After from the AppError; the plugin's own copy would duplicate it.
    addHeaders: { 'retry-after': false },
  });
};

/**
 * Per-IP limit on every route registered after it (`config: { rateLimit: false }` opts a route out).
 * The 429 is a `rate_limited` problem with `Retry-After`. Counters live in memory in the single-process
 * mode and in Redis when `REDIS_URL` is set (docs/architecture.md, "Two modes").
 */
export const rateLimitPlugin = fp(rateLimitPluginImpl, { name: 'mcc-rate-limit', fastify: '5.x' });

function normalisedEmail(body: unknown): string {
  const email = typeof body === 'object' && body !== null ? (body as { email?: unknown }).email : undefined;
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
}

/**
 * Route-level limit for login and register: per IP and account (`body.email`), counted after the body is
 * parsed and validated. It replaces the global per-IP limit on that route.
 *
 * @example
 * app.post('/auth/login', { config: { rateLimit: authRateLimit(config) }, schema }, handler);
 */
export function authRateLimit(config: Config): RateLimitOptions {
  return {
    hook: 'preHandler',
    max: config.rateLimit.authMax,
    timeWindow: config.rateLimit.authWindowSeconds * 1000,
    keyGenerator: (request) => `${clientKey(request)}|${normalisedEmail(request.body)}`,
  };
}

/**
 * A tighter per-IP limit for a single route (telemetry and other unauthenticated write endpoints).
 *
 * @example
 * app.post('/telemetry', { config: { rateLimit: perIpRateLimit(60, 60) } }, handler);
 */
export function perIpRateLimit(max: number, windowSeconds: number): RateLimitOptions {
  return { max, timeWindow: windowSeconds * 1000, keyGenerator: clientKey };
}

/**
 * A second, per-address budget for sign-in and registration, checked in `preHandler` next to
 * `authRateLimit` (which replaces the global limit on those routes): rotating emails from one address
 * still runs out, at ten times the per-account budget.
 *
 * @example
 * app.post('/auth/login', { preHandler: authAddressLimit(app, config), ... }, handler);
 */
export function authAddressLimit(app: FastifyInstance, config: Config) {
  const check = app.createRateLimit({
    max: config.rateLimit.authMax * 10,
    timeWindow: config.rateLimit.authWindowSeconds * 1000,
    keyGenerator: (request) => `auth-address|${clientKey(request)}`,
  });
  return async function limitAuthByAddress(request: FastifyRequest): Promise<void> {
    const result = await check(request);
    // `isAllowed` only means "on the allow-list"; `isExceeded` is the verdict.
    if (!result.isAllowed && result.isExceeded) {
      throw new AppError('rate_limited', 'Too many sign-in attempts from this address', {
        retryAfterSeconds: Math.max(1, result.ttlInSeconds),
      });
    }
  };
}
