import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { AccountRateGate } from '#server/services/networks/account-rate-gate.js';
import { createRateHolds, type RateHolds } from '#server/services/networks/rate-holds.js';
import { deleteRedisPrefix, redisSkipReason, TEST_REDIS_URL, testRedisPrefix } from '../support/redis.js';

type Answer = { ok: boolean; retryAt: Date | null };
const limitedUntil = (answer: Answer) => (answer.ok ? null : answer.retryAt);

/** A port nothing listens on: Redis "away". */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe.skipIf(Boolean(redisSkipReason))('network rate-limit holds on Redis', () => {
  const prefix = testRedisPrefix();
  const opened: RateHolds[] = [];
  let clock = Date.parse('2027-05-01T10:00:00Z');
  const now = () => new Date(clock);
  const holds = () => {
    const made = createRateHolds({ url: TEST_REDIS_URL, prefix }, now);
    opened.push(made);
    return made;
  };
  afterAll(async () => {
    await Promise.all(opened.map((made) => made.close()));
    await deleteRedisPrefix(prefix);
  });

  it('stops every process on an account at the first 429 any of them gets, until its reset', async () => {
    // Two gates, two Redis connections: two processes publishing for the same account.
    const first = new AccountRateGate(now, holds());
    const second = new AccountRateGate(now, holds());
    const reset = new Date(clock + 60_000);
    let calls = 0;
    const limited = await first.run(
      'account-1',
      async () => {
        calls += 1;
        return { ok: false, retryAt: reset };
      },
      limitedUntil,
    );
    expect(limited).toMatchObject({ ran: true });

    const call = async () => {
      calls += 1;
      return { ok: true, retryAt: null };
    };
    expect(await second.run('account-1', call, limitedUntil)).toEqual({ ran: false, until: reset });
    expect(await second.run('account-2', call, limitedUntil)).toMatchObject({ ran: true });
    expect(calls).toBe(2);

    clock = reset.getTime();
    expect(await second.run('account-1', call, limitedUntil)).toMatchObject({ ran: true });
  });

  it('keeps the later of two holds', async () => {
    const shared = holds();
    const later = clock + 120_000;
    await shared.hold('account-3', later);
    await holds().hold('account-3', clock + 30_000);
    expect(await holds().until('account-3')).toBe(later);
  });

  it('holds this process while Redis is unreachable', async () => {
    const away = createRateHolds({ url: `redis://127.0.0.1:${await closedPort()}`, prefix }, now);
    opened.push(away);
    const gate = new AccountRateGate(now, away);
    const reset = new Date(clock + 60_000);
    await gate.run('account-4', async () => ({ ok: false, retryAt: reset }), limitedUntil);
    const outcome = await gate.run('account-4', async () => ({ ok: true, retryAt: null }), limitedUntil);
    expect(outcome).toEqual({ ran: false, until: reset });
  });
});
