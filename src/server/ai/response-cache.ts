/**
 * Identical AI requests within a short TTL can be answered without calling the model again (off unless
 * AI_CACHE_TTL_SECONDS is set). In memory per process, or shared by every instance through Redis in the
 * scale-out mode (redis-response-cache.ts). A cache that cannot answer is a miss, never an error.
 */
export interface ResponseCache<V> {
  readonly enabled: boolean;
  get(key: string): Promise<V | undefined>;
  set(key: string, value: V): Promise<void>;
  close(): Promise<void>;
}

/** The single-process cache: bounded, the oldest entry goes first. */
export class MemoryResponseCache<V> implements ResponseCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  async get(key: string): Promise<V | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  async set(key: string, value: V): Promise<void> {
    if (!this.enabled) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { value, expiresAt: this.now() + this.ttlMs });
  }

  async close(): Promise<void> {
    this.entries.clear();
  }
}
