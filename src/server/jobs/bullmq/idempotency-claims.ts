import type { Redis } from 'ioredis';
import { queueUnavailable } from './redis-availability.js';

const PENDING = 'pending:';

// Compare-and-swap, so a claim that expired and was taken by another request is never touched.
const CONFIRM = `if redis.call('get', KEYS[1]) == ARGV[1] then
  return redis.call('set', KEYS[1], ARGV[2], 'EX', ARGV[3]) end
return false`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
return 0`;

/**
 * Idempotency keys of the BullMQ queue, claimed in two steps so a failed submission leaves nothing
 * behind: a key is first claimed as pending for a short while (`pendingSeconds`, longer than any
 * submission can take), then confirmed for `keepSeconds` once its job exists. A claim whose submission
 * failed is released, or expires by itself if Redis went away before it could be released; until then
 * a repeat of the key is told to retry rather than given the id of a job that does not exist.
 */
export class IdempotencyClaims {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly keepSeconds: number,
    private readonly pendingSeconds = 10,
  ) {}

  /**
   * Claim `key` for the job `id`. Undefined when the caller now owns it; otherwise the id of the job an
   * earlier request made with this key.
   */
  async claim(
    businessId: string | null,
    key: string,
    id: string,
    jobExists: (id: string) => Promise<boolean>,
  ): Promise<string | undefined> {
    const redisKey = this.key(businessId, key);
    const claimed = await this.redis.set(redisKey, `${PENDING}${id}`, 'EX', this.pendingSeconds, 'NX');
    if (claimed !== null) return undefined;
    const current = await this.redis.get(redisKey);
    if (current === null) {
      // Released or expired between the two commands: the earlier request did not make a job.
      return this.claimAgain(redisKey, id);
    }
    if (!current.startsWith(PENDING)) return current;
    const earlier = current.slice(PENDING.length);
    if (await jobExists(earlier)) return earlier;
    throw queueUnavailable('A request with the same key is still being queued; try again shortly.', 1);
  }

  /** The job exists: keep the key for its full retention. */
  async confirm(businessId: string | null, key: string, id: string): Promise<void> {
    await this.redis.eval(CONFIRM, 1, this.key(businessId, key), `${PENDING}${id}`, id, this.keepSeconds);
  }

  /** The submission failed: free the key at once for the next attempt. */
  async release(businessId: string | null, key: string, id: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.key(businessId, key), `${PENDING}${id}`);
  }

  private async claimAgain(redisKey: string, id: string): Promise<undefined> {
    const claimed = await this.redis.set(redisKey, `${PENDING}${id}`, 'EX', this.pendingSeconds, 'NX');
    if (claimed === null) {
      throw queueUnavailable('A request with the same key is still being queued; try again shortly.', 1);
    }
    return undefined;
  }

  private key(businessId: string | null, key: string): string {
    return `${this.prefix}:mcc:idempotency:${businessId ?? 'system'}:${key}`;
  }
}
