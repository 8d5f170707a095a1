import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type NetworkAccount, type ReconnectNetworkAccountBody, readsBack } from '#shared/network.schema.js';
import { Badge } from '#web/components/ui/badge.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Dialog } from '#web/components/ui/dialog.js';
import { useToast } from '#web/components/ui/toast.js';
import { describeError } from '#web/lib/error-messages.js';
import { failureReasonText } from '#web/lib/failure-reason.js';
import { formatDateTime } from '#web/lib/format-date.js';
import { useStartOAuth } from '../api/oauth.js';
import { useReconnectNetworkAccount } from '../api/reconnect-network-account.js';
import { useSyncNetworkAccount } from '../api/sync-network-account.js';
import { AccountAvatar } from './account-avatar.js';
import { describeSync, describeTokenExpiry, instanceHost, NETWORK_NAMES } from './channels-format.js';
import { credentialNetwork, isCredentialNetwork } from './credential-networks.js';
import { CredentialsForm } from './credentials-form.js';
import './channels.css';

interface NetworkAccountItemProps {
  account: NetworkAccount;
  businessId: string;
  /**
   * Connected through OAuth: reconnecting runs the flow again (the same remote account must sign in).
   * A network without a credentials form reconnects through the flow whatever this says (the list of OAuth
   * networks it comes from may still be loading, or have failed).
   */
  oauth?: boolean;
  /** Test seam: where the browser goes for the network's consent page. */
  go?: (url: string) => void;
  onDisconnect: () => void;
}

/** One connected account: who it is, where, whether its token works, with sync, reconnect and disconnect. */
export function NetworkAccountItem({
  account,
  businessId,
  oauth = false,
  go,
  onDisconnect,
}: NetworkAccountItemProps) {
  const sync = useSyncNetworkAccount(businessId);
  const startOAuth = useStartOAuth(businessId, go);
  const toast = useToast();
  const { t } = useTranslation('channels');
  const { t: common } = useTranslation();
  const [reconnecting, setReconnecting] = useState(false);
  const network = NETWORK_NAMES[account.network];
  const name = account.display_name || account.handle;
  const needsReconnect = account.status === 'needs_reconnect';
  const viaOAuth = oauth || !isCredentialNetwork(account.network);

  const syncNow = () =>
    sync.mutate(account.id, {
      onSuccess: (result) => toast(describeSync(result, account.handle, t)),
      onError: (error) => toast(describeError(error), 'danger'),
    });

  return (
    <li className="network-account">
      <div className="network-account__head">
        <AccountAvatar
          businessId={businessId}
          src={account.avatar_src}
          name={name}
          className="network-account__avatar"
        />
        <div className="network-account__main">
          <div className="row">
            <span className="network-account__name">{name}</span>
            <Badge>{network}</Badge>
            {needsReconnect ? (
              <Badge tone="warning">{t('account.needsReconnect')}</Badge>
            ) : (
              <Badge tone="success">{t('account.connected')}</Badge>
            )}
          </div>
          {account.profile_url ? (
            <a
              href={account.profile_url}
              target="_blank"
              rel="noreferrer"
              className="network-account__handle"
            >
              {account.handle}
            </a>
          ) : (
            <span className="network-account__handle">{account.handle}</span>
          )}
          <span className="muted">
            {[
              account.base_url && t('account.on', { host: instanceHost(account.base_url) }),
              describeTokenExpiry(account, new Date(), t),
              !readsBack(account.network) && t('account.publishesOnly'),
              t('account.lastChecked', { date: formatDateTime(account.checked_at) }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </span>
          {account.scopes.length > 0 && (
            <span className="muted network-account__scopes">
              {t('account.scopes', { scopes: account.scopes.join(', ') })}
            </span>
          )}
        </div>
        <div className="network-account__actions">
          {readsBack(account.network) && (
            <Button
              size="sm"
              loading={sync.isPending}
              disabled={needsReconnect}
              onClick={syncNow}
              aria-label={t('account.syncLabel', { account: account.handle })}
            >
              {t('account.sync')}
            </Button>
          )}
          <Button
            size="sm"
            variant={needsReconnect ? 'primary' : 'ghost'}
            loading={startOAuth.isPending}
            onClick={() =>
              viaOAuth
                ? startOAuth.mutate(
                    { network: account.network, accountId: account.id },
                    { onError: (error) => toast(describeError(error), 'danger') },
                  )
                : setReconnecting(true)
            }
            aria-label={t('account.reconnectLabel', { account: account.handle })}
          >
            {t('account.reconnect')}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={onDisconnect}
            aria-label={t('account.disconnectLabel', { account: account.handle })}
          >
            {t('account.disconnect')}
          </Button>
        </div>
      </div>
      {needsReconnect && (
        <Banner tone="warning" title={t('account.notPublished')}>
          {account.last_error
            ? failureReasonText(account.last_error, common)
            : t('account.tokenRefused', { network })}
        </Banner>
      )}
      {sync.data && sync.data.problems.length > 0 && (
        <Banner tone="warning" title={t('account.syncProblems')}>
          <ul>
            {sync.data.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </Banner>
      )}
      {!viaOAuth && (
        <ReconnectDialog
          account={account}
          businessId={businessId}
          open={reconnecting}
          onClose={() => setReconnecting(false)}
        />
      )}
    </li>
  );
}

interface ReconnectDialogProps {
  account: NetworkAccount;
  businessId: string;
  open: boolean;
  onClose: () => void;
}

/** New credentials for the same account; the form starts empty each time the dialog opens. */
function ReconnectDialog({ account, businessId, open, onClose }: ReconnectDialogProps) {
  const reconnect = useReconnectNetworkAccount(businessId);
  const toast = useToast();
  const { t } = useTranslation('channels');
  const save = async (credentials: ReconnectNetworkAccountBody['credentials']) => {
    const saved = await reconnect.mutateAsync({ id: account.id, body: { credentials } });
    toast(t('account.reconnected', { account: saved.handle }));
    onClose();
  };
  const spec = credentialNetwork(account.network, t);
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('account.reconnectTitle', { account: account.handle })}
      description={spec?.reconnectDescription}
    >
      {open && spec && (
        <CredentialsForm
          spec={spec}
          account={account}
          submitLabel={t('account.reconnect')}
          onCancel={onClose}
          onSubmit={save}
        />
      )}
    </Dialog>
  );
}
