import type { WebhookOutboxRow } from '#server/db/schema.js';
import type { WebhookMetrics } from '#server/integrations/webhook-metrics.js';
import type { AppJobDefinitions } from '#server/jobs/job-definitions.js';
import type { JobQueue } from '#server/jobs/job-types.js';
import type { Repositories } from '#server/repositories/index.js';

/** How many outbox entries one sweep query takes. */
const SWEEP_BATCH = 100;

/**
 * Turns outbox entries into `webhook.deliver` jobs. The job is queued with the delivery id as its
 * idempotency key before the entry is removed, so a relay that dies in between, or two processes
 * relaying the same entry, still queue one job: each delivery is sent once (a receiver that must be sure
 * dedupes on `X-MCC-Delivery`, which a retry of the same delivery repeats).
 */
export class WebhookOutboxRelay {
  constructor(
    private readonly deps: {
      repos: Repositories;
      queue: JobQueue<AppJobDefinitions>;
      metrics: WebhookMetrics;
      /** Test hook: runs after a commit, before its deliveries are relayed (the kill -9 test). */
      beforeRelay?: () => void;
    },
  ) {}

  /**
   * Relay the deliveries a transaction just committed. Never rejects: an entry that cannot be queued now
   * (the queue is down) stays in the outbox for the next sweep, and is counted.
   */
  relay(entries: readonly WebhookOutboxRow[]): Promise<number> {
    if (entries.length > 0) this.deps.beforeRelay?.();
    return this.queueAll(entries);
  }

  /**
   * Relay every entry left in the outbox (a crash between commit and relay, a queue that was down);
   * returns how many were queued. Runs at start-up and periodically (see `startJobRuntime`).
   */
  async sweep(): Promise<number> {
    let total = 0;
    for (;;) {
      const entries = await this.deps.repos.webhookDeliveries.outbox(SWEEP_BATCH);
      const queued = await this.queueAll(entries);
      total += queued;
      // A short batch is the end; a batch not fully queued means the queue is failing: try again later.
      if (entries.length < SWEEP_BATCH || queued < entries.length) return total;
    }
  }

  private async queueAll(entries: readonly WebhookOutboxRow[]): Promise<number> {
    let queued = 0;
    for (const entry of entries) {
      try {
        await this.deps.queue.enqueue({
          name: 'webhook.deliver',
          businessId: entry.business_id,
          payload: { delivery_id: entry.delivery_id },
          idempotencyKey: `webhook.deliver:${entry.delivery_id}`,
        });
        await this.deps.repos.webhookDeliveries.removeFromOutbox(entry.business_id, entry.delivery_id);
        queued += 1;
      } catch {
        this.deps.metrics.dispatchFailures.inc();
      }
    }
    return queued;
  }
}
