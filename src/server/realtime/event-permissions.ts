import type { LiveEvent, LiveEventType } from '#shared/events.schema.js';
import { can, type Permission, type Role } from '#shared/roles.js';

/** Who may hear each event: the permission that lets a member read what the event points at. */
const EVENT_PERMISSIONS: Record<LiveEventType, Permission> = {
  'job.progress': 'jobs.read',
  'job.completed': 'jobs.read',
  'job.failed': 'jobs.read',
  'content.changed': 'content.read',
  'content.published': 'content.read',
  'content.failed': 'content.read',
  'comment.changed': 'content.read',
  'message.received': 'inbox.read',
  'conversation.changed': 'inbox.read',
  // Costs are for the roles that may read AI usage, not for viewers.
  'usage.changed': 'ai.usage.read',
  'member.changed': 'members.read',
  // Every member has notifications; `mayReceive` keeps each person's to that person.
  'notification.changed': 'business.read',
};

/** Whether member `userId`, with `role`, may receive `event`. */
export function mayReceive(role: Role, event: LiveEvent, userId?: string): boolean {
  if (event.type === 'notification.changed' && event.data.user_id !== userId) return false;
  return can(role, EVENT_PERMISSIONS[event.type]);
}
