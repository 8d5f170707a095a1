import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLoginThrottle } from './login-throttle.js';

describe('LoginThrottle (in memory)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-01-05T10:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const throttle = () =>
    createLoginThrottle({ url: undefined, prefix: 'mcc' }, { freeAttempts: 3, maxDelaySeconds: 60 });

  it('lets the first failures through, then doubles the wait', async () => {
    const t = throttle();
    for (let i = 0; i < 3; i++) {
      expect(await t.retryAfterSeconds('k')).toBe(0);
      await t.recordFailure('k');
    }
    expect(await t.retryAfterSeconds('k')).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(await t.retryAfterSeconds('k')).toBe(0);
    await t.recordFailure('k');
    expect(await t.retryAfterSeconds('k')).toBe(2);
    for (let i = 0; i < 20; i++) await t.recordFailure('k');
    expect(await t.retryAfterSeconds('k')).toBe(60);
    expect(await t.retryAfterSeconds('other')).toBe(0);
  });

  it('forgets failures after a success', async () => {
    const t = throttle();
    for (let i = 0; i < 4; i++) await t.recordFailure('k');
    expect(await t.retryAfterSeconds('k')).toBeGreaterThan(0);
    await t.recordSuccess('k');
    expect(await t.retryAfterSeconds('k')).toBe(0);
    await t.recordFailure('k');
    expect(await t.retryAfterSeconds('k')).toBe(0);
  });

  it('forgets failures a day after the first', async () => {
    const t = throttle();
    for (let i = 0; i < 3; i++) await t.recordFailure('k');
    vi.advanceTimersByTime(86_400_000);
    expect(await t.retryAfterSeconds('k')).toBe(0);
    await t.recordFailure('k');
    expect(await t.retryAfterSeconds('k')).toBe(0);
  });
});
