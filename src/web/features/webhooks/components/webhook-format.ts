import type {
  WebhookDeliveryEventType,
  WebhookDeliveryStatus,
  WebhookEventType,
} from '#shared/webhook.schema.js';

/** Each subscribable event in words, with when it is sent. */
export const EVENT_OPTIONS: Record<WebhookEventType, { label: string; hint: string }> = {
  'content.published': { label: 'Content published', hint: 'A scheduled item went out.' },
  'content.failed': { label: 'Publishing failed', hint: 'A scheduled item could not be published.' },
  'content.changed': { label: 'Content changed', hint: 'Items created, edited, moved or deleted.' },
  'message.received': { label: 'Message received', hint: 'A customer message arrived in the inbox.' },
  'job.completed': { label: 'Job completed', hint: 'Background work such as an AI calendar finished.' },
  'job.failed': { label: 'Job failed', hint: 'An attempt of background work failed.' },
};

/** "Content published", and "Test" for the test event. */
export function eventLabel(type: WebhookDeliveryEventType): string {
  return type === 'webhook.test' ? 'Test' : EVENT_OPTIONS[type].label;
}

export const DELIVERY_STATUS_LABELS: Record<WebhookDeliveryStatus, string> = {
  pending: 'Pending',
  retrying: 'Retrying',
  succeeded: 'Delivered',
  failed: 'Failed',
};

export const DELIVERY_STATUS_TONES = {
  pending: 'neutral',
  retrying: 'warning',
  succeeded: 'success',
  failed: 'danger',
} as const satisfies Record<WebhookDeliveryStatus, string>;

/** 87 → "87 ms", 2350 → "2.4 s"; null (not tried yet) → "—". */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** The status code a receiver answered, or why there was none. */
export function describeStatusCode(code: number | null, attempts: number): string {
  if (code !== null) return String(code);
  return attempts === 0 ? 'Not sent yet' : 'No answer';
}
