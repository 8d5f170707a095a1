import { newId } from '#server/db/ids.js';
import type { ContentItemRow, ContentItemUpdate } from '#server/db/schema.js';
import { AppError } from '#server/errors/app-error.js';
import { isCalendarRange } from '#server/repositories/content-item.repository.js';
import type { Repositories } from '#server/repositories/index.js';
import { BULK_WRITE_ROWS } from '#server/repositories/statistics.repository.js';
import {
  CONTENT_TRASH_HOURS,
  type ContentHistoryEntry,
  type ContentItem,
  type ContentListQuery,
  type ContentWarning,
  type CreateContentBody,
  type UpdateContentBody,
} from '#shared/content.schema.js';
import { reschedulePermission, statusAfterEdit } from '#shared/content-workflow.js';
import { can, type Permission, type Role } from '#shared/roles.js';
import { ruleFieldMessage } from '#shared/rule-field-messages.js';
import { actorOf, type Principal } from '../access/principal.js';
import { requireRowRole } from '../access/row-access.js';
import { requireWorkspaceRole } from '../access/workspace-access.js';
import type { ChangeEvents } from '../common/change-events.js';
import { decodeCursor, encodeCursor } from '../common/cursor.js';
import { NO_PUBLISHING, type PublishSchedule } from '../publishing/publish-schedule.service.js';
import { recordAudit } from '../workspace/audit.service.js';
import {
  changedFields,
  historyEntry,
  publishedItemLocked,
  requireFutureTime,
  toHistoryEntry,
  toRowPatch,
  versionConflict,
} from './content-changes.js';
import { announceContent, NO_EVENTS } from './content-events.js';
import {
  aiWarningsAfterEdit,
  channelFieldsOf,
  checkChannelRules,
  toContentItem,
  toUtcIso,
} from './content-items.js';
import { checkMedia, mediaByItem, toContentItems, toContentItemWithMedia } from './content-media.js';

/** A new item as a service saves it: the API's fields, and what the AI checks flagged when the AI wrote it. */
export type NewContentBody = CreateContentBody & { ai_warnings?: readonly ContentWarning[] };

/** Content items: create, list (calendar or library), read, edit with optimistic locking, delete, history. */

export class ContentService {
  constructor(
    private readonly repos: Repositories,
    private readonly now: () => Date,
    private readonly events: ChangeEvents = NO_EVENTS,
    /** Told of every committed edit, so a moved or unscheduled item's publish job follows it. */
    private readonly publishing: PublishSchedule = NO_PUBLISHING,
  ) {}

  async create(principal: Principal, body: CreateContentBody): Promise<ContentItem> {
    const [item] = await this.createMany(principal, [body]);
    if (!item) throw new Error('createMany returned no item');
    return item;
  }

  /** Whether the caller may save items in the workspace (and link them to `campaignId`). */
  async assertCanSave(principal: Principal, businessId: string, campaignId?: string): Promise<void> {
    await requireWorkspaceRole(this.repos, principal, businessId, 'content.write');
    if (campaignId) await requireCampaign(this.repos, businessId, campaignId);
  }

  /**
   * Save items of one workspace in one transaction, each with its `created` history entry; `origin` adds
   * provenance such as the AI call and variant group they came from.
   */
  async createMany(
    principal: Principal,
    bodies: readonly NewContentBody[],
    origin: Partial<Pick<ContentItemRow, 'variant_group' | 'ai_call_id'>> = {},
  ): Promise<ContentItem[]> {
    const businessId = bodies[0]?.business_id;
    if (!businessId || bodies.some((body) => body.business_id !== businessId)) {
      throw new Error('createMany takes items of exactly one workspace');
    }
    const campaignIds = new Set(bodies.flatMap((body) => (body.campaign_id ? [body.campaign_id] : [])));
    await requireWorkspaceRole(this.repos, principal, businessId, 'content.write');
    for (const campaignId of campaignIds) await requireCampaign(this.repos, businessId, campaignId);
    for (const body of bodies) checkChannelRules(body);
    const at = this.now().toISOString();
    const actor = actorOf(principal).actor_user_id;
    const rows = bodies.map(
      ({ business_id: _, ai_warnings: aiWarnings, ...fields }): ContentItemRow => ({
        id: newId(),
        business_id: businessId,
        ...fields,
        evergreen_days: fields.evergreen_days ?? null,
        evergreen_of: null,
        ai_warnings: JSON.stringify(aiWarnings ?? []),
        thread: JSON.stringify(fields.thread),
        hashtags: JSON.stringify(fields.hashtags),
        scheduled_at: fields.scheduled_at ? toUtcIso(fields.scheduled_at) : null,
        variant_group: origin.variant_group ?? null,
        ai_call_id: origin.ai_call_id ?? null,
        post_group: null,
        publish_job_id: null,
        published_at: null,
        publish_error: null,
        deleted_at: null,
        version: 1,
        created_by: actor,
        updated_by: actor,
        created_at: at,
        updated_at: at,
      }),
    );
    await this.repos.transaction(async (trx) => {
      for (const row of rows) await trx.contentItems.insert(row);
      await trx.contentHistory.insert(
        rows.map((row) => historyEntry(row, actor, 'created', { status: row.status }, at)),
      );
      await announceContent(
        this.events,
        trx,
        businessId,
        rows.map((row) => row.id),
        'created',
      );
    });
    if (rows.length >= BULK_WRITE_ROWS)
      await this.repos.statistics.refresh(['content_items', 'content_item_history']);
    // New items have no media yet.
    return rows.map((row) => toContentItem(row, []));
  }

  async list(
    principal: Principal,
    query: ContentListQuery,
  ): Promise<{ items: ContentItem[]; next_cursor: string | null }> {
    await requireWorkspaceRole(this.repos, principal, query.business_id, 'content.read');
    const range = {
      ...(query.from ? { from: toUtcIso(query.from) } : {}),
      ...(query.to ? { to: toUtcIso(query.to) } : {}),
    };
    const order = isCalendarRange(range) ? 'calendar' : 'library';
    const position = query.cursor ? decodeCursor(query.cursor, order, 3) : undefined;
    const rows = await this.repos.contentItems.page(query.business_id, {
      ...range,
      channel: query.channel,
      status: query.status,
      campaignId: query.campaign_id,
      pillar: query.pillar,
      postGroup: query.post_group,
      search: query.q,
      limit: query.limit + 1,
      after: position ? { value: position[0] ?? '', id: position[1] ?? '' } : undefined,
    });
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return {
      items: await toContentItems(this.repos, query.business_id, items),
      next_cursor:
        rows.length > query.limit && last ? encodeCursor([order, last.scheduled_at ?? '', last.id]) : null,
    };
  }

  async get(principal: Principal, itemId: string): Promise<ContentItem> {
    return toContentItemWithMedia(
      this.repos,
      (await loadItem(this.repos, principal, itemId, 'content.read')).row,
    );
  }

  /** Apply an edit made on `body.version`; a stale version changes nothing and answers 409. */
  async update(principal: Principal, itemId: string, body: UpdateContentBody): Promise<ContentItem> {
    const { row, role, businessId } = await loadItem(this.repos, principal, itemId, 'content.write');
    if (row.status === 'published') {
      throw publishedItemLocked('edit');
    }
    if (body.version !== row.version) throw versionConflict(row.version);
    const { version, ...requested } = body;
    const changes = changedFields(row, requested);
    if (Object.keys(changes).length === 0) return toContentItemWithMedia(this.repos, row);
    if (changes.campaign_id) await requireCampaign(this.repos, businessId, changes.campaign_id);
    if (changes.scheduled_at !== undefined) {
      requireRole(role, reschedulePermission(row.status));
    }
    checkChannelRules({ ...channelFieldsOf(row), ...changes });
    if (changes.channel) {
      const media = (await mediaByItem(this.repos, businessId, [itemId])).get(itemId) ?? [];
      checkMedia(changes.channel, media, 'save');
    }
    const status = statusAfterEdit(row.status, Object.keys(changes));
    // A scheduled item keeps a time still ahead (clearing it would leave "scheduled" for never).
    if (status === 'scheduled' && changes.scheduled_at !== undefined) {
      requireFutureTime(changes.scheduled_at, this.now());
    }
    const at = this.now().toISOString();
    const actor = actorOf(principal).actor_user_id;
    const aiWarnings = aiWarningsAfterEdit(row, Object.keys(changes));
    const patch: ContentItemUpdate = {
      ...toRowPatch(changes),
      ...(aiWarnings === undefined ? {} : { ai_warnings: aiWarnings }),
      status,
      updated_by: actor,
      updated_at: at,
    };
    const snapshot =
      status === row.status ? changes : { ...changes, status: { from: row.status, to: status } };
    const saved = await this.repos.transaction(async (trx) => {
      const updated = await trx.contentItems.updateIfVersion(businessId, itemId, version, patch);
      if (!updated) throw versionConflict();
      await trx.contentHistory.insert([historyEntry(updated, actor, 'edited', snapshot, at)]);
      await announceContent(this.events, trx, businessId, [itemId], 'updated');
      return updated;
    });
    await this.publishing.sync(businessId, [{ before: row, after: saved }]);
    return toContentItemWithMedia(this.repos, saved);
  }

  /**
   * Owners and admins; `POST /api/content/bulk` with `restore` brings the item back, with everything
   * attached to it, until the housekeeping purge. The audit log keeps a line.
   */
  async delete(principal: Principal, itemId: string): Promise<void> {
    const { row, businessId } = await loadItem(this.repos, principal, itemId, 'content.delete');
    const at = this.now().toISOString();
    await this.repos.transaction(async (trx) => {
      await trx.contentItems.delete(businessId, [itemId], at);
      await recordAudit(trx, {
        businessId,
        principal,
        action: 'content.deleted',
        target: itemId,
        details: { channel: row.channel, title: row.title },
        at,
      });
      await announceContent(this.events, trx, businessId, [itemId], 'deleted');
    });
    await this.publishing.sync(businessId, [{ before: row, after: undefined }]);
  }

  /**
   * Delete for good, in every workspace, the items deleted over CONTENT_TRASH_HOURS ago (the housekeeping
   * job); returns how many.
   */
  purgeDeleted(): Promise<number> {
    const cutoff = new Date(this.now().getTime() - CONTENT_TRASH_HOURS * 3_600_000).toISOString();
    return this.repos.contentItems.purgeDeletedBefore(cutoff);
  }

  async history(
    principal: Principal,
    itemId: string,
    query: { limit: number; cursor?: string },
  ): Promise<{ items: ContentHistoryEntry[]; next_cursor: string | null }> {
    const { businessId } = await loadItem(this.repos, principal, itemId, 'content.read');
    const rows = await this.repos.contentHistory.page(businessId, itemId, {
      limit: query.limit + 1,
      after: query.cursor,
    });
    const items = rows.slice(0, query.limit).map(toHistoryEntry);
    return { items, next_cursor: rows.length > query.limit ? (items.at(-1)?.id ?? null) : null };
  }
}

/** The item, the caller's role in its workspace, and that workspace; 404 alike for missing and foreign. */
export async function loadItem(
  repos: Repositories,
  principal: Principal,
  itemId: string,
  permission: Permission,
) {
  const businessId = await repos.contentItems.businessIdOf(itemId);
  const role = await requireRowRole(repos, principal, businessId, permission, 'content item');
  const row = businessId ? await repos.contentItems.find(businessId, itemId) : undefined;
  if (!row || !businessId) throw new AppError('not_found', 'No such content item');
  return { row, role, businessId };
}

/** A campaign of this very workspace, or 404 on `body.campaign_id`: items never link across tenants. */
async function requireCampaign(repos: Repositories, businessId: string, campaignId: string): Promise<void> {
  if (await repos.campaigns.find(businessId, campaignId)) return;
  const message = ruleFieldMessage('campaignNotFound');
  throw new AppError('not_found', message, {
    errors: [{ path: 'body.campaign_id', message, code: 'not_found' }],
  });
}

function requireRole(role: Role, permission: Permission): void {
  if (!can(role, permission))
    throw new AppError('forbidden', `Your role (${role}) cannot move a scheduled item`, {
      facts: { reason: 'role_cannot', role, action: 'move_scheduled_item', to: null },
    });
}
