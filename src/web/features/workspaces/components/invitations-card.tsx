import type { Invitation } from '#shared/business.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { Table } from '#web/components/ui/table.js';
import { useToast } from '#web/components/ui/toast.js';
import { describeError } from '#web/lib/error-messages.js';
import { formatDate } from '#web/lib/format-date.js';
import { useInvitations, useResendInvitation, useRevokeInvitation } from '../api/invitations.js';
import { ROLE_LABELS } from './role-labels.js';

/** Pending invitations to addresses without an account: resend the link, or revoke it. */
export function InvitationsCard({ businessId }: { businessId: string }) {
  const invitations = useInvitations(businessId);
  const resend = useResendInvitation(businessId);
  const revoke = useRevokeInvitation(businessId);
  const toast = useToast();
  const act = (invitation: Invitation, kind: 'resend' | 'revoke') =>
    (kind === 'resend' ? resend : revoke).mutate(invitation.id, {
      onSuccess: () =>
        toast(
          kind === 'resend'
            ? `A new link is on its way to ${invitation.email}`
            : `The invitation to ${invitation.email} was revoked`,
        ),
      onError: (error) => toast(describeError(error), 'danger'),
    });

  if (invitations.data?.length === 0) return null;
  return (
    <Card title="Pending invitations" description="People invited by email who have not signed up yet.">
      {invitations.isPending && <Spinner label="Loading invitations" />}
      {invitations.isError && <Banner tone="danger">{describeError(invitations.error)}</Banner>}
      {invitations.data && (
        <Table
          caption="Pending invitations"
          head={
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Link</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          }
        >
          {invitations.data.map((invitation) => (
            <tr key={invitation.id}>
              <td>{invitation.email}</td>
              <td>{ROLE_LABELS[invitation.role].label}</td>
              <td>{invitation.expired ? 'Expired' : `Works until ${formatDate(invitation.expires_at)}`}</td>
              <td className="cell-actions">
                <Button size="sm" onClick={() => act(invitation, 'resend')}>
                  Resend<span className="visually-hidden"> to {invitation.email}</span>
                </Button>
                <Button size="sm" variant="danger" onClick={() => act(invitation, 'revoke')}>
                  Revoke<span className="visually-hidden"> the invitation to {invitation.email}</span>
                </Button>
              </td>
            </tr>
          ))}
        </Table>
      )}
    </Card>
  );
}
