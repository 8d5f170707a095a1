import { describe, expect, it } from 'vitest';
import { CAPPED_BACKOFF } from './bullmq-record.js';
import { cappedBackoffStrategy } from './bullmq-worker.js';

describe('cappedBackoffStrategy', () => {
  it('doubles from the base and stops at the cap, like the embedded queue', () => {
    const strategy = cappedBackoffStrategy({ baseMs: 10_000, maxMs: 3_600_000 });
    expect([1, 2, 3, 9, 10, 20].map((attempt) => strategy(attempt, CAPPED_BACKOFF))).toEqual([
      10_000, 20_000, 40_000, 2_560_000, 3_600_000, 3_600_000,
    ]);
  });

  it('refuses a backoff type it does not know', () => {
    expect(() => cappedBackoffStrategy({ baseMs: 1, maxMs: 2 })(1, 'fixed')).toThrow(/Unknown backoff type/);
  });
});
