import { describe, expect, it } from 'vitest';
import { inOwnTurn } from './turn-queue.js';

describe('inOwnTurn', () => {
  it('runs pieces in order, each after a turn of the event loop, and passes errors to their caller', async () => {
    const order: string[] = [];
    const immediate = new Promise<void>((resolve) =>
      setImmediate(() => {
        order.push('other work');
        resolve();
      }),
    );
    const first = inOwnTurn(() => {
      order.push('first');
      return 1;
    });
    const failing = inOwnTurn(() => {
      throw new Error('bad answer');
    });
    const second = inOwnTurn(() => {
      order.push('second');
      return 2;
    });
    await immediate;
    expect(await first).toBe(1);
    await expect(failing).rejects.toThrow('bad answer');
    expect(await second).toBe(2);
    expect(order).toEqual(['other work', 'first', 'second']);
  });
});
