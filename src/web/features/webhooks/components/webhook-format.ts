import type { TFunction } from 'i18next';
import type { WebhookDeliveryEventType, WebhookDeliveryStatus } from '#shared/webhook.schema.js';

/** "Content published", and "Test" for the test event, in the reader's language. */
export function eventLabel(type: WebhookDeliveryEventType, t: TFunction<'webhooks'>): string {
  return type === 'webhook.test' ? t('events.test') : t(`events.${type}.label`);
}

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
export function describeStatusCode(code: number | null, attempts: number, t: TFunction<'webhooks'>): string {
  if (code !== null) return String(code);
  return attempts === 0 ? t('statusCode.notSent') : t('statusCode.noAnswer');
}
