import type { ContentHistoryAction, ContentStatus } from './content.schema.js';
import type { ErrorCode } from './error-codes.js';
import type { ProblemFacts } from './problem-facts.js';
import { can, type Permission, type Role } from './roles.js';
import { ruleFieldMessage } from './rule-field-messages.js';

// The approval workflow as data: the server enforces it, the web app shows the same moves as buttons.
// Pure functions only, so every rule is unit-tested without a database.

/** One allowed status change and who may make it. */
export interface WorkflowMove {
  from: ContentStatus;
  to: ContentStatus;
  action: ContentHistoryAction;
  permission: Permission;
  /** Sending back without saying why leaves the writer guessing, so it needs a comment. */
  comment: 'optional' | 'required';
}

/**
 * Every move a person can make. `in_review → draft` appears twice: reviewers (approve permission) send
 * an item back with a comment; writers withdraw their own submission. `published` and `failed` are never
 * a target here: only the publisher sets them. A failed item is scheduled again (a retry at a new time)
 * or restored to a draft to be reworked.
 */
export const WORKFLOW_MOVES: readonly WorkflowMove[] = [
  { from: 'idea', to: 'draft', action: 'edited', permission: 'content.write', comment: 'optional' },
  { from: 'draft', to: 'in_review', action: 'submitted', permission: 'content.write', comment: 'optional' },
  { from: 'in_review', to: 'draft', action: 'sent_back', permission: 'content.approve', comment: 'required' },
  { from: 'in_review', to: 'draft', action: 'withdrawn', permission: 'content.write', comment: 'optional' },
  {
    from: 'in_review',
    to: 'approved',
    action: 'approved',
    permission: 'content.approve',
    comment: 'optional',
  },
  {
    from: 'approved',
    to: 'scheduled',
    action: 'scheduled',
    permission: 'content.approve',
    comment: 'optional',
  },
  {
    from: 'scheduled',
    to: 'approved',
    action: 'unscheduled',
    permission: 'content.approve',
    comment: 'optional',
  },
  {
    from: 'failed',
    to: 'scheduled',
    action: 'scheduled',
    permission: 'content.approve',
    comment: 'optional',
  },
  { from: 'failed', to: 'draft', action: 'restored', permission: 'content.write', comment: 'optional' },
];

/** Statuses only the system sets. */
export const SYSTEM_STATUSES: readonly ContentStatus[] = ['published', 'failed'];

/** The moves `role` may make from `from` (for buttons, and for error messages). */
export function movesFor(from: ContentStatus, role: Role): WorkflowMove[] {
  const moves = WORKFLOW_MOVES.filter((move) => move.from === from && can(role, move.permission));
  // A reviewer's in_review → draft is a send-back; they never see the writer's "withdraw" as well.
  return moves.filter(
    (move) => !(move.action === 'withdrawn' && moves.some((other) => other.action === 'sent_back')),
  );
}

/** What the caller asks for, with the facts the rules look at. */
export interface TransitionRequest {
  from: ContentStatus;
  to: ContentStatus;
  role: Role;
  comment?: string;
  /** The publishing time the item will have after the move (ISO), if any. */
  scheduledAt: string | null;
  body: string;
  now: Date;
}

/** The decision: the move to record, or why not (a stable error code and a sentence). */
export type TransitionDecision =
  | { ok: true; move: WorkflowMove }
  | { ok: false; code: ErrorCode; message: string; field?: string; facts?: ProblemFacts };

const LABEL: Record<ContentStatus, string> = {
  idea: 'an idea',
  draft: 'a draft',
  in_review: 'in review',
  approved: 'approved',
  scheduled: 'scheduled',
  published: 'published',
  failed: 'failed',
};

/**
 * Decide a status change. Refusals say which moves are allowed, so the person knows what to do instead.
 * @example decideTransition({ from: 'draft', to: 'approved', role: 'editor', … })
 * // { ok: false, code: 'invalid_transition', message: 'An item that is a draft can move to: in_review' }
 */
export function decideTransition(request: TransitionRequest): TransitionDecision {
  const { from, to, role } = request;
  if (SYSTEM_STATUSES.includes(to)) {
    return invalidTransition(`Only publishing sets an item to ${to}`, {
      reason: 'content_set_by_publishing',
      to,
    });
  }
  const possible = WORKFLOW_MOVES.filter((move) => move.from === from && move.to === to);
  if (possible.length === 0) {
    const allowed = movesFor(from, role).map((move) => move.to);
    const options = allowed.length > 0 ? `can move to: ${allowed.join(', ')}` : 'cannot move from there';
    return invalidTransition(`An item that is ${LABEL[from]} ${options}`, {
      reason: 'content_move',
      from,
      to,
      allowed,
    });
  }
  const move = movesFor(from, role).find((candidate) => candidate.to === to);
  if (!move) {
    const who = possible.some((candidate) => candidate.permission === 'content.approve')
      ? 'owners and admins'
      : 'owners, admins and editors';
    return refuse('forbidden', `Only ${who} can move an item from ${from} to ${to}`);
  }
  if (move.comment === 'required' && !request.comment) {
    return refuse('validation_failed', ruleFieldMessage('sendBackComment'), 'comment');
  }
  if (move.action === 'submitted' && request.body.trim() === '') {
    return refuse('validation_failed', ruleFieldMessage('writeBeforeReview'), 'body');
  }
  if (move.action === 'scheduled') {
    if (!request.scheduledAt)
      return refuse('validation_failed', ruleFieldMessage('pickPublishingTime'), 'scheduled_at');
    if (Date.parse(request.scheduledAt) <= request.now.getTime()) {
      return refuse('validation_failed', ruleFieldMessage('publishingTimePast'), 'scheduled_at');
    }
  }
  return { ok: true, move };
}

function refuse(code: ErrorCode, message: string, field?: string): TransitionDecision {
  return field === undefined ? { ok: false, code, message } : { ok: false, code, message, field };
}

/** A move the workflow does not have, with the facts a client words it from (problem-facts.ts). */
function invalidTransition(message: string, facts: ProblemFacts): TransitionDecision {
  return { ok: false, code: 'invalid_transition', message, facts };
}

/** Edits to these fields change what gets published, so approved work must be reviewed again. */
export const REVIEWED_FIELDS = [
  'channel',
  'format',
  'title',
  'body',
  'thread',
  'hashtags',
  'call_to_action',
  'media_brief',
  'preheader',
  'media',
] as const;

/**
 * The status an item takes after an edit of `fields`: approved, scheduled or failed items go back to
 * draft when what was approved changes, so nothing unapproved is ever published (a failed item can be
 * scheduled again without another review).
 */
export function statusAfterEdit(status: ContentStatus, fields: readonly string[]): ContentStatus {
  const touchesReviewed = fields.some((field) => (REVIEWED_FIELDS as readonly string[]).includes(field));
  return touchesReviewed && (status === 'approved' || status === 'scheduled' || status === 'failed')
    ? 'draft'
    : status;
}

/**
 * Who may move an item's publishing time: once scheduled, the time is part of what a reviewer signed off,
 * so only reviewers move it; before that, any writer may plan it.
 */
export function reschedulePermission(status: ContentStatus): Permission {
  return status === 'scheduled' ? 'content.approve' : 'content.write';
}
