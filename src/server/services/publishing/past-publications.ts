import { newId } from '#server/db/ids.js';
import type { PublishAttemptRow } from '#server/db/schema.js';
import { AppError } from '#server/errors/app-error.js';
import type { Repositories } from '#server/repositories/index.js';
import type { ContentItem } from '#shared/content.schema.js';
import { actorOf, type Principal } from '../access/principal.js';
import type { ChangeEvents } from '../common/change-events.js';
import { loadItem } from '../content/content.service.js';
import { historyEntry } from '../content/content-changes.js';
import { announceContent } from '../content/content-events.js';
import { toContentItem } from '../content/content-items.js';
import { checkMedia, mediaByItem } from '../content/content-media.js';
import { noConnectorReason } from './publishing.service.js';

/** The job id the past publications are written under: no job ran them. */
export const PAST_PUBLICATION_JOB = 'past-publication';
/** How long before its time an item of the past was scheduled. */
const SCHEDULED_AHEAD_MS = 86_400_000;

/** How an item of the past ended: sent (through a connector since removed), or failed with no way out. */
export type PastOutcome = 'published' | 'failed';

/**
 * Items that went out, or failed, before now: the demo workspace's past posts, which carry results. Each
 * is written as the publisher writes one — an approved item (with the media scheduling asks for) scheduled
 * at its time, one attempt, the end on the item and in its history — only in the past, so no job runs and
 * no one is told (`content.published` and `content.failed` are news; these are history). A published one
 * went through a connector that has since been removed (its attempt keeps no connector id, as after a
 * delete); a failed one had no way out. No route offers this: the future goes through the workflow.
 */
export class PastPublications {
  constructor(private readonly deps: { repos: Repositories; events: ChangeEvents; now: () => Date }) {}

  async record(principal: Principal, itemId: string, at: string, outcome: PastOutcome): Promise<ContentItem> {
    const { repos, events } = this.deps;
    const { row, businessId } = await loadItem(repos, principal, itemId, 'content.approve');
    if (row.status !== 'approved') {
      throw new AppError(
        'invalid_transition',
        `Only an approved item can have gone out; this one is ${row.status}`,
        { facts: { reason: 'past_publication_not_approved', status: row.status } },
      );
    }
    const when = new Date(at);
    if (!(when.getTime() < this.deps.now().getTime())) {
      throw new AppError(
        'validation_failed',
        'A past publication is in the past: schedule the future instead',
      );
    }
    const media = (await mediaByItem(repos, businessId, [itemId])).get(itemId) ?? [];
    checkMedia(row.channel, media, 'schedule');
    const scheduledAt = when.toISOString();
    const scheduledOn = new Date(when.getTime() - SCHEDULED_AHEAD_MS).toISOString();
    const published = outcome === 'published';
    const reason = noConnectorReason(row.channel);
    const saved = await repos.transaction(async (trx) => {
      const scheduled = await trx.contentItems.updateIfVersion(businessId, itemId, row.version, {
        status: 'scheduled',
        scheduled_at: scheduledAt,
        publish_job_id: PAST_PUBLICATION_JOB,
        updated_by: actorOf(principal).actor_user_id,
        updated_at: scheduledOn,
      });
      if (!scheduled) throw new AppError('version_conflict', 'The item changed meanwhile');
      const attempt: PublishAttemptRow = {
        id: newId(),
        business_id: businessId,
        content_item_id: itemId,
        connector_id: null,
        connector_kind: published ? 'webhook' : null,
        account_id: null,
        job_id: PAST_PUBLICATION_JOB,
        scheduled_at: scheduledAt,
        attempt: 1,
        outcome: published ? 'succeeded' : 'failed',
        failure_kind: published ? null : 'no_connector',
        status_code: published ? 200 : null,
        error: published ? null : reason,
        duration_ms: published ? 240 : 0,
        external_id: null,
        external_url: null,
        created_at: scheduledAt,
      };
      await trx.publishAttempts.insert(attempt);
      const ended = await trx.publishAttempts.settle(businessId, itemId, scheduledAt, PAST_PUBLICATION_JOB, {
        status: outcome,
        published_at: published ? scheduledAt : null,
        publish_error: published ? null : reason,
        updated_at: scheduledAt,
      });
      if (!ended) throw new AppError('version_conflict', 'The item changed meanwhile');
      const actor = actorOf(principal).actor_user_id;
      await trx.contentHistory.insert([
        historyEntry(
          scheduled,
          actor,
          'scheduled',
          { status: { from: 'approved', to: 'scheduled' }, scheduled_at: scheduledAt },
          scheduledOn,
        ),
        historyEntry(
          ended,
          null,
          outcome,
          published
            ? { status: { from: 'scheduled', to: 'published' }, connector_id: null, external_url: null }
            : { status: { from: 'scheduled', to: 'failed' }, failure_kind: 'no_connector' },
          scheduledAt,
          published ? null : reason,
        ),
      ]);
      await announceContent(events, trx, businessId, [itemId], 'status');
      return ended;
    });
    return toContentItem(saved, media);
  }
}
