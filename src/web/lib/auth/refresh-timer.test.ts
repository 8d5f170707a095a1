import { describe, expect, it } from 'vitest';
import { refreshDelayMs } from './refresh-timer.js';

describe('refreshDelayMs', () => {
  it('refreshes a minute before a 15-minute token expires', () => {
    expect(refreshDelayMs(900_000, 0)).toBe(840_000);
  });

  it('refreshes halfway through very short lifetimes, and at once when already late', () => {
    expect(refreshDelayMs(60_000, 0)).toBe(30_000);
    expect(refreshDelayMs(1000, 5000)).toBe(0);
  });
});
