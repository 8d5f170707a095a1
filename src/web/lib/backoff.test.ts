import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from './backoff.js';

describe('backoffDelayMs', () => {
  it('doubles from one second up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5].map((attempt) => backoffDelayMs(attempt))).toEqual([
      1000, 2000, 4000, 8000, 15_000, 15_000,
    ]);
  });
});
