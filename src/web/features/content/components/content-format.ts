import type { ContentStatus } from '#shared/content.schema.js';
import type { Role } from '#shared/roles.js';

export const STATUS_TONES = {
  idea: 'neutral',
  draft: 'neutral',
  in_review: 'warning',
  approved: 'success',
  scheduled: 'accent',
  published: 'success',
  failed: 'danger',
} as const satisfies Record<ContentStatus, string>;

/** The sentences `noMoveNote` chooses from. */
export type NoMoveNote = 'published' | 'in_review' | 'scheduled' | 'approved' | 'failed' | 'viewer' | 'other';

/**
 * Why the review card offers no button, in a sentence that fits the item and the person (a key of the
 * `noMove` strings): a published item has nothing left to do, whoever looks; otherwise, who can move it on.
 */
export function noMoveNote(status: ContentStatus, role: Role): NoMoveNote {
  switch (status) {
    case 'published':
    case 'in_review':
    case 'scheduled':
    case 'approved':
    case 'failed':
      return status;
    default:
      return role === 'viewer' ? 'viewer' : 'other';
  }
}

/** A short name for an item: its title, else the start of its text, else `untitled` (the reader's word). */
export function itemLabel(item: { title: string; body: string }, untitled: string): string {
  const text = item.title.trim() || item.body.trim().split('\n')[0] || untitled;
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
