import type { ContentItemRow, PublishAttemptRow } from '#server/db/schema.js';
import type { Repositories } from '#server/repositories/index.js';
import type { PublishFailureKind } from '#shared/connector.schema.js';
import type { NewLiveEvent } from '#shared/events.schema.js';
import type { ChangeEvents } from '../common/change-events.js';
import { historyEntry } from '../content/content-changes.js';
import { announceContent } from '../content/content-events.js';
import { NO_NOTIFICATIONS, type Notifier } from '../notifications/notifier.js';

/** How a publication ended. */
export type PublicationEnd =
  | { status: 'published'; connectorId: string; externalUrl: string | null }
  | { status: 'failed'; failureKind: PublishFailureKind | 'not_queued'; reason: string };

/** Which schedule of which item ended, and the attempt that ended it (none when no job ever ran). */
export interface PublicationRecord {
  businessId: string;
  itemId: string;
  scheduledAt: string;
  /** The job holding the item; null when the job could not even be queued. */
  jobId: string | null;
  attempt: PublishAttemptRow | null;
  end: PublicationEnd;
  at: string;
}

/**
 * Write the end of a publication in one transaction — the attempt, the item's new status (only if it
 * is still scheduled for that time and held by that job), its history entry — and tell the workspace in
 * it: `content.changed` for open calendars, `content.published` or `content.failed` for people and webhooks,
 * and a failure's notification for its author and the owners. Returns the item as saved, or undefined when it had moved on (the attempt is recorded all the same).
 *
 * @example
 * await recordPublication(repos, events, { businessId, itemId, scheduledAt, jobId, attempt, end, at });
 */
export async function recordPublication(
  repos: Repositories,
  events: ChangeEvents,
  record: PublicationRecord,
  notifier: Notifier = NO_NOTIFICATIONS,
): Promise<ContentItemRow | undefined> {
  const { businessId, itemId, end, at } = record;
  const saved = await repos.transaction(async (trx) => {
    if (record.attempt) await trx.publishAttempts.insert(record.attempt);
    const published = end.status === 'published';
    const updated = await trx.publishAttempts.settle(businessId, itemId, record.scheduledAt, record.jobId, {
      status: end.status,
      published_at: published ? at : null,
      publish_error: published ? null : end.reason,
      updated_at: at,
    });
    if (!updated) return undefined;
    const snapshot = published
      ? {
          status: { from: 'scheduled', to: 'published' },
          connector_id: end.connectorId,
          external_url: end.externalUrl,
        }
      : { status: { from: 'scheduled', to: 'failed' }, failure_kind: end.failureKind };
    await trx.contentHistory.insert([
      historyEntry(updated, null, end.status, snapshot, at, published ? null : end.reason),
    ]);
    await announceContent(events, trx, businessId, [itemId], 'status');
    await events.emitWithin(trx, publicationEvent(businessId, itemId, end));
    if (end.status === 'failed') {
      await notifier.notify(trx, { kind: 'publish_failed', item: updated, reason: end.reason });
    }
    return updated;
  });
  return saved;
}

/** `content.published` or `content.failed`, for people and webhooks. */
function publicationEvent(businessId: string, itemId: string, end: PublicationEnd): NewLiveEvent {
  return end.status === 'published'
    ? {
        type: 'content.published',
        business_id: businessId,
        data: { content_item_id: itemId, connector_id: end.connectorId, external_url: end.externalUrl },
      }
    : {
        type: 'content.failed',
        business_id: businessId,
        data: { content_item_id: itemId, failure_kind: end.failureKind, reason: end.reason.slice(0, 2000) },
      };
}
