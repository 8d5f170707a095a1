import { useTranslation } from 'react-i18next';
import type { Member } from '#shared/business.schema.js';
import type { Role } from '#shared/roles.js';
import { Badge } from '#web/components/ui/badge.js';
import { Button } from '#web/components/ui/button.js';
import { memberAccess } from './member-access.js';

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
  const { t } = useTranslation('workspaces');
  return (
    <tr>
      <td>
        <div className="member-name">
          {member.name} {access.isMe && <Badge tone="accent">{t('members.you')}</Badge>}
        </div>
        <div className="muted member-email">{member.email}</div>
      </td>
      <td>
        {access.canChangeRole ? (
          <select
            className="input input--select input--compact"
            aria-label={t('members.roleOf', { name: member.name })}
            value={member.role}
            disabled={changingRole}
            onChange={(event) => onChangeRole(event.target.value as Role)}
          >
            {access.assignableRoles.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}.label`)}
              </option>
            ))}
          </select>
        ) : (
          <Badge>{t(`roles.${member.role}.label`)}</Badge>
        )}
      </td>
      <td className="cell-actions">
        {access.canRemove && (
          <Button
            size="sm"
            variant="ghost"
            onClick={onRemove}
            aria-label={t('members.removeLabel', { name: member.name })}
          >
            {t('members.remove')}
          </Button>
        )}
        {access.canLeave && (
          <Button size="sm" variant="ghost" onClick={onRemove}>
            {t('members.leave')}
          </Button>
        )}
      </td>
    </tr>
  );
}
