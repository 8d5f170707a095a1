import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Business } from '#shared/business.schema.js';
import type { Connector } from '#shared/connector.schema.js';
import { can } from '#shared/roles.js';
import { Banner } from '#web/components/ui/banner.js';
import { Card } from '#web/components/ui/card.js';
import { ConfirmDialog } from '#web/components/ui/confirm-dialog.js';
import { EmptyState } from '#web/components/ui/empty-state.js';
import { SecretDialog } from '#web/components/ui/secret-dialog.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { useToast } from '#web/components/ui/toast.js';
import { describeError } from '#web/lib/error-messages.js';
import { useCreateConnector } from '../api/create-connector.js';
import { useDeleteConnector } from '../api/delete-connector.js';
import { useConnectors } from '../api/get-connectors.js';
import { ConnectorForm } from './connector-form.js';
import { ConnectorItem } from './connector-item.js';
import './publishing.css';

/** Settings → Publishing: where scheduled items go at their time. */
export function PublishingSettings({ business }: { business: Business }) {
  const { t } = useTranslation('publishing');
  if (!can(business.role, 'connectors.manage')) {
    return <Banner>{t('settings.readOnly')}</Banner>;
  }
  return <ManageConnectors businessId={business.id} />;
}

function ManageConnectors({ businessId }: { businessId: string }) {
  const connectors = useConnectors(businessId);
  const create = useCreateConnector(businessId);
  const remove = useDeleteConnector(businessId);
  const toast = useToast();
  const [secret, setSecret] = useState<{ title: string; value: string }>();
  const [deleting, setDeleting] = useState<Connector>();
  const { t } = useTranslation('publishing');

  return (
    <>
      <Card title={t('settings.addTitle')} description={t('settings.addDescription')}>
        <ConnectorForm
          onSubmit={async ({ name, url, channels }) => {
            const created = await create.mutateAsync({
              business_id: businessId,
              kind: 'webhook',
              name,
              settings: { url },
              channels,
            });
            const added = t('settings.added', { name: created.connector.name });
            toast(added);
            if (created.secret) setSecret({ title: added, value: created.secret });
          }}
        />
      </Card>
      <Card title={t('settings.title')}>
        {connectors.isPending && <Spinner label={t('settings.loading')} />}
        {connectors.isError && <Banner tone="danger">{describeError(connectors.error)}</Banner>}
        {connectors.data?.length === 0 && (
          <EmptyState title={t('settings.emptyTitle')}>{t('settings.emptyText')}</EmptyState>
        )}
        {connectors.data && connectors.data.length > 0 && (
          <ul className="connector-list" aria-label={t('settings.list')}>
            {connectors.data.map((connector) => (
              <ConnectorItem
                key={connector.id}
                connector={connector}
                businessId={businessId}
                onSecret={(value) =>
                  setSecret({ title: t('settings.newSecret', { name: connector.name }), value })
                }
                onDelete={() => setDeleting(connector)}
              />
            ))}
          </ul>
        )}
      </Card>
      <SecretDialog
        secret={secret?.value}
        onClose={() => setSecret(undefined)}
        title={secret?.title ?? ''}
        label={t('settings.secretLabel')}
        lostHint={t('settings.secretLostHint')}
      />
      <ConfirmDialog
        open={deleting !== undefined}
        onCancel={() => {
          remove.reset();
          setDeleting(undefined);
        }}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              toast(t('settings.deleted', { name: deleting.name }));
              setDeleting(undefined);
            },
          })
        }
        title={t('settings.deleteTitle', { name: deleting?.name ?? '' })}
        description={t('settings.deleteDescription')}
        confirmLabel={t('settings.deleteConfirm')}
        tone="danger"
        pending={remove.isPending}
        error={remove.error ? describeError(remove.error) : undefined}
      />
    </>
  );
}
