import type { ContentItemRow, ContentItemUpdate } from '#server/db/schema.js';
import { AppError } from '#server/errors/app-error.js';
import { type BulkContentBody, CONTENT_STATUSES, type ContentHistoryAction } from '#shared/content.schema.js';
import { decideTransition, reschedulePermission, WORKFLOW_MOVES } from '#shared/content-workflow.js';
import type { ErrorCode } from '#shared/error-codes.js';
import type { ProblemFacts, PublishedItemAction, RoleRefusedAction } from '#shared/problem-facts.js';
import { can, type Permission, type Role } from '#shared/roles.js';
import { publishedItemRefusal } from './content-changes.js';

// Planning a bulk change, item by item, without touching the database: the service applies the plan only
// when every item passes, so a bulk change is all or nothing.

/** What to do to one item, or why it cannot be done. */
export type BulkStep =
  | { ok: true; kind: 'delete' }
  | { ok: true; kind: 'update'; patch: ContentItemUpdate; action: ContentHistoryAction; snapshot: object }
  | { ok: false; code: ErrorCode; message: string; facts?: ProblemFacts };

const fail = (code: ErrorCode, message: string, facts?: ProblemFacts): BulkStep =>
  facts ? { ok: false, code, message, facts } : { ok: false, code, message };

/**
 * Why `role` can never make `body`'s change, whatever the items, or undefined when some item could change:
 * the service answers that with 403 before reading a row, and leaves what depends on each item to
 * planBulkStep.
 * @example bulkActionRefusal({ action: 'delete', … }, 'editor')?.message // 'Your role (editor) cannot delete content'
 */
export function bulkActionRefusal(body: BulkContentBody, role: Role): AppError | undefined {
  if (permissionsFor(body).some((permission) => can(role, permission))) return undefined;
  const refused = (action: RoleRefusedAction, message: string) =>
    new AppError('forbidden', message, {
      facts: { reason: 'role_cannot', role, action, to: body.action === 'set_status' ? body.to : null },
    });
  switch (body.action) {
    case 'delete':
      return refused('delete_content', `Your role (${role}) cannot delete content`);
    case 'restore':
      return refused('restore_content', `Your role (${role}) cannot restore deleted content`);
    case 'set_campaign':
      return refused('edit_content', `Your role (${role}) cannot edit content`);
    case 'reschedule':
      return refused('move_content', `Your role (${role}) cannot move content`);
    case 'set_status':
      return refused('set_content_status', `Your role (${role}) cannot set content to ${body.to}`);
  }
}

/** The permissions any one of which lets a role make `body`'s change to at least some item. */
function permissionsFor(body: BulkContentBody): Permission[] {
  switch (body.action) {
    case 'delete':
    case 'restore':
      return ['content.delete'];
    case 'set_campaign':
      return ['content.write'];
    case 'reschedule':
      return CONTENT_STATUSES.filter((status) => status !== 'published').map(reschedulePermission);
    case 'set_status': {
      const into = WORKFLOW_MOVES.filter((move) => move.to === body.to);
      // No one sets a system status (published, failed): that is refused per item as an invalid move, to
      // whoever may move items at all.
      return (into.length > 0 ? into : WORKFLOW_MOVES).map((move) => move.permission);
    }
  }
}

/**
 * The step for one item of a bulk request, checked against the caller's role and the workflow.
 * @example planBulkStep(row, { action: 'delete', … }, 'editor', now) // { ok: false, code: 'forbidden', … }
 */
/** The bulk changes planned item by item (a restore only checks that each item is in the trash). */
export type PlannedBulkBody = Exclude<BulkContentBody, { action: 'restore' }>;

export function planBulkStep(row: ContentItemRow, body: PlannedBulkBody, role: Role, now: Date): BulkStep {
  switch (body.action) {
    case 'delete':
      return can(role, 'content.delete')
        ? { ok: true, kind: 'delete' }
        : fail('forbidden', `Your role (${role}) cannot delete content`);
    case 'reschedule':
      return planReschedule(row, body.shift_minutes, body.scheduled_at, role, now);
    case 'set_campaign':
      if (row.status === 'published') {
        return lockedStep('edit');
      }
      if (!can(role, 'content.write')) return fail('forbidden', `Your role (${role}) cannot edit content`);
      // The campaign is no reviewed field: an approved or scheduled item stays so (statusAfterEdit).
      return {
        ok: true,
        kind: 'update',
        patch: { campaign_id: body.campaign_id },
        action: 'edited',
        snapshot: { campaign_id: body.campaign_id },
      };
    case 'set_status': {
      const decision = decideTransition({
        from: row.status,
        to: body.to,
        role,
        ...(body.comment === undefined ? {} : { comment: body.comment }),
        scheduledAt: row.scheduled_at,
        body: row.body,
        now,
      });
      if (!decision.ok) return fail(decision.code, decision.message, decision.facts);
      return {
        ok: true,
        kind: 'update',
        patch: { status: body.to },
        action: decision.move.action,
        snapshot: { status: { from: row.status, to: body.to } },
      };
    }
  }
}

function planReschedule(
  row: ContentItemRow,
  shiftMinutes: number | undefined,
  scheduledAt: string | undefined,
  role: Role,
  now: Date,
): BulkStep {
  if (row.status === 'published') return lockedStep('move');
  if (!can(role, reschedulePermission(row.status))) {
    const action = row.status === 'scheduled' ? 'move_scheduled_item' : 'move_content';
    return fail('forbidden', `Your role (${role}) cannot move a ${row.status} item`, {
      reason: 'role_cannot',
      role,
      action,
      to: null,
    });
  }
  let next: string;
  if (scheduledAt !== undefined) next = new Date(scheduledAt).toISOString();
  else if (row.scheduled_at && shiftMinutes !== undefined) {
    next = new Date(Date.parse(row.scheduled_at) + shiftMinutes * 60_000).toISOString();
  } else return fail('validation_failed', 'This item has no date to shift; give it a scheduled_at');
  if (row.status === 'scheduled' && Date.parse(next) <= now.getTime()) {
    return fail('validation_failed', `A scheduled item cannot move into the past (${next})`);
  }
  return {
    ok: true,
    kind: 'update',
    patch: { scheduled_at: next },
    action: 'edited',
    snapshot: { scheduled_at: next },
  };
}

/** A published item's refusal, as the single-item routes word it (content-changes.ts). */
function lockedStep(action: PublishedItemAction): BulkStep {
  const { message, facts } = publishedItemRefusal(action);
  return fail('invalid_transition', message, facts);
}
