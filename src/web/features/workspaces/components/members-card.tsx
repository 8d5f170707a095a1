import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('workspaces');
  const [removing, setRemoving] = useState<Member>();
  const leaving = removing?.user_id === myUserId;
  const ownerCount = members.data?.filter((member) => member.role === 'owner').length ?? 0;

  const onChangeRole = (member: Member, role: Role) =>
    changeRole.mutate(
      { userId: member.user_id, role },
      {
        onSuccess: () =>
          toast(t('members.nowRole', { name: member.name, role: t(`roles.${role}.inSentence`) })),
        onError: (error) => toast(describeError(error), 'danger'),
      },
    );

  const confirmRemoval = () => {
    if (!removing) return;
    removeMember.mutate(removing.user_id, {
      onSuccess: () => {
        setRemoving(undefined);
        if (leaving) onLeft();
        else toast(t('members.removed', { name: removing.name }));
      },
    });
  };

  return (
    <>
      {can(business.role, 'members.manage') && (
        <>
          <Card title={t('members.inviteTitle')} description={t('members.inviteDescription')}>
            <InviteMemberForm businessId={business.id} myRole={business.role} />
          </Card>
          <InvitationsCard businessId={business.id} />
        </>
      )}
      <Card title={t('members.title')} description={t('members.description')}>
        {members.isPending && <Spinner label={t('members.loading')} />}
        {members.isError && <Banner tone="danger">{describeError(members.error)}</Banner>}
        {members.data && (
          <Table
            caption={t('members.caption')}
            head={
              <tr>
                <th scope="col">{t('members.member')}</th>
                <th scope="col">{t('members.role')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('members.actions')}</span>
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
        title={
          leaving
            ? t('members.leaveTitle', { workspace: business.name })
            : t('members.removeTitle', { name: removing?.name ?? '' })
        }
        description={leaving ? t('members.leaveDescription') : t('members.removeDescription')}
        confirmLabel={leaving ? t('members.leave') : t('members.removeMember')}
        tone="danger"
        pending={removeMember.isPending}
        error={removeMember.error ? describeError(removeMember.error) : undefined}
      />
    </>
  );
}
