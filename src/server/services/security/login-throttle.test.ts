import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle.js';

describe('LoginThrottle', () => {
  it('lets the first failures through, then doubles the wait', () => {
    let now = 0;
    const throttle = new LoginThrottle(() => now, 3, 60);
    for (let i = 0; i < 3; i++) {
      expect(throttle.retryAfterSeconds('k')).toBe(0);
      throttle.recordFailure('k');
    }
    expect(throttle.retryAfterSeconds('k')).toBe(1);
    now += 1000;
    expect(throttle.retryAfterSeconds('k')).toBe(0);
    throttle.recordFailure('k');
    expect(throttle.retryAfterSeconds('k')).toBe(2);
    for (let i = 0; i < 20; i++) throttle.recordFailure('k');
    expect(throttle.retryAfterSeconds('k')).toBe(60);
    expect(throttle.retryAfterSeconds('other')).toBe(0);
  });

  it('forgets failures after a success', () => {
    const throttle = new LoginThrottle(() => 0, 1, 60);
    throttle.recordFailure('k');
    throttle.recordFailure('k');
    throttle.recordSuccess('k');
    expect(throttle.retryAfterSeconds('k')).toBe(0);
  });
});
