import type { Redis } from 'ioredis';

/** The UUIDv7 prefix of a millisecond timestamp: ids below it are older. */
function uuidv7Floor(ms: number): string {
  const hex = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}`;
}

/**
 * Recent job ids per workspace, for listing: a sorted set with every score 0, so Redis orders the
 * members by their text, and UUIDv7 text order is creation order. Entries older than `keepMs` are
 * trimmed as new ones arrive; entries of jobs BullMQ already removed are dropped when met.
 */
export class WorkspaceJobIndex {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly keepMs: number,
  ) {}

  async add(businessId: string, id: string, nowMs: number): Promise<void> {
    const key = this.key(businessId);
    await this.redis
      .multi()
      .zadd(key, 0, id)
      .zremrangebylex(key, '-', `(${uuidv7Floor(nowMs - this.keepMs)}`)
      .exec();
  }

  async remove(businessId: string, id: string): Promise<void> {
    await this.redis.zrem(this.key(businessId), id);
  }

  /** Chunks of ids, newest first, strictly older than `before` when given. */
  async *newestFirst(
    businessId: string,
    before: string | undefined,
    chunk: number,
  ): AsyncGenerator<string[]> {
    let max = before ? `(${before}` : '+';
    for (;;) {
      const ids = await this.redis.zrange(this.key(businessId), max, '-', 'BYLEX', 'REV', 'LIMIT', 0, chunk);
      if (ids.length === 0) return;
      yield ids;
      if (ids.length < chunk) return;
      max = `(${ids.at(-1)}`;
    }
  }

  private key(businessId: string): string {
    return `${this.prefix}:mcc:workspace-jobs:${businessId}`;
  }
}
