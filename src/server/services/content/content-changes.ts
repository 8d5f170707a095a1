import { newId } from '#server/db/ids.js';
import type { ContentHistoryRow, ContentItemRow, ContentItemUpdate } from '#server/db/schema.js';
import { AppError } from '#server/errors/app-error.js';
import type { ContentHistoryAction, ContentHistoryEntry, UpdateContentBody } from '#shared/content.schema.js';
import type { ProblemFacts, PublishedItemAction } from '#shared/problem-facts.js';
import { ruleFieldMessage } from '#shared/rule-field-messages.js';
import { toUtcIso } from './content-items.js';

// What an edit changes, and how each change is written into the item's history.

/** The editable fields of a PATCH, without its version. */
export type ContentChanges = Omit<UpdateContentBody, 'version'>;

/**
 * Only the fields whose value really differs from the row, with times in one UTC spelling: history then
 * shows what changed, and a no-op save neither bumps the version nor sends approved work back to draft.
 */
export function changedFields(row: ContentItemRow, requested: ContentChanges): ContentChanges {
  const changes: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(requested)) {
    if (value === undefined) continue;
    const next = field === 'scheduled_at' && typeof value === 'string' ? toUtcIso(value) : value;
    const stored = row[field as keyof ContentItemRow];
    const current = field === 'thread' || field === 'hashtags' ? JSON.parse(String(stored)) : stored;
    if (JSON.stringify(current) !== JSON.stringify(next)) changes[field] = next;
  }
  return changes as ContentChanges;
}

/** The changes as column values: arrays become JSON text. */
export function toRowPatch(changes: ContentChanges): ContentItemUpdate {
  const { thread, hashtags, ...plain } = changes;
  return {
    ...plain,
    ...(thread ? { thread: JSON.stringify(thread) } : {}),
    ...(hashtags ? { hashtags: JSON.stringify(hashtags) } : {}),
  };
}

/** A history row for `item` as it is after the change. */
export function historyEntry(
  item: Pick<ContentItemRow, 'id' | 'business_id' | 'version'>,
  actorUserId: string | null,
  action: ContentHistoryAction,
  snapshot: object,
  at: string,
  comment: string | null = null,
): ContentHistoryRow {
  return {
    id: newId(),
    business_id: item.business_id,
    content_item_id: item.id,
    version: item.version,
    actor_user_id: actorUserId,
    action,
    comment,
    snapshot: JSON.stringify(snapshot),
    created_at: at,
  };
}

export function toHistoryEntry(row: ContentHistoryRow): ContentHistoryEntry {
  return {
    id: row.id,
    content_item_id: row.content_item_id,
    version: row.version,
    actor_user_id: row.actor_user_id,
    action: row.action,
    comment: row.comment,
    snapshot: JSON.parse(row.snapshot) as Record<string, unknown>,
    created_at: row.created_at,
  };
}

/** 409 for an edit made on an old version; says which version is current when it is known. */
export function versionConflict(current?: number): AppError {
  const now = current === undefined ? '' : ` (it is at version ${current})`;
  return new AppError('version_conflict', `Someone changed this item since you opened it${now}`);
}

const PUBLISHED_ITEM_LOCKED: Record<PublishedItemAction, string> = {
  edit: 'A published item cannot be edited; duplicate it instead',
  move: 'A published item cannot be moved',
  queue: 'A published item cannot be queued again; duplicate it instead',
};

/** Why an item that went out cannot change: what was published stays as the record of it. */
export function publishedItemRefusal(action: PublishedItemAction): { message: string; facts: ProblemFacts } {
  return { message: PUBLISHED_ITEM_LOCKED[action], facts: { reason: 'published_item_locked', action } };
}

/** 409 for a change to an item that went out. */
export function publishedItemLocked(action: PublishedItemAction): AppError {
  const { message, facts } = publishedItemRefusal(action);
  return new AppError('invalid_transition', message, { facts });
}

/** A scheduled item needs a publishing time still ahead. */
export function requireFutureTime(scheduledAt: string | null | undefined, now: Date): void {
  if (scheduledAt && Date.parse(scheduledAt) > now.getTime()) return;
  const message = ruleFieldMessage(scheduledAt ? 'publishingTimePast' : 'pickPublishingTime');
  throw new AppError('validation_failed', message, {
    errors: [{ path: 'body.scheduled_at', message, code: 'custom' }],
  });
}
