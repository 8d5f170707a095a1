import type { BulkContentBody, ContentHistoryAction } from '../../shared/content.schema.js';
import { decideTransition, reschedulePermission } from '../../shared/content-workflow.js';
import type { ErrorCode } from '../../shared/error-codes.js';
import { can, type Role } from '../../shared/roles.js';
import type { ContentItemRow, ContentItemUpdate } from '../db/schema.js';

// Planning a bulk change, item by item, without touching the database: the service applies the plan only
// when every item passes, so a bulk change is all or nothing.

/** What to do to one item, or why it cannot be done. */
export type BulkStep =
  | { ok: true; kind: 'delete' }
  | { ok: true; kind: 'update'; patch: ContentItemUpdate; action: ContentHistoryAction; snapshot: object }
  | { ok: false; code: ErrorCode; message: string };

const fail = (code: ErrorCode, message: string): BulkStep => ({ ok: false, code, message });

/**
 * The step for one item of a bulk request, checked against the caller's role and the workflow.
 * @example planBulkStep(row, { action: 'delete', … }, 'editor', now) // { ok: false, code: 'forbidden', … }
 */
export function planBulkStep(row: ContentItemRow, body: BulkContentBody, role: Role, now: Date): BulkStep {
  switch (body.action) {
    case 'delete':
      return can(role, 'content.delete')
        ? { ok: true, kind: 'delete' }
        : fail('forbidden', `Your role (${role}) cannot delete content`);
    case 'reschedule':
      return planReschedule(row, body.shift_minutes, body.scheduled_at, role, now);
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
      if (!decision.ok) return fail(decision.code, decision.message);
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
  if (row.status === 'published') return fail('invalid_transition', 'A published item cannot be moved');
  if (!can(role, reschedulePermission(row.status))) {
    return fail('forbidden', `Your role (${role}) cannot move a ${row.status} item`);
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
