import type { Member } from '#shared/business.schema.js';
import type { Role } from '#shared/roles.js';
import { Badge } from '#web/components/ui/badge.js';
import { Button } from '#web/components/ui/button.js';
import { memberAccess } from './member-access.js';
import { ROLE_LABELS } from './role-labels.js';

interface MemberRowProps {
  member: Member;
  myRole: Role;
  myUserId: string;
  ownerCount: number;
  onChangeRole: (role: Role) => void;
  onRemove: () => void;
  changingRole: boolean;
}

/** One member: who they are, their role (editable when allowed) and remove or leave. */
export function MemberRow({
  member,
  myRole,
  myUserId,
  ownerCount,
  onChangeRole,
  onRemove,
  changingRole,
}: MemberRowProps) {
  const access = memberAccess(myRole, myUserId, member, ownerCount);
  return (
    <tr>
      <td>
        <div className="member-name">
          {member.name} {access.isMe && <Badge tone="accent">You</Badge>}
        </div>
        <div className="muted member-email">{member.email}</div>
      </td>
      <td>
        {access.canChangeRole ? (
          <select
            className="input input--select input--compact"
            aria-label={`Role of ${member.name}`}
            value={member.role}
            disabled={changingRole}
            onChange={(event) => onChangeRole(event.target.value as Role)}
          >
            {access.assignableRoles.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role].label}
              </option>
            ))}
          </select>
        ) : (
          <Badge>{ROLE_LABELS[member.role].label}</Badge>
        )}
      </td>
      <td className="cell-actions">
        {access.canRemove && (
          <Button size="sm" variant="ghost" onClick={onRemove} aria-label={`Remove ${member.name}`}>
            Remove
          </Button>
        )}
        {access.canLeave && (
          <Button size="sm" variant="ghost" onClick={onRemove}>
            Leave workspace
          </Button>
        )}
      </td>
    </tr>
  );
}
