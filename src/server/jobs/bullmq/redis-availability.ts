import { Redis } from 'ioredis';
import { AppError } from '#server/errors/app-error.js';

/** What a refused submission tells the client to wait: about two of ioredis's reconnect attempts. */
export const QUEUE_RETRY_AFTER_SECONDS = 5;

/**
 * How long one command may take before it fails. It bounds a request only when Redis hangs without
 * closing the connection (a partition); a stopped Redis fails every command at once.
 */
export const QUEUE_COMMAND_TIMEOUT_MS = 1_000;

/**
 * The queue's own Redis connection, built to fail rather than wait: nothing is queued while the
 * connection is down (so a refused submission cannot run later, after its error was answered), a
 * command in flight when it drops is failed rather than resent, and every command has a deadline.
 * It reconnects in the background for as long as the process runs.
 */
export function createFailFastConnection(url: string, connectionName: string): Redis {
  const redis = new Redis(url, {
    connectionName,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    commandTimeout: QUEUE_COMMAND_TIMEOUT_MS,
  });
  // Reported by readiness and the dependency gauge; one log line per reconnect attempt would be noise.
  redis.on('error', () => {});
  return redis;
}

const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);
// Replies Redis gives while it cannot serve yet: loading its data, busy with a script, failing over.
const UNAVAILABLE_REPLY = /^(LOADING|BUSY|MASTERDOWN|TRYAGAIN|CLUSTERDOWN|READONLY)\b/;

/** Whether `error` says Redis could not be reached in time, as opposed to a mistake in the command. */
export function isRedisUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  return (
    error.name === 'MaxRetriesPerRequestError' ||
    (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) ||
    /Stream isn't writeable|Command timed out|Connection is closed/i.test(error.message) ||
    UNAVAILABLE_REPLY.test(error.message)
  );
}

/** Whether a command that failed with `error` timed out, so Redis may still have run it. */
export function isCommandTimeout(error: unknown): boolean {
  return error instanceof Error && /Command timed out/i.test(error.message);
}

/** The 503 problem (with Retry-After) a request gets while the queue's Redis is unreachable. */
export function queueUnavailable(
  detail = 'The job queue (Redis) is not reachable; nothing was queued. Try again shortly.',
  retryAfterSeconds = QUEUE_RETRY_AFTER_SECONDS,
): AppError {
  return new AppError('service_unavailable', detail, { retryAfterSeconds });
}

/**
 * Whether `redis` is connected, or becomes so within one command timeout when a connection attempt is
 * under way (just after start-up, say). Between attempts — Redis refused the last one — it says no at once.
 */
export async function connectedSoon(redis: Redis): Promise<boolean> {
  if (redis.status === 'ready') return true;
  if (!['wait', 'connecting', 'connect'].includes(redis.status)) return false;
  return new Promise<boolean>((resolve) => {
    const settle = (connected: boolean) => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      redis.off('close', onClose);
      resolve(connected);
    };
    const onReady = () => settle(true);
    const onClose = () => settle(false);
    const timer = setTimeout(() => settle(false), QUEUE_COMMAND_TIMEOUT_MS);
    redis.once('ready', onReady);
    redis.once('close', onClose);
  });
}

/**
 * Run `work` against `redis` only if it is connected now, and turn a lost connection during it into
 * `queueUnavailable()`: a request never waits for a reconnect, and never answers 500 for an outage.
 */
export async function whileConnected<T>(redis: Redis, work: () => Promise<T>): Promise<T> {
  if (!(await connectedSoon(redis))) throw queueUnavailable();
  try {
    return await work();
  } catch (error) {
    if (isRedisUnavailable(error) || redis.status !== 'ready') throw queueUnavailable();
    throw error;
  }
}
