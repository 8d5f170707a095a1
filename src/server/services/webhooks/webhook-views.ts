import type { WebhookDeliveryAttemptRow, WebhookDeliveryRow } from '#server/db/schema.js';
import type { WebhookView } from '#server/repositories/webhook.repository.js';
import type {
  Webhook,
  WebhookDelivery,
  WebhookDeliveryDetail,
  WebhookEventPayload,
  WebhookEventType,
} from '#shared/webhook.schema.js';

/** A webhook row as the API shows it (never its secret). */
export function toWebhook(row: WebhookView): Webhook {
  return {
    id: row.id,
    business_id: row.business_id,
    url: row.url,
    description: row.description,
    events: JSON.parse(row.events) as WebhookEventType[],
    enabled: row.enabled === 1,
    created_by: row.created_by,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** A delivery for the log: what happened, without the body that was sent. */
export function toDelivery(row: WebhookDeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    webhook_id: row.webhook_id,
    event_type: row.event_type,
    event_id: row.event_id,
    status: row.status,
    attempts: row.attempts,
    last_status_code: row.last_status_code,
    last_error: row.last_error,
    last_duration_ms: row.last_duration_ms,
    response_headers: row.response_headers
      ? (JSON.parse(row.response_headers) as Record<string, string>)
      : null,
    next_attempt_at: row.next_attempt_at,
    created_at: row.created_at,
    updated_at: row.updated_at,
    delivered_at: row.delivered_at,
  };
}

/** One delivery with the body that was signed and every attempt. */
export function toDeliveryDetail(
  row: WebhookDeliveryRow,
  attempts: WebhookDeliveryAttemptRow[],
): WebhookDeliveryDetail {
  return {
    ...toDelivery(row),
    payload: JSON.parse(row.payload) as WebhookEventPayload,
    attempt_log: attempts.map((attempt) => ({
      attempt: attempt.attempt,
      outcome: attempt.outcome,
      status_code: attempt.status_code,
      error: attempt.error,
      duration_ms: attempt.duration_ms,
      created_at: attempt.created_at,
    })),
  };
}
