import type { Member } from '#shared/business.schema.js';
import { can, ROLES, type Role } from '#shared/roles.js';

/**
 * What I may do to one member, mirroring the server's rules so the UI offers only what will succeed:
 * managers change and remove members, only owners touch owners or grant ownership, anyone may leave
 * except the last owner (the server would answer `last_owner`).
 */
export function memberAccess(myRole: Role, myUserId: string, member: Member, ownerCount: number) {
  const isMe = member.user_id === myUserId;
  const manages = can(myRole, 'members.manage');
  const managesOwners = can(myRole, 'owners.manage');
  const mayTouch = manages && (member.role !== 'owner' || managesOwners);
  return {
    isMe,
    canChangeRole: mayTouch && !isMe,
    canRemove: mayTouch && !isMe,
    canLeave: isMe && !(member.role === 'owner' && ownerCount <= 1),
    /** Roles offered in the role select: ownership is given only by owners. */
    assignableRoles: ROLES.filter((role) => role !== 'owner' || managesOwners),
  };
}
