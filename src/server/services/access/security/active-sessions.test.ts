import { describe, expect, it } from 'vitest';
import type { RevocationListener, SessionRevocationFeed } from '#server/realtime/session-revocation-feed.js';
import { ActiveSessions } from './active-sessions.js';

/** A feed the test drives: what was announced, and a way to play another instance's announcement. */
function fakeFeed() {
  const announced: string[][] = [];
  let listener: RevocationListener | undefined;
  const feed: SessionRevocationFeed & { listening: boolean } = {
    listening: true,
    announce: async (ids) => {
      announced.push([...ids]);
    },
    listen: async (next) => {
      listener = next;
    },
    close: async () => {},
  };
  return { feed, announced, fromElsewhere: () => listener as RevocationListener };
}

/** A database whose answers the test sets, counting lookups; `hold` keeps the next one pending. */
function fakeLookup(initial: Record<string, boolean>) {
  const live = { ...initial };
  let lookups = 0;
  let held: ((value: boolean) => void) | undefined;
  let holdNext = false;
  return {
    live,
    get lookups() {
      return lookups;
    },
    hold() {
      holdNext = true;
    },
    release(value: boolean) {
      held?.(value);
    },
    lookup: (id: string) => {
      lookups += 1;
      if (!holdNext) return Promise.resolve(live[id] ?? false);
      holdNext = false;
      return new Promise<boolean>((resolve) => {
        held = resolve;
      });
    },
  };
}

describe('ActiveSessions', () => {
  const setup = (ttlMs = 5_000, options: { maxEntries?: number } = {}) => {
    let clock = 1_000_000;
    const db = fakeLookup({ s1: true, s2: true, s3: true });
    const { feed, announced, fromElsewhere } = fakeFeed();
    const sessions = new ActiveSessions({ lookup: db.lookup, feed, ttlMs, now: () => clock, ...options });
    return { sessions, db, feed, announced, fromElsewhere, advance: (ms: number) => (clock += ms) };
  };

  it('reuses an answer for the TTL, then asks again', async () => {
    const { sessions, db, advance } = setup();
    expect(await sessions.isActive('s1')).toBe(true);
    expect(await sessions.isActive('s1')).toBe(true);
    expect(db.lookups).toBe(1);
    advance(5_001);
    db.live.s1 = false;
    expect(await sessions.isActive('s1')).toBe(false);
    expect(db.lookups).toBe(2);
  });

  it('forgets a session revoked here at once, tells the listeners and announces it', async () => {
    const { sessions, db, announced } = setup();
    const heard: unknown[] = [];
    sessions.onEnded((ids) => heard.push(ids));
    expect(await sessions.isActive('s1')).toBe(true);
    db.live.s1 = false;
    sessions.revoke(['s1']);
    expect(await sessions.isActive('s1')).toBe(false);
    expect(heard).toEqual([['s1']]);
    expect(announced).toEqual([['s1']]);
  });

  it('forgets a session another instance revoked, and everything when announcements were missed', async () => {
    const { sessions, db, fromElsewhere } = setup();
    const heard: unknown[] = [];
    sessions.onEnded((ids) => heard.push(ids));
    await sessions.isActive('s1');
    await sessions.isActive('s2');
    db.live.s1 = false;
    fromElsewhere().revoked(['s1']);
    expect(await sessions.isActive('s1')).toBe(false);
    expect(await sessions.isActive('s2')).toBe(true);
    expect(db.lookups).toBe(3);
    db.live.s2 = false;
    fromElsewhere().missed();
    expect(await sessions.isActive('s2')).toBe(false);
    expect(heard).toEqual([['s1'], 'unknown']);
  });

  it('does not cache an answer read before a revocation that arrived meanwhile', async () => {
    const { sessions, db } = setup();
    db.hold();
    const racing = sessions.isActive('s1');
    db.live.s1 = false;
    sessions.revoke(['s1']);
    db.release(true);
    expect(await racing).toBe(true);
    expect(await sessions.isActive('s1')).toBe(false);
  });

  it('shares one lookup between concurrent checks of a session', async () => {
    const { sessions, db } = setup();
    db.hold();
    const checks = [sessions.isActive('s1'), sessions.isActive('s1'), sessions.isActive('s1')];
    db.release(true);
    expect(await Promise.all(checks)).toEqual([true, true, true]);
    expect(db.lookups).toBe(1);
  });

  it('caches nothing while revocations cannot arrive, or with a TTL of 0', async () => {
    const deaf = setup();
    deaf.feed.listening = false;
    await deaf.sessions.isActive('s1');
    await deaf.sessions.isActive('s1');
    expect(deaf.db.lookups).toBe(2);
    const uncached = setup(0);
    await uncached.sessions.isActive('s1');
    await uncached.sessions.isActive('s1');
    expect(uncached.db.lookups).toBe(2);
  });

  it('keeps at most maxEntries answers, dropping the oldest', async () => {
    const { sessions, db } = setup(5_000, { maxEntries: 2 });
    for (const id of ['s1', 's2', 's3']) await sessions.isActive(id);
    await sessions.isActive('s3');
    await sessions.isActive('s2');
    expect(db.lookups).toBe(3);
    await sessions.isActive('s1');
    expect(db.lookups).toBe(4);
  });
});
