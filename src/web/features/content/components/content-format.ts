import type { ContentFormat } from '#shared/channel-ids.js';
import type { ContentHistoryAction, ContentStatus } from '#shared/content.schema.js';
import type { Role } from '#shared/roles.js';

export const STATUS_LABELS: Record<ContentStatus, string> = {
  idea: 'Idea',
  draft: 'Draft',
  in_review: 'In review',
  approved: 'Approved',
  scheduled: 'Scheduled',
  published: 'Published',
  failed: 'Failed',
};

export const STATUS_TONES = {
  idea: 'neutral',
  draft: 'neutral',
  in_review: 'warning',
  approved: 'success',
  scheduled: 'accent',
  published: 'success',
  failed: 'danger',
} as const satisfies Record<ContentStatus, string>;

export const FORMAT_LABELS: Record<ContentFormat, string> = {
  post: 'Post',
  thread: 'Thread',
  story: 'Story',
  reel_script: 'Reel script',
  email: 'Email',
  ad: 'Ad',
  blog_outline: 'Blog outline',
  sms: 'SMS',
};

/** What each history entry says happened. */
export const ACTION_LABELS: Record<ContentHistoryAction, string> = {
  created: 'Created',
  edited: 'Edited',
  submitted: 'Submitted for review',
  withdrawn: 'Withdrawn from review',
  approved: 'Approved',
  sent_back: 'Sent back',
  scheduled: 'Scheduled',
  unscheduled: 'Unscheduled',
  published: 'Published',
  failed: 'Failed to publish',
  restored: 'Restored',
};

/** The button that makes each workflow move. */
export const MOVE_LABELS: Record<ContentHistoryAction, string> = {
  ...ACTION_LABELS,
  edited: 'Turn into a draft',
  submitted: 'Submit for review',
  withdrawn: 'Withdraw',
  approved: 'Approve',
  sent_back: 'Send back',
  scheduled: 'Schedule',
  unscheduled: 'Unschedule',
};

/**
 * Why the review card offers no button, in a sentence that fits the item and the person: a published item
 * has nothing left to do, whoever looks; otherwise, who can move it on.
 */
export function noMoveNote(status: ContentStatus, role: Role): string {
  switch (status) {
    case 'published':
      return 'Published: nothing left to do.';
    case 'in_review':
      return 'Waiting for an owner or admin to review it.';
    case 'scheduled':
      return 'Scheduled: it goes out at its time. An owner or admin can unschedule it.';
    case 'approved':
      return 'Approved: an owner or admin schedules it.';
    case 'failed':
      return 'Publishing failed: an editor can restore it to a draft, or an owner or admin schedule it again.';
    default:
      return role === 'viewer'
        ? 'You can read this item; an owner, admin or editor can change it.'
        : 'Nothing to do from here.';
  }
}

/** A short name for an item: its title, else the start of its text. */
export function itemLabel(item: { title: string; body: string }): string {
  const text = item.title.trim() || item.body.trim().split('\n')[0] || 'Untitled';
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
