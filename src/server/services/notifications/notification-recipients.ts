import type { MemberRow } from '#server/repositories/membership.repository.js';
import { can, type Role } from '#shared/roles.js';
import type { NotificationEvent } from './notifier.js';

/** What deciding the recipients may need beyond the event and the members. */
export interface RecipientFacts {
  /** Who last submitted the item for review (sent back and approved go to them as well as its creator). */
  submitterId?: string | null;
}

const OWNERS_AND_ADMINS: readonly Role[] = ['owner', 'admin'];

/**
 * Who hears about `event`, among the workspace's current members: never the person who caused it, never
 * anyone twice, never someone who has left (a creator no longer in the workspace is skipped).
 *
 * @example
 * recipientsOf({ kind: 'review_requested', item, actorUserId: editor }, members) // every owner and admin
 */
export function recipientsOf(
  event: NotificationEvent,
  members: readonly Pick<MemberRow, 'user_id' | 'role'>[],
  facts: RecipientFacts = {},
): string[] {
  const memberIds = new Set(members.map((member) => member.user_id));
  const having = (test: (role: Role) => boolean) =>
    members.filter((member) => test(member.role)).map((member) => member.user_id);
  let chosen: Array<string | null | undefined>;
  let actor: string | null = null;
  switch (event.kind) {
    case 'review_requested':
      chosen = having((role) => can(role, 'content.approve'));
      actor = event.actorUserId;
      break;
    case 'content_sent_back':
    case 'content_approved':
      chosen = [facts.submitterId, event.item.created_by];
      actor = event.actorUserId;
      break;
    case 'publish_failed':
      chosen = [event.item.created_by, ...having((role) => role === 'owner')];
      break;
    case 'inbox_attention':
      chosen =
        event.assigneeId && memberIds.has(event.assigneeId)
          ? [event.assigneeId]
          : having((role) => can(role, 'inbox.reply'));
      break;
    case 'ai_budget':
      chosen = having((role) => can(role, 'ai.manage'));
      break;
    case 'job_died':
      chosen = having((role) => OWNERS_AND_ADMINS.includes(role));
      break;
    case 'comment_mention':
      chosen = [...event.mentionedUserIds];
      actor = event.actorUserId;
      break;
  }
  const recipients = new Set<string>();
  for (const id of chosen) if (id && id !== actor && memberIds.has(id)) recipients.add(id);
  return [...recipients];
}
