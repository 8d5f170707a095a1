import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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

/** Keys that let integrations call the API as a member of this workspace. */
export function ApiKeysCard({ business }: { business: Business }) {
  const { t } = useTranslation('workspaces');
  const allowed = can(business.role, 'api_keys.manage');
  if (!allowed) {
    return <Banner>{t('apiKeys.onlyManagers')}</Banner>;
  }
  return <ManageApiKeys businessId={business.id} />;
}

function ManageApiKeys({ businessId }: { businessId: string }) {
  const keys = useApiKeys(businessId);
  const revoke = useRevokeApiKey(businessId);
  const toast = useToast();
  const { t } = useTranslation('workspaces');
  const [created, setCreated] = useState<CreatedApiKey>();
  const [revoking, setRevoking] = useState<ApiKey>();

  return (
    <>
      <Card
        title={t('apiKeys.createTitle')}
        description={
          // biome-ignore lint/a11y/useAnchorContent: Trans fills the link with its words ("API documentation")
          <Trans t={t} i18nKey="apiKeys.createDescription" components={{ docs: <a href="/docs" /> }} />
        }
      >
        <CreateApiKeyForm businessId={businessId} onCreated={setCreated} />
      </Card>
      <Card title={t('apiKeys.title')}>
        {keys.isPending && <Spinner label={t('apiKeys.loading')} />}
        {keys.isError && <Banner tone="danger">{describeError(keys.error)}</Banner>}
        {keys.data?.length === 0 && (
          <EmptyState title={t('apiKeys.emptyTitle')}>{t('apiKeys.emptyText')}</EmptyState>
        )}
        {keys.data && keys.data.length > 0 && (
          <Table
            caption={t('apiKeys.title')}
            head={
              <tr>
                <th scope="col">{t('apiKeys.name')}</th>
                <th scope="col">{t('apiKeys.key')}</th>
                <th scope="col">{t('apiKeys.role')}</th>
                <th scope="col">{t('apiKeys.created')}</th>
                <th scope="col">{t('apiKeys.lastUsed')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('apiKeys.actions')}</span>
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
                <td>{t(`roles.${key.role}.label`)}</td>
                <td>{formatDate(key.created_at)}</td>
                <td>
                  {key.last_used_at ? (
                    formatDateTime(key.last_used_at)
                  ) : (
                    <span className="muted">{t('apiKeys.never')}</span>
                  )}
                </td>
                <td className="cell-actions">
                  {key.revoked_at ? (
                    <Badge tone="danger">{t('apiKeys.revoked')}</Badge>
                  ) : (
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => setRevoking(key)}
                      aria-label={t('apiKeys.revokeLabel', { name: key.name })}
                    >
                      {t('apiKeys.revoke')}
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
              toast(t('apiKeys.revokedToast', { name: revoking.name }));
              setRevoking(undefined);
            },
          })
        }
        title={t('apiKeys.confirmTitle', { name: revoking?.name ?? '' })}
        description={t('apiKeys.confirmDescription')}
        confirmLabel={t('apiKeys.confirmLabel')}
        tone="danger"
        pending={revoke.isPending}
        error={revoke.error ? describeError(revoke.error) : undefined}
      />
    </>
  );
}
