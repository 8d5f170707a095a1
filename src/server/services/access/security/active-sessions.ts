import type { SessionRevocationFeed } from '#server/realtime/session-revocation-feed.js';

export interface ActiveSessionsOptions {
  /** Whether the session is still signed in, asked of the database on a cache miss. */
  lookup(sessionId: string): Promise<boolean>;
  /** Carries revocations to the other instances and theirs to this one. */
  feed: SessionRevocationFeed;
  /** How long an answer is reused; 0 asks the database on every request. */
  ttlMs: number;
  /** Bound on cached sessions; the oldest answer is dropped first. */
  maxEntries?: number;
  now?: () => number;
  onError?: (error: unknown) => void;
}

/** Told when sessions end, here or on another instance (the WebSocket gateway closes their sockets). */
export type SessionsEndedListener = (sessionIds: readonly string[] | 'unknown') => void;

interface Cached {
  active: boolean;
  until: number;
}

/**
 * Whether an access token's session is still signed in, checked on every request. Answers are cached
 * for `ttlMs` and dropped as soon as this or another instance revokes the session; the TTL only matters
 * when an announcement is lost, and while the feed is not listening nothing is cached at all.
 */
export class ActiveSessions {
  private readonly cache = new Map<string, Cached>();
  private readonly inFlight = new Map<string, Promise<boolean>>();
  private readonly listeners = new Set<SessionsEndedListener>();
  /** Bumped on every revocation, so a lookup that raced one is not cached. */
  private generation = 0;
  private listening: Promise<void> | undefined;
  private readonly maxEntries: number;
  private readonly now: () => number;
  private readonly onError: (error: unknown) => void;

  constructor(private readonly options: ActiveSessionsOptions) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
    this.onError = options.onError ?? (() => {});
  }

  /** Whether `sessionId` is still signed in. */
  isActive(sessionId: string): Promise<boolean> {
    const cached = this.cache.get(sessionId);
    if (cached && cached.until > this.now()) return Promise.resolve(cached.active);
    void this.listen();
    const pending = this.inFlight.get(sessionId);
    if (pending) return pending;
    const lookup = this.load(sessionId);
    this.inFlight.set(sessionId, lookup);
    return lookup;
  }

  /**
   * Sessions ended on this instance (after the change committed): forget them here at once, tell this
   * instance's listeners, and announce it to the others. Never throws: an announcement that cannot be
   * sent leaves the other instances to their cache TTL.
   */
  revoke(sessionIds: readonly string[]): void {
    if (sessionIds.length === 0) return;
    this.forget(sessionIds);
    this.options.feed.announce(sessionIds).catch(this.onError);
  }

  /** Hear about ended sessions; returns how to stop. */
  onEnded(listener: SessionsEndedListener): () => void {
    void this.listen();
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once revocations from other instances arrive (connecting to Redis if need be). */
  whenListening(): Promise<void> {
    return this.listen();
  }

  close(): Promise<void> {
    return this.options.feed.close();
  }

  private async load(sessionId: string): Promise<boolean> {
    const generation = this.generation;
    try {
      const active = await this.options.lookup(sessionId);
      if (generation === this.generation && this.options.ttlMs > 0 && this.options.feed.listening) {
        this.remember(sessionId, active);
      }
      return active;
    } finally {
      if (generation === this.generation) this.inFlight.delete(sessionId);
    }
  }

  private remember(sessionId: string, active: boolean): void {
    this.cache.delete(sessionId);
    if (this.cache.size >= this.maxEntries) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(sessionId, { active, until: this.now() + this.options.ttlMs });
  }

  private forget(sessionIds: readonly string[] | 'unknown'): void {
    this.generation += 1;
    // A lookup already running may have read the row before the revocation committed.
    this.inFlight.clear();
    if (sessionIds === 'unknown') this.cache.clear();
    else for (const id of sessionIds) this.cache.delete(id);
    for (const listener of this.listeners) {
      try {
        listener(sessionIds);
      } catch (error) {
        this.onError(error);
      }
    }
  }

  private listen(): Promise<void> {
    this.listening ??= this.options.feed.listen({
      revoked: (ids) => this.forget(ids),
      missed: () => this.forget('unknown'),
    });
    return this.listening;
  }
}
