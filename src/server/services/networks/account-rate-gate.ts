import { MemoryRateHolds, type RateHolds } from './rate-holds.js';

/** What a call through the gate came to: its own result, or no call because the account is held. */
export type GateOutcome<T> = { ran: true; value: T } | { ran: false; until: Date };

/**
 * Keeps calls to one network account in line with the account's rate limit. This process's calls for
 * an account go one at a time, so each sees the answer to the one before it; once a call comes back
 * rate-limited with a time to return, no further call for that account is made before that time — the
 * queued ones are handed back (`ran: false`) to wait in the job queue instead of each spending a request
 * on another 429. Accounts do not wait for each other. The hold is kept in `holds`: on Redis, every
 * process and worker sees it (rate-holds.ts).
 *
 * @example
 * const outcome = await gate.run(account.id, () => provider.publish(session, post), (r) => r.ok ? null : r.failure.retryAt);
 */
export class AccountRateGate {
  private readonly tails = new Map<string, Promise<unknown>>();

  constructor(
    private readonly now: () => Date = () => new Date(),
    private readonly holds: RateHolds = new MemoryRateHolds(now),
  ) {}

  /**
   * Run `call` for `accountId` after the account's earlier calls, unless a rate limit holds the account.
   * `limitedUntil` reads a result: the time the network said to come back after a rate limit, or null.
   */
  async run<T>(
    accountId: string,
    call: () => Promise<T>,
    limitedUntil: (result: T) => Date | null,
  ): Promise<GateOutcome<T>> {
    const before = this.tails.get(accountId) ?? Promise.resolve();
    const turn = before.then(() => this.take(accountId, call, limitedUntil));
    const tail = turn.catch(() => undefined);
    this.tails.set(accountId, tail);
    try {
      return await turn;
    } finally {
      // The last in line clears the way, so an idle account keeps no entry.
      if (this.tails.get(accountId) === tail) this.tails.delete(accountId);
    }
  }

  private async take<T>(
    accountId: string,
    call: () => Promise<T>,
    limitedUntil: (result: T) => Date | null,
  ): Promise<GateOutcome<T>> {
    const held = await this.holds.until(accountId);
    if (held !== undefined) return { ran: false, until: new Date(held) };
    const value = await call();
    const until = limitedUntil(value);
    if (until && until.getTime() > this.now().getTime()) await this.holds.hold(accountId, until.getTime());
    return { ran: true, value };
  }
}
