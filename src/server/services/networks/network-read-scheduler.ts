import type { AppJobDefinitions } from '#server/jobs/job-definitions.js';
import type { JobQueue } from '#server/jobs/job-types.js';
import type { Repositories } from '#server/repositories/index.js';
import { readsBack } from '#shared/network.schema.js';

/** How often each connected account's results and mentions are read. */
export const NETWORK_READ_EVERY_MS = 3_600_000;

/** The hour a reading belongs to: the start of the hour `now` is in (UTC). */
export function readingSlot(now: Date): Date {
  return new Date(Math.floor(now.getTime() / NETWORK_READ_EVERY_MS) * NETWORK_READ_EVERY_MS);
}

/**
 * Queues one `networks.read_account` job per connected account for the current hour. The hour and the
 * account are the job's idempotency key, so a repeated or doubled run queues nothing more; an account
 * that needs reconnecting gets no job until it is reconnected, and one on a publish-only network (a
 * webhook, a Telegram bot) none at all: there is nothing to read.
 *
 * @example
 * await scheduler.queueReadings(); // { accounts: 3 }
 */
export class NetworkReadScheduler {
  constructor(
    private readonly deps: {
      repos: Repositories;
      queue: JobQueue<AppJobDefinitions>;
      now: () => Date;
    },
  ) {}

  async queueReadings(): Promise<{ accounts: number }> {
    const slot = readingSlot(this.deps.now()).toISOString();
    const accounts = (await this.deps.repos.networkAccounts.listConnectedEverywhere()).filter((account) =>
      readsBack(account.network),
    );
    for (const account of accounts) {
      await this.deps.queue.enqueue({
        name: 'networks.read_account',
        businessId: account.business_id,
        payload: { account_id: account.id, slot },
        idempotencyKey: `network_read:${account.id}@${slot}`,
      });
    }
    return { accounts: accounts.length };
  }
}
