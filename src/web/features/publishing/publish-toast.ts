import type { TFunction } from 'i18next';
import type { LiveEvent } from '#shared/events.schema.js';
import { sentence } from './components/publishing-format.js';

/** A toast to show for a publishing event, and the item it is about. */
export interface PublishToast {
  message: string;
  tone: 'success' | 'danger';
  itemId: string;
}

/**
 * The toast a publishing event deserves, in the reader's language: every item that went out, and every
 * item that will not (with the reason), because a scheduled post must never fail silently.
 *
 * @example
 * publishToast({ type: 'content.published', data: { content_item_id: 'c1', … }, … }, t);
 * // { message: 'Content published.', tone: 'success', itemId: 'c1' }
 */
export function publishToast(event: LiveEvent, t: TFunction<'publishing'>): PublishToast | undefined {
  if (event.type === 'content.published') {
    return { message: t('toast.published'), tone: 'success', itemId: event.data.content_item_id };
  }
  if (event.type === 'content.failed') {
    return {
      message: t('toast.failed', { reason: sentence(event.data.reason) }),
      tone: 'danger',
      itemId: event.data.content_item_id,
    };
  }
  return undefined;
}
