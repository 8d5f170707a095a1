import { useState } from 'react';
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
  if (!can(business.role, 'connectors.manage')) {
    return <Banner>Only owners and admins can see and manage publishing connectors.</Banner>;
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

  return (
    <>
      <Card
        title="Add a connector"
        description="At its scheduled time, each approved item is POSTed as signed JSON to the connector for its channel; Zapier, Make, n8n or your own code post it to the network."
      >
        <ConnectorForm
          onSubmit={async ({ name, url, channels }) => {
            const created = await create.mutateAsync({
              business_id: businessId,
              kind: 'webhook',
              name,
              settings: { url },
              channels,
            });
            toast(`Connector “${created.connector.name}” added`);
            if (created.secret)
              setSecret({ title: `Connector “${created.connector.name}” added`, value: created.secret });
          }}
        />
      </Card>
      <Card title="Connectors">
        {connectors.isPending && <Spinner label="Loading connectors" />}
        {connectors.isError && <Banner tone="danger">{describeError(connectors.error)}</Banner>}
        {connectors.data?.length === 0 && (
          <EmptyState title="No connector yet">
            Scheduled items fail at their time with “no connector” until one publishes their channel.
          </EmptyState>
        )}
        {connectors.data && connectors.data.length > 0 && (
          <ul className="connector-list" aria-label="Connectors">
            {connectors.data.map((connector) => (
              <ConnectorItem
                key={connector.id}
                connector={connector}
                businessId={businessId}
                onSecret={(value) => setSecret({ title: `New secret for “${connector.name}”`, value })}
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
        label="Signing secret"
        lostHint="If you lose it, rotate the secret."
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
              toast(`Connector “${deleting.name}” deleted`);
              setDeleting(undefined);
            },
          })
        }
        title={`Delete “${deleting?.name ?? ''}”?`}
        description="Items scheduled for its channels fail at their time unless another connector publishes them."
        confirmLabel="Delete connector"
        tone="danger"
        pending={remove.isPending}
        error={remove.error ? describeError(remove.error) : undefined}
      />
    </>
  );
}
