import type { Repositories } from '#server/repositories/index.js';
import type { ChangeEvents } from '../common/change-events.js';

/** What happened to a set of content items, as the live `content.changed` event says it. */
export type ContentChange = 'created' | 'updated' | 'deleted' | 'status';

export { NO_EVENTS } from '../common/change-events.js';

const MAX_IDS_PER_EVENT = 500;

/**
 * Tell the workspace which items changed — open browsers refresh, webhooks get `content.changed` — as
 * part of the transaction `trx` that changed them (see `ChangeEvents.emitWithin`).
 */
export async function announceContent(
  events: ChangeEvents,
  trx: Repositories,
  businessId: string,
  ids: readonly string[],
  change: ContentChange,
): Promise<void> {
  for (let start = 0; start < ids.length; start += MAX_IDS_PER_EVENT) {
    await events.emitWithin(trx, {
      type: 'content.changed',
      business_id: businessId,
      data: { content_item_ids: ids.slice(start, start + MAX_IDS_PER_EVENT), change },
    });
  }
}
