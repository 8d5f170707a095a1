import { Counter, Histogram, type Registry } from 'prom-client';
import { METRIC_PREFIX } from '../observability/metrics.js';

/** How one delivery attempt ended: 2xx, or the kind of failure. */
export type WebhookAttemptOutcome = 'succeeded' | 'retryable' | 'rejected' | 'blocked';

/** What the webhook sender and dispatcher record. */
export interface WebhookMetrics {
  deliveries: Counter<'outcome'>;
  duration: Histogram<'outcome'>;
  /** Deliveries that could not be stored, or whose job could not be queued yet (the outbox sweep retries). */
  dispatchFailures: Counter;
}

/**
 * Register the webhook metrics on the app's registry: `mcc_webhook_deliveries_total{outcome}` and
 * `mcc_webhook_delivery_duration_seconds{outcome}` per attempt, and `mcc_webhook_dispatch_failures_total`.
 *
 * @example
 * const metrics = createWebhookMetrics(registry);
 * metrics.deliveries.inc({ outcome: 'succeeded' });
 */
export function createWebhookMetrics(registry: Registry): WebhookMetrics {
  const registers = [registry];
  return {
    deliveries: new Counter({
      name: `${METRIC_PREFIX}webhook_deliveries_total`,
      help: 'Webhook delivery attempts by outcome (succeeded, retryable, rejected, blocked)',
      labelNames: ['outcome'],
      registers,
    }),
    duration: new Histogram({
      name: `${METRIC_PREFIX}webhook_delivery_duration_seconds`,
      help: 'Webhook delivery attempt duration by outcome, redirects included',
      labelNames: ['outcome'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    dispatchFailures: new Counter({
      name: `${METRIC_PREFIX}webhook_dispatch_failures_total`,
      help: 'Webhook deliveries that could not be stored, or whose send job could not be queued yet (the outbox sweep retries those)',
      registers,
    }),
  };
}
