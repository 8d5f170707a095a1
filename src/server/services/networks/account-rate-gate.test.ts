import { describe, expect, it } from 'vitest';
import { AccountRateGate } from './account-rate-gate.js';

type Answer = { ok: boolean; retryAt: Date | null };
const limitedUntil = (answer: Answer) => (answer.ok ? null : answer.retryAt);

/** A call that finishes when the test says, and records that it started. */
function pending(log: string[], name: string, answer: Answer) {
  let finish = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return {
    call: async () => {
      log.push(`start ${name}`);
      await done;
      log.push(`end ${name}`);
      return answer;
    },
    finish: () => finish(),
  };
}

describe('AccountRateGate', () => {
  it('runs one call per account at a time, and accounts side by side', async () => {
    const gate = new AccountRateGate();
    const log: string[] = [];
    const a1 = pending(log, 'a1', { ok: true, retryAt: null });
    const a2 = pending(log, 'a2', { ok: true, retryAt: null });
    const b1 = pending(log, 'b1', { ok: true, retryAt: null });
    const runs = [
      gate.run('a', a1.call, limitedUntil),
      gate.run('a', a2.call, limitedUntil),
      gate.run('b', b1.call, limitedUntil),
    ];
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(['start a1', 'start b1']);
    a1.finish();
    await runs[0];
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toContain('start a2');
    a2.finish();
    b1.finish();
    expect((await Promise.all(runs)).every((outcome) => outcome.ran)).toBe(true);
  });

  it('sends nothing for an account between a rate limit and the reset it named, then sends again', async () => {
    let now = Date.parse('2031-03-03T10:00:00.000Z');
    const gate = new AccountRateGate(() => new Date(now));
    const reset = new Date(now + 30_000);
    let calls = 0;
    const limited = async (): Promise<Answer> => {
      calls += 1;
      return { ok: false, retryAt: reset };
    };
    const fine = async (): Promise<Answer> => {
      calls += 1;
      return { ok: true, retryAt: null };
    };

    expect(await gate.run('a', limited, limitedUntil)).toEqual({
      ran: true,
      value: { ok: false, retryAt: reset },
    });
    expect(await gate.run('a', fine, limitedUntil)).toEqual({ ran: false, until: reset });
    // Another account is not held.
    expect((await gate.run('b', fine, limitedUntil)).ran).toBe(true);
    expect(calls).toBe(2);

    now = reset.getTime() - 1;
    expect((await gate.run('a', fine, limitedUntil)).ran).toBe(false);
    now = reset.getTime();
    expect((await gate.run('a', fine, limitedUntil)).ran).toBe(true);
    expect(calls).toBe(3);
  });

  it('lets the next call through when one throws, and a reset already past holds nothing', async () => {
    const now = Date.parse('2031-03-03T10:00:00.000Z');
    const gate = new AccountRateGate(() => new Date(now));
    await expect(
      gate.run('a', async () => Promise.reject(new Error('database away')), limitedUntil),
    ).rejects.toThrow('database away');
    const past = { ok: false, retryAt: new Date(now - 1) };
    expect((await gate.run('a', async () => past, limitedUntil)).ran).toBe(true);
    expect((await gate.run('a', async () => past, limitedUntil)).ran).toBe(true);
  });
});
