import { useState } from 'react';
import type { Business, Member } from '#shared/business.schema.js';
import { can, type Role } from '#shared/roles.js';
import { Banner } from '#web/components/ui/banner.js';
import { Card } from '#web/components/ui/card.js';
import { ConfirmDialog } from '#web/components/ui/confirm-dialog.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { Table } from '#web/components/ui/table.js';
import { useToast } from '#web/components/ui/toast.js';
import { describeError } from '#web/lib/error-messages.js';
import { useChangeMemberRole } from '../api/change-member-role.js';
import { useMembers } from '../api/get-members.js';
import { useRemoveMember } from '../api/remove-member.js';
import { InvitationsCard } from './invitations-card.js';
import { InviteMemberForm } from './invite-member-form.js';
import { MemberRow } from './member-row.js';
import { ROLE_LABELS } from './role-labels.js';
import './settings.css';

interface MembersCardProps {
  business: Business;
  myUserId: string;
  /** Called after I leave the workspace, which I can then no longer see. */
  onLeft: () => void;
}

/** The team: invite, change roles, remove, leave. */
export function MembersCard({ business, myUserId, onLeft }: MembersCardProps) {
  const members = useMembers(business.id);
  const changeRole = useChangeMemberRole(business.id);
  const removeMember = useRemoveMember(business.id);
  const toast = useToast();
  const [removing, setRemoving] = useState<Member>();
  const leaving = removing?.user_id === myUserId;
  const ownerCount = members.data?.filter((member) => member.role === 'owner').length ?? 0;

  const onChangeRole = (member: Member, role: Role) =>
    changeRole.mutate(
      { userId: member.user_id, role },
      {
        onSuccess: () => toast(`${member.name} is now ${ROLE_LABELS[role].label.toLowerCase()}`),
        onError: (error) => toast(describeError(error), 'danger'),
      },
    );

  const confirmRemoval = () => {
    if (!removing) return;
    removeMember.mutate(removing.user_id, {
      onSuccess: () => {
        setRemoving(undefined);
        if (leaving) onLeft();
        else toast(`${removing.name} was removed`);
      },
    });
  };

  return (
    <>
      {can(business.role, 'members.manage') && (
        <>
          <Card
            title="Invite a member"
            description="Someone with an account joins at once; anyone else gets an email to sign up (the link works for 7 days)."
          >
            <InviteMemberForm businessId={business.id} myRole={business.role} />
          </Card>
          <InvitationsCard businessId={business.id} />
        </>
      )}
      <Card title="Members" description="Everyone who can access this workspace.">
        {members.isPending && <Spinner label="Loading members" />}
        {members.isError && <Banner tone="danger">{describeError(members.error)}</Banner>}
        {members.data && (
          <Table
            caption="Workspace members"
            head={
              <tr>
                <th scope="col">Member</th>
                <th scope="col">Role</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            }
          >
            {members.data.map((member) => (
              <MemberRow
                key={member.user_id}
                member={member}
                myRole={business.role}
                myUserId={myUserId}
                ownerCount={ownerCount}
                changingRole={changeRole.isPending && changeRole.variables?.userId === member.user_id}
                onChangeRole={(role) => onChangeRole(member, role)}
                onRemove={() => setRemoving(member)}
              />
            ))}
          </Table>
        )}
      </Card>
      <ConfirmDialog
        open={removing !== undefined}
        onCancel={() => {
          removeMember.reset();
          setRemoving(undefined);
        }}
        onConfirm={confirmRemoval}
        title={leaving ? `Leave ${business.name}?` : `Remove ${removing?.name ?? ''}?`}
        description={
          leaving
            ? 'You will lose access to this workspace until someone invites you again.'
            : 'They will lose access to this workspace at once. You can invite them again later.'
        }
        confirmLabel={leaving ? 'Leave workspace' : 'Remove member'}
        tone="danger"
        pending={removeMember.isPending}
        error={removeMember.error ? describeError(removeMember.error) : undefined}
      />
    </>
  );
}
