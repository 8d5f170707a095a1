import type { TFunction } from 'i18next';
import type { WebhookDeliveryEventType, WebhookDeliveryStatus } from '#shared/webhook.schema.js';
import { formatDuration } from '#web/lib/workspace-format.js';

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

/** How long an attempt took (workspace-format.ts); null (not tried yet) → "—". */
export function attemptDuration(ms: number | null): string {
  return ms === null ? '—' : formatDuration(ms);
}

/** The status code a receiver answered, or why there was none. */
export function describeStatusCode(code: number | null, attempts: number, t: TFunction<'webhooks'>): string {
  if (code !== null) return String(code);
  return attempts === 0 ? t('statusCode.notSent') : t('statusCode.noAnswer');
}
