import { newId } from '#server/db/ids.js';
import type { ContentItemRow, ContentItemUpdate } from '#server/db/schema.js';
import { AppError } from '#server/errors/app-error.js';
import type { AppJobDefinitions } from '#server/jobs/job-definitions.js';
import type { JobContext, JobQueue } from '#server/jobs/job-types.js';
import { UnrecoverableJobError } from '#server/jobs/run-job.js';
import type { Repositories } from '#server/repositories/index.js';
import { CHANNEL_IDS, type ChannelId } from '#shared/channel-ids.js';
import type { ContentItem } from '#shared/content.schema.js';
import { decideTransition } from '#shared/content-workflow.js';
import type { JobSkipReason } from '#shared/job-skip-reasons.js';
import { defaultSlots, nextFreeSlot, type Slot, sortSlots } from '#shared/queue-slots.js';
import {
  type ChannelQueue,
  type PutQueueSlotsBody,
  QUEUE_HORIZON_DAYS,
  type QueueContentBody,
  type Queues,
} from '#shared/queues.schema.js';
import { can } from '#shared/roles.js';
import { actorOf, type Principal } from '../access/principal.js';
import { requireWorkspaceRole } from '../access/workspace-access.js';
import type { ChangeEvents } from '../common/change-events.js';
import { loadItem } from '../content/content.service.js';
import { historyEntry, publishedItemLocked, versionConflict } from '../content/content-changes.js';
import { announceContent, NO_EVENTS } from '../content/content-events.js';
import { toContentItem } from '../content/content-items.js';
import { checkMedia, mediaByItem, toContentItemWithMedia } from '../content/content-media.js';
import { recordAudit } from '../workspace/audit.service.js';
import { bestTimes, type PublishedResult } from './best-times.js';
import { NO_PUBLISHING, type PublishSchedule } from './publish-schedule.service.js';

const DAY_MS = 86_400_000;

/** The `content.requeue_evergreen` job's payload. */
export type EvergreenJobPayload = { content_item_id: string };

export interface QueueServiceDeps {
  repos: Repositories;
  now: () => Date;
  events?: ChangeEvents;
  publishing?: PublishSchedule;
  /** Where the evergreen re-queue job goes; without it, evergreen items are not re-queued. */
  queue?: JobQueue<AppJobDefinitions>;
}

/**
 * Queues: a channel's posting slots, "add to queue" (the next slot no other item of the channel holds),
 * duplicating an item, and evergreen items that come back after their gap. Slots are wall-clock times in
 * the workspace's zone, turned into instants only when an item takes one (queue-slots.ts).
 */
export class QueueService {
  private readonly repos: Repositories;
  private readonly now: () => Date;
  private readonly events: ChangeEvents;
  private readonly publishing: PublishSchedule;

  constructor(private readonly deps: QueueServiceDeps) {
    this.repos = deps.repos;
    this.now = deps.now;
    this.events = deps.events ?? NO_EVENTS;
    this.publishing = deps.publishing ?? NO_PUBLISHING;
  }

  /** Every channel's slots in force and its best times. */
  async list(principal: Principal, businessId: string): Promise<Queues> {
    await requireWorkspaceRole(this.repos, principal, businessId, 'content.read');
    const timeZone = await this.timeZoneOf(businessId);
    const [slots, results] = await Promise.all([
      this.repos.queues.listSlots(businessId),
      this.repos.queues.publishedResults(businessId),
    ]);
    return {
      time_zone: timeZone,
      channels: CHANNEL_IDS.map((channel) =>
        channelQueue(
          channel,
          slots.filter((slot) => slot.channel === channel),
          results.filter((result) => result.channel === channel),
          timeZone,
        ),
      ),
    };
  }

  /** Replace a channel's slots (owners and admins); an empty list goes back to the network's times. */
  async replace(
    principal: Principal,
    businessId: string,
    channel: ChannelId,
    body: PutQueueSlotsBody,
  ): Promise<ChannelQueue> {
    await requireWorkspaceRole(this.repos, principal, businessId, 'content.approve');
    const at = this.now().toISOString();
    const slots = sortSlots(body.slots);
    await this.repos.transaction(async (trx) => {
      await trx.queues.replaceSlots(businessId, channel, slots, at);
      await recordAudit(trx, {
        businessId,
        principal,
        action: 'queue.updated',
        target: channel,
        details: { slots: slots.length },
        at,
      });
    });
    const timeZone = await this.timeZoneOf(businessId);
    const results = (await this.repos.queues.publishedResults(businessId)).filter(
      (result) => result.channel === channel,
    );
    return channelQueue(channel, slots, results, timeZone);
  }

  /**
   * Put the item at its channel's next free slot. An approved (or failed) item is scheduled there and will
   * publish; an idea, draft or item in review is planned there and keeps its status; a scheduled one moves.
   */
  async queue(principal: Principal, itemId: string, body: QueueContentBody): Promise<ContentItem> {
    const { row, role, businessId } = await loadItem(this.repos, principal, itemId, 'content.write');
    if (body.version !== row.version) throw versionConflict(row.version);
    if (row.status === 'published') {
      throw publishedItemLocked('queue');
    }
    const schedules = row.status === 'approved' || row.status === 'failed' || row.status === 'scheduled';
    if (schedules && !can(role, 'content.approve')) {
      throw new AppError('forbidden', `Your role (${role}) cannot schedule an item; owners and admins can`, {
        facts: { reason: 'role_cannot', role, action: 'schedule_item', to: null },
      });
    }
    const now = this.now();
    const media = (await mediaByItem(this.repos, businessId, [itemId])).get(itemId) ?? [];
    const at = now.toISOString();
    const actor = actorOf(principal).actor_user_id;
    // The slot is read and taken under the workspace's lock: two requests at once get two slots.
    const saved = await this.repos.transaction(async (trx) => {
      await trx.businesses.lockForWrites(businessId);
      const slot = await this.nextSlot(trx, businessId, row.channel, now, row.id);
      let patch: ContentItemUpdate = { scheduled_at: slot };
      let action: 'scheduled' | 'edited' = 'edited';
      let snapshot: object = { scheduled_at: slot };
      if (row.status === 'approved' || row.status === 'failed') {
        const decision = decideTransition({
          from: row.status,
          to: 'scheduled',
          role,
          scheduledAt: slot,
          body: row.body,
          now,
        });
        if (!decision.ok) {
          throw new AppError(
            decision.code,
            decision.message,
            decision.facts ? { facts: decision.facts } : {},
          );
        }
        checkMedia(row.channel, media, 'schedule');
        patch = { scheduled_at: slot, status: 'scheduled' };
        action = 'scheduled';
        snapshot = { status: { from: row.status, to: 'scheduled' }, scheduled_at: slot, queued: true };
      }
      const updated = await trx.contentItems.updateIfVersion(businessId, itemId, body.version, {
        ...patch,
        updated_by: actor,
        updated_at: at,
      });
      if (!updated) throw versionConflict();
      await trx.contentHistory.insert([historyEntry(updated, actor, action, snapshot, at)]);
      await announceContent(
        this.events,
        trx,
        businessId,
        [itemId],
        action === 'scheduled' ? 'status' : 'updated',
      );
      return updated;
    });
    await this.publishing.sync(businessId, [{ before: row, after: saved }]);
    return toContentItem(saved, media);
  }

  /** A new draft with the item's brief, text, channel and media: no time, no results, no history of its own. */
  async duplicate(principal: Principal, itemId: string): Promise<ContentItem> {
    const { row, businessId } = await loadItem(this.repos, principal, itemId, 'content.write');
    const actor = actorOf(principal).actor_user_id;
    const copy = copyOf(row, { status: 'draft', scheduled_at: null, actor, at: this.now().toISOString() });
    await this.saveCopy(businessId, row, async () => ({
      copy,
      snapshot: { status: 'draft', duplicated_from: row.id },
    }));
    return toContentItemWithMedia(this.repos, copy);
  }

  /**
   * After an evergreen item is published, queue the job that re-queues it (one per item: a repeated call
   * finds the job already there). Returns the job's id, or undefined for an item that is not evergreen.
   */
  async afterPublished(item: ContentItemRow): Promise<string | undefined> {
    if (item.evergreen_days === null || !this.deps.queue) return undefined;
    return this.deps.queue.enqueue({
      name: 'content.requeue_evergreen',
      businessId: item.business_id,
      payload: { content_item_id: item.id },
      idempotencyKey: `content.requeue_evergreen:${item.id}`,
    });
  }

  /**
   * The `content.requeue_evergreen` job: a scheduled copy of the published evergreen item at the first
   * free slot at least its gap after it went out. The copy is evergreen too, so the item keeps coming back.
   */
  async requeueEvergreen(
    payload: EvergreenJobPayload,
    context: JobContext<string>,
  ): Promise<
    | { outcome: 'queued'; content_item_id: string; scheduled_at: string }
    | {
        outcome: 'skipped';
        reason: Extract<JobSkipReason, 'item_deleted' | 'not_published' | 'not_evergreen'>;
      }
    | { outcome: 'skipped'; reason: 'copy_already_queued'; copy_id: string }
  > {
    const { businessId } = context;
    const row = await this.repos.contentItems.find(businessId, payload.content_item_id);
    if (!row) return { outcome: 'skipped', reason: 'item_deleted' };
    if (row.status !== 'published' || !row.published_at)
      return { outcome: 'skipped', reason: 'not_published' };
    if (row.evergreen_days === null) return { outcome: 'skipped', reason: 'not_evergreen' };
    const existing = await this.repos.queues.evergreenCopyOf(businessId, row.id);
    if (existing) return { outcome: 'skipped', reason: 'copy_already_queued', copy_id: existing };
    const now = this.now();
    // "At least the gap": a slot exactly that far after the publication is allowed, hence the millisecond.
    const earliest = new Date(
      Math.max(now.getTime(), Date.parse(row.published_at) + row.evergreen_days * DAY_MS - 1),
    );
    let slot = '';
    const copy = await this.saveCopy(businessId, row, async (trx) => {
      try {
        slot = await this.nextSlot(trx, businessId, row.channel, earliest, null);
      } catch (error) {
        throw new UnrecoverableJobError(error instanceof Error ? error.message : String(error));
      }
      const copy = {
        ...copyOf(row, { status: 'scheduled', scheduled_at: slot, actor: null, at: now.toISOString() }),
        evergreen_of: row.id,
      };
      return { copy, snapshot: { status: 'scheduled', scheduled_at: slot, evergreen_of: row.id } };
    });
    await this.publishing.sync(businessId, [{ before: undefined, after: copy }]);
    return { outcome: 'queued', content_item_id: copy.id, scheduled_at: slot };
  }

  /**
   * Insert a copy of `original` with its media and a history entry. `build` makes the copy inside the
   * transaction, under the workspace's lock, so a copy that takes a queue slot takes a free one.
   */
  private async saveCopy(
    businessId: string,
    original: ContentItemRow,
    build: (trx: Repositories) => Promise<{ copy: ContentItemRow; snapshot: object }>,
  ): Promise<ContentItemRow> {
    const media = await this.repos.contentMedia.forItems(businessId, [original.id]);
    return this.repos.transaction(async (trx) => {
      await trx.businesses.lockForWrites(businessId);
      const { copy, snapshot } = await build(trx);
      await trx.contentItems.insert(copy);
      await trx.contentMedia.replace(
        businessId,
        copy.id,
        media.map((attached) => attached.id),
        copy.created_at,
      );
      await trx.contentHistory.insert([
        historyEntry(copy, copy.created_by, 'created', snapshot, copy.created_at),
      ]);
      await announceContent(this.events, trx, businessId, [copy.id], 'created');
      return copy;
    });
  }

  /**
   * The channel's next free slot from now (what "add to queue" would give a new item), or 409
   * `queue_full`. Call it in the transaction that takes the slot, after `businesses.lockForWrites`.
   */
  nextFreeSlotOf(repos: Repositories, businessId: string, channel: ChannelId): Promise<string> {
    return this.nextSlot(repos, businessId, channel, this.now(), null);
  }

  /** The first free slot after `after`, or 409 `queue_full` when the horizon holds none. */
  private async nextSlot(
    repos: Repositories,
    businessId: string,
    channel: ChannelId,
    after: Date,
    exceptItemId: string | null,
  ) {
    const timeZone = await this.timeZoneOf(businessId, repos);
    const own = await repos.queues.slotsOf(businessId, channel);
    const slots: Slot[] = own.length > 0 ? own : defaultSlots(channel);
    // A day either side of the horizon: local days and UTC instants do not line up exactly.
    const taken = await repos.queues.takenTimes(
      businessId,
      channel,
      {
        from: new Date(after.getTime() - DAY_MS).toISOString(),
        to: new Date(after.getTime() + (QUEUE_HORIZON_DAYS + 2) * DAY_MS).toISOString(),
      },
      exceptItemId,
    );
    const slot = nextFreeSlot({
      slots,
      timeZone,
      after,
      taken: new Set(taken),
      horizonDays: QUEUE_HORIZON_DAYS,
    });
    if (!slot) {
      throw new AppError(
        'queue_full',
        `No free ${channel} slot in the next ${QUEUE_HORIZON_DAYS} days; add slots in Settings → Queue or pick a time`,
      );
    }
    return slot;
  }

  private async timeZoneOf(businessId: string, repos = this.repos): Promise<string> {
    const business = await repos.businesses.findById(businessId);
    if (!business) throw new AppError('not_found', 'No such workspace');
    return business.time_zone;
  }
}

function channelQueue(
  channel: ChannelId,
  own: readonly Slot[],
  results: readonly PublishedResult[],
  timeZone: string,
): ChannelQueue {
  return {
    channel,
    slots:
      own.length > 0 ? sortSlots(own).map(({ weekday, time }) => ({ weekday, time })) : defaultSlots(channel),
    uses_defaults: own.length === 0,
    suggested: bestTimes(channel, results, timeZone),
  };
}

/** A new row with `row`'s brief, text and settings; no schedule, no publication, version 1. */
function copyOf(
  row: ContentItemRow,
  fields: { status: 'draft' | 'scheduled'; scheduled_at: string | null; actor: string | null; at: string },
): ContentItemRow {
  return {
    ...row,
    id: newId(),
    status: fields.status,
    scheduled_at: fields.scheduled_at,
    version: 1,
    // The copy is its own piece of work: not a variant of the original's set or post, not written by its AI call.
    variant_group: null,
    post_group: null,
    ai_call_id: null,
    ai_warnings: '[]',
    publish_job_id: null,
    published_at: null,
    publish_error: null,
    evergreen_of: null,
    created_by: fields.actor,
    updated_by: fields.actor,
    created_at: fields.at,
    updated_at: fields.at,
  };
}
