import { Trans, useTranslation } from 'react-i18next';
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

/** Pending invitations to addresses without an account: resend the link, or revoke it. */
export function InvitationsCard({ businessId }: { businessId: string }) {
  const invitations = useInvitations(businessId);
  const resend = useResendInvitation(businessId);
  const revoke = useRevokeInvitation(businessId);
  const toast = useToast();
  const { t } = useTranslation('workspaces');
  const act = (invitation: Invitation, kind: 'resend' | 'revoke') =>
    (kind === 'resend' ? resend : revoke).mutate(invitation.id, {
      onSuccess: () =>
        toast(
          kind === 'resend'
            ? t('invitations.resent', { email: invitation.email })
            : t('invitations.revoked', { email: invitation.email }),
        ),
      onError: (error) => toast(describeError(error), 'danger'),
    });

  if (invitations.data?.length === 0) return null;
  return (
    <Card title={t('invitations.title')} description={t('invitations.description')}>
      {invitations.isPending && <Spinner label={t('invitations.loading')} />}
      {invitations.isError && <Banner tone="danger">{describeError(invitations.error)}</Banner>}
      {invitations.data && (
        <Table
          caption={t('invitations.title')}
          head={
            <tr>
              <th scope="col">{t('invitations.email')}</th>
              <th scope="col">{t('invitations.role')}</th>
              <th scope="col">{t('invitations.link')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('invitations.actions')}</span>
              </th>
            </tr>
          }
        >
          {invitations.data.map((invitation) => (
            <tr key={invitation.id}>
              <td>{invitation.email}</td>
              <td>{t(`roles.${invitation.role}.label`)}</td>
              <td>
                {invitation.expired
                  ? t('invitations.expired')
                  : t('invitations.worksUntil', { date: formatDate(invitation.expires_at) })}
              </td>
              <td className="cell-actions">
                <Button size="sm" onClick={() => act(invitation, 'resend')}>
                  <Trans
                    t={t}
                    i18nKey="invitations.resend"
                    values={{ email: invitation.email }}
                    components={{ hidden: <span className="visually-hidden" /> }}
                  />
                </Button>
                <Button size="sm" variant="danger" onClick={() => act(invitation, 'revoke')}>
                  <Trans
                    t={t}
                    i18nKey="invitations.revoke"
                    values={{ email: invitation.email }}
                    components={{ hidden: <span className="visually-hidden" /> }}
                  />
                </Button>
              </td>
            </tr>
          ))}
        </Table>
      )}
    </Card>
  );
}
