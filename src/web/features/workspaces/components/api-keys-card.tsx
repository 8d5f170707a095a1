import { useState } from 'react';
import type { ApiKey, Business, CreatedApiKey } from '#shared/business.schema.js';
import { can } from '#shared/roles.js';
import { Badge } from '#web/components/ui/badge.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import { ConfirmDialog } from '#web/components/ui/confirm-dialog.js';
import { EmptyState } from '#web/components/ui/empty-state.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { Table } from '#web/components/ui/table.js';
import { useToast } from '#web/components/ui/toast.js';
import { describeError } from '#web/lib/error-messages.js';
import { formatDate, formatDateTime } from '#web/lib/format-date.js';
import { useApiKeys } from '../api/get-api-keys.js';
import { useRevokeApiKey } from '../api/revoke-api-key.js';
import { ApiKeySecretDialog } from './api-key-secret-dialog.js';
import { CreateApiKeyForm } from './create-api-key-form.js';
import { ROLE_LABELS } from './role-labels.js';

/** Keys that let integrations call the API as a member of this workspace. */
export function ApiKeysCard({ business }: { business: Business }) {
  const allowed = can(business.role, 'api_keys.manage');
  if (!allowed) {
    return <Banner>Only owners and admins can see and manage API keys.</Banner>;
  }
  return <ManageApiKeys businessId={business.id} />;
}

function ManageApiKeys({ businessId }: { businessId: string }) {
  const keys = useApiKeys(businessId);
  const revoke = useRevokeApiKey(businessId);
  const toast = useToast();
  const [created, setCreated] = useState<CreatedApiKey>();
  const [revoking, setRevoking] = useState<ApiKey>();

  return (
    <>
      <Card
        title="Create an API key"
        description={
          <>
            Keys act as a member with the role you choose. Treat them like passwords. What they can call is in
            the <a href="/docs">API documentation</a>.
          </>
        }
      >
        <CreateApiKeyForm businessId={businessId} onCreated={setCreated} />
      </Card>
      <Card title="API keys">
        {keys.isPending && <Spinner label="Loading API keys" />}
        {keys.isError && <Banner tone="danger">{describeError(keys.error)}</Banner>}
        {keys.data?.length === 0 && (
          <EmptyState title="No API keys yet">Create one above to connect an integration.</EmptyState>
        )}
        {keys.data && keys.data.length > 0 && (
          <Table
            caption="API keys"
            head={
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Key</th>
                <th scope="col">Role</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            }
          >
            {keys.data.map((key) => (
              <tr key={key.id}>
                <td>{key.name}</td>
                <td>
                  <code>{key.prefix}…</code>
                </td>
                <td>{ROLE_LABELS[key.role].label}</td>
                <td>{formatDate(key.created_at)}</td>
                <td>
                  {key.last_used_at ? formatDateTime(key.last_used_at) : <span className="muted">Never</span>}
                </td>
                <td className="cell-actions">
                  {key.revoked_at ? (
                    <Badge tone="danger">Revoked</Badge>
                  ) : (
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => setRevoking(key)}
                      aria-label={`Revoke ${key.name}`}
                    >
                      Revoke
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
      <ApiKeySecretDialog created={created} onClose={() => setCreated(undefined)} />
      <ConfirmDialog
        open={revoking !== undefined}
        onCancel={() => {
          revoke.reset();
          setRevoking(undefined);
        }}
        onConfirm={() =>
          revoking &&
          revoke.mutate(revoking.id, {
            onSuccess: () => {
              toast(`Key “${revoking.name}” revoked`);
              setRevoking(undefined);
            },
          })
        }
        title={`Revoke “${revoking?.name ?? ''}”?`}
        description="Anything using this key stops working at once. This cannot be undone."
        confirmLabel="Revoke key"
        tone="danger"
        pending={revoke.isPending}
        error={revoke.error ? describeError(revoke.error) : undefined}
      />
    </>
  );
}
