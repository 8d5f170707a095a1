import { describe, expect, it } from 'vitest';
import { Limiter } from './limiter.js';

describe('Limiter', () => {
  it('runs at most its slots at once, in arrival order, and passes failures through', async () => {
    const limiter = new Limiter(2);
    let active = 0;
    let peak = 0;
    const started: number[] = [];
    const releases: Array<() => void> = [];
    const task = (n: number) =>
      limiter.run(async () => {
        started.push(n);
        active += 1;
        peak = Math.max(peak, active);
        await new Promise<void>((resolve) => releases.push(resolve));
        active -= 1;
        if (n === 3) throw new Error('task 3 failed');
        return n;
      });
    const results = [1, 2, 3, 4, 5].map((n) => task(n).catch((error: Error) => error.message));
    await Promise.resolve();
    expect(started).toEqual([1, 2]);
    while (started.length < 5 || releases.length > 0) {
      const release = releases.shift();
      if (release) release();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await Promise.all(results)).toEqual([1, 2, 'task 3 failed', 4, 5]);
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
  });
});
