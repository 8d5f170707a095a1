import { newId } from '#server/db/ids.js';
import type { WebhookDeliveryRow } from '#server/db/schema.js';
import type { OutboundGuard } from '#server/integrations/outbound-guard.js';
import { type DeliveryOutcome, deliverSigned } from '#server/integrations/signed-delivery.js';
import type { WebhookAttemptOutcome, WebhookMetrics } from '#server/integrations/webhook-metrics.js';
import { backoffDelay } from '#server/jobs/backoff.js';
import { WEBHOOK_MAX_ATTEMPTS } from '#server/jobs/job-definitions.js';
import type { JobContext } from '#server/jobs/job-types.js';
import { UnrecoverableJobError } from '#server/jobs/run-job.js';
import type { Repositories } from '#server/repositories/index.js';
import { failureReason } from '#shared/failure-reasons.js';
import type { WebhookDeliveryStatus } from '#shared/webhook.schema.js';
import type { SecretBox } from '../access/security/secret-box.js';

/** How long one attempt may take, redirects included. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/** How long the delivery log keeps a delivery (housekeeping deletes older ones). */
export const WEBHOOK_DELIVERY_RETENTION_DAYS = 30;

/** What the `webhook.deliver` job returns (its result in `GET /api/jobs/{id}`). */
export interface WebhookSendResult {
  delivery_id: string;
  status: WebhookDeliveryStatus | 'skipped';
  status_code?: number | null;
}

/**
 * Sends one stored delivery: the handler of the `webhook.deliver` job. Every attempt is logged on the
 * delivery (status, attempts, status code, duration, error) and in its attempt log. A retryable failure
 * throws so the queue tries again after its backoff; a 4xx or a refused address ends the job at once.
 */
export class WebhookSender {
  constructor(
    private readonly deps: {
      repos: Repositories;
      secretBox: SecretBox;
      guard: OutboundGuard;
      metrics: WebhookMetrics;
      now: () => Date;
      timeoutMs?: number;
      /** Test seam: see `SignedDeliveryOptions.fetch`. */
      fetch?: typeof fetch;
    },
  ) {}

  async deliver(payload: { delivery_id: string }, context: JobContext<string>): Promise<WebhookSendResult> {
    const { repos } = this.deps;
    const businessId = context.businessId;
    const delivery = await repos.webhookDeliveries.find(businessId, payload.delivery_id);
    // Gone with its webhook (deleted), or already delivered by an attempt whose job did not get to finish.
    if (!delivery || delivery.status === 'succeeded') {
      return { delivery_id: payload.delivery_id, status: 'skipped' };
    }
    const webhook = await repos.webhooks.findForDelivery(businessId, delivery.webhook_id);
    if (!webhook) return { delivery_id: delivery.id, status: 'skipped' };
    if (!webhook.enabled && delivery.event_type !== 'webhook.test') {
      await this.record(delivery, context, refused(failureReason('webhookDisabled', {})), 'failed');
      return { delivery_id: delivery.id, status: 'failed' };
    }
    let secret: string;
    try {
      secret = this.deps.secretBox.open(webhook.secret_encrypted);
    } catch {
      // Sealed under another SECRET_KEY: no retry can help until someone rotates the webhook's secret.
      const message = failureReason('secretUnreadable', {});
      await this.record(delivery, context, refused(message), 'failed');
      throw new UnrecoverableJobError(message);
    }

    const outcome = await deliverSigned({
      url: webhook.url,
      secret,
      body: delivery.payload,
      headers: {
        'X-MCC-Event': delivery.event_type,
        'X-MCC-Event-Id': delivery.event_id,
        'X-MCC-Delivery': delivery.id,
      },
      timeoutMs: this.deps.timeoutMs ?? WEBHOOK_TIMEOUT_MS,
      now: this.deps.now,
      guard: this.deps.guard,
      fetch: this.deps.fetch,
    });
    const willRetry = outcome.failure?.kind === 'retryable' && context.attempt < WEBHOOK_MAX_ATTEMPTS;
    const status: WebhookDeliveryStatus = outcome.ok ? 'succeeded' : willRetry ? 'retrying' : 'failed';
    await this.record(delivery, context, outcome, status);

    if (outcome.ok) return { delivery_id: delivery.id, status, status_code: outcome.statusCode };
    const message = outcome.failure?.message ?? failureReason('deliveryFailed', {});
    if (outcome.failure?.kind === 'retryable') throw new Error(message);
    throw new UnrecoverableJobError(message);
  }

  /** Delete deliveries older than WEBHOOK_DELIVERY_RETENTION_DAYS in every workspace; returns how many. */
  purgeDeliveries(now: Date): Promise<number> {
    const cutoff = now.getTime() - WEBHOOK_DELIVERY_RETENTION_DAYS * 86_400_000;
    return this.deps.repos.webhookDeliveries.purgeBefore(firstIdAt(cutoff));
  }

  private async record(
    delivery: WebhookDeliveryRow,
    context: JobContext<string>,
    outcome: DeliveryOutcome,
    status: WebhookDeliveryStatus,
  ): Promise<void> {
    const now = this.deps.now();
    const at = now.toISOString();
    const attempt = delivery.attempts + 1;
    const label: WebhookAttemptOutcome = outcome.ok ? 'succeeded' : (outcome.failure?.kind ?? 'retryable');
    const error = outcome.failure?.message.slice(0, 1000) ?? null;
    await this.deps.repos.transaction(async (trx) => {
      await trx.webhookDeliveries.insertAttempt({
        id: newId(),
        business_id: delivery.business_id,
        delivery_id: delivery.id,
        attempt,
        outcome: label,
        status_code: outcome.statusCode,
        error,
        duration_ms: outcome.durationMs,
        created_at: at,
      });
      await trx.webhookDeliveries.update(delivery.business_id, delivery.id, {
        status,
        attempts: attempt,
        last_status_code: outcome.statusCode,
        last_error: error,
        last_duration_ms: outcome.durationMs,
        response_headers: outcome.responseHeaders ? JSON.stringify(outcome.responseHeaders) : null,
        // An estimate for people: the queue owns the schedule (the same exponential backoff).
        next_attempt_at:
          status === 'retrying'
            ? new Date(now.getTime() + backoffDelay(context.attempt)).toISOString()
            : null,
        updated_at: at,
        delivered_at: outcome.ok ? at : null,
      });
    });
    this.deps.metrics.deliveries.inc({ outcome: label });
    this.deps.metrics.duration.observe({ outcome: label }, outcome.durationMs / 1000);
  }
}

/** An attempt that never left: nothing was sent, and trying again will not change that. */
function refused(message: string): DeliveryOutcome {
  return {
    ok: false,
    statusCode: null,
    durationMs: 0,
    responseHeaders: null,
    responseBody: null,
    failure: { kind: 'rejected', message },
  };
}

/** The smallest UUIDv7 of millisecond `ms`: every id made at or after `ms` sorts above it. */
function firstIdAt(ms: number): string {
  const hex = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-000000000000`;
}
