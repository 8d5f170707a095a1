import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Business } from '#shared/business.schema.js';
import type { ConnectNetworkAccountBody, NetworkAccount } from '#shared/network.schema.js';
import { can } from '#shared/roles.js';
import { Banner } from '#web/components/ui/banner.js';
import { Card } from '#web/components/ui/card.js';
import { ConfirmDialog } from '#web/components/ui/confirm-dialog.js';
import { EmptyState } from '#web/components/ui/empty-state.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { useToast } from '#web/components/ui/toast.js';
import { describeError } from '#web/lib/error-messages.js';
import { useConnectNetworkAccount } from '../api/connect-network-account.js';
import { useDisconnectNetworkAccount } from '../api/disconnect-network-account.js';
import { useNetworkAccounts } from '../api/get-network-accounts.js';
import { useOAuthNetworks } from '../api/oauth.js';
import { NETWORK_NAMES } from './channels-format.js';
import { credentialNetworks } from './credential-networks.js';
import { CredentialsForm } from './credentials-form.js';
import { NetworkAccountItem } from './network-account-item.js';
import { OAuthNetworkCard } from './oauth-network-card.js';
import { OAuthOutcome } from './oauth-outcome.js';
import './channels.css';

/** Settings → Channels: the workspace's own accounts on the networks, published through natively. */
export function ChannelsSettings({
  business,
  go,
}: {
  business: Business;
  /** Test seam: where the browser goes for a network's consent page. */
  go?: (url: string) => void;
}) {
  const { t } = useTranslation('channels');
  if (!can(business.role, 'connectors.manage')) {
    return <Banner>{t('settings.onlyManagers')}</Banner>;
  }
  return <ManageAccounts businessId={business.id} {...(go ? { go } : {})} />;
}

function ManageAccounts({ businessId, go }: { businessId: string; go?: (url: string) => void }) {
  const accounts = useNetworkAccounts(businessId);
  const oauthNetworks = useOAuthNetworks(businessId);
  const oauthIds = new Set(oauthNetworks.data?.map((network) => network.network) ?? []);
  const connect = useConnectNetworkAccount(businessId);
  const remove = useDisconnectNetworkAccount(businessId);
  const toast = useToast();
  const { t } = useTranslation('channels');
  const [disconnecting, setDisconnecting] = useState<NetworkAccount>();

  return (
    <>
      <OAuthOutcome businessId={businessId} />
      <Card title={t('settings.connectedTitle')} description={t('settings.connectedDescription')}>
        {accounts.isPending && <Spinner label={t('settings.loading')} />}
        {accounts.isError && <Banner tone="danger">{describeError(accounts.error)}</Banner>}
        {accounts.data?.length === 0 && (
          <EmptyState title={t('settings.emptyTitle')}>{t('settings.emptyText')}</EmptyState>
        )}
        {accounts.data && accounts.data.length > 0 && (
          <ul className="network-account-list" aria-label={t('settings.connectedTitle')}>
            {accounts.data.map((account) => (
              <NetworkAccountItem
                key={account.id}
                account={account}
                businessId={businessId}
                oauth={oauthIds.has(account.network)}
                {...(go ? { go } : {})}
                onDisconnect={() => setDisconnecting(account)}
              />
            ))}
          </ul>
        )}
      </Card>
      {oauthNetworks.isError && <Banner tone="danger">{describeError(oauthNetworks.error)}</Banner>}
      {oauthNetworks.data?.map((network) => (
        <OAuthNetworkCard
          key={network.network}
          businessId={businessId}
          network={network}
          {...(go ? { go } : {})}
        />
      ))}
      {credentialNetworks(t).map((spec) => (
        <Card
          key={spec.network}
          title={t('settings.connect', { network: NETWORK_NAMES[spec.network] })}
          description={spec.description}
        >
          <CredentialsForm
            spec={spec}
            submitLabel={t('settings.connect', { network: NETWORK_NAMES[spec.network] })}
            onSubmit={async (credentials) => {
              const account = await connect.mutateAsync({
                business_id: businessId,
                network: spec.network,
                credentials,
              } as ConnectNetworkAccountBody);
              toast(t('settings.connected', { account: account.handle }));
            }}
          />
        </Card>
      ))}
      <ConfirmDialog
        open={disconnecting !== undefined}
        onCancel={() => {
          remove.reset();
          setDisconnecting(undefined);
        }}
        onConfirm={() =>
          disconnecting &&
          remove.mutate(disconnecting.id, {
            onSuccess: () => {
              toast(t('settings.disconnected', { account: disconnecting.handle }));
              setDisconnecting(undefined);
            },
          })
        }
        title={t('settings.disconnectTitle', { account: disconnecting?.handle ?? '' })}
        description={t('settings.disconnectDescription')}
        confirmLabel={t('settings.disconnect')}
        tone="danger"
        pending={remove.isPending}
        error={remove.error ? describeError(remove.error) : undefined}
      />
    </>
  );
}
