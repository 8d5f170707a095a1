import { Counter, type Registry } from 'prom-client';

/** The connector label of attempts that found no connector to publish through. */
export const NO_CONNECTOR_LABEL = 'none';

/** How publications go, for dashboards and alerts (a rising `failed` means items are not going out). */
export interface PublishMetrics {
  /** `connector`: the kind (webhook) or `none`; `outcome`: succeeded, retrying, failed, or skipped. */
  attempts: Counter<'connector' | 'outcome'>;
}

/**
 * Register the publishing metrics on the app's registry.
 *
 * @example
 * createPublishMetrics(registry).attempts.inc({ connector: 'webhook', outcome: 'succeeded' });
 */
export function createPublishMetrics(registry: Registry): PublishMetrics {
  return {
    attempts: new Counter({
      name: 'mcc_publish_attempts_total',
      help: 'Publish attempts by connector kind and outcome (succeeded, retrying, failed; skipped: the item had moved on)',
      labelNames: ['connector', 'outcome'],
      registers: [registry],
    }),
  };
}
