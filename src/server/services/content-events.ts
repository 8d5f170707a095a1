import type { EventPublisher } from '../realtime/event-bus.js';

/** What happened to a set of content items, as the live `content.changed` event says it. */
export type ContentChange = 'created' | 'updated' | 'deleted' | 'status';

/** Publishers for services built without live updates (unit tests, the CLI). */
export const NO_EVENTS: EventPublisher = { emit() {} };

const MAX_IDS_PER_EVENT = 500;

/** Tell the workspace's open browsers which items changed, so calendars and lists refresh themselves. */
export function announceContent(
  events: EventPublisher,
  businessId: string,
  ids: readonly string[],
  change: ContentChange,
): void {
  for (let start = 0; start < ids.length; start += MAX_IDS_PER_EVENT) {
    events.emit({
      type: 'content.changed',
      business_id: businessId,
      data: { content_item_ids: ids.slice(start, start + MAX_IDS_PER_EVENT), change },
    });
  }
}
