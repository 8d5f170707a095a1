import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Business } from '#shared/business.schema.js';
import { can } from '#shared/roles.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import { ConfirmDialog } from '#web/components/ui/confirm-dialog.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { useToast } from '#web/components/ui/toast.js';
import { describeError } from '#web/lib/error-messages.js';
import { useDeleteAiProvider } from '../api/delete-ai-provider.js';
import { useAiProvider } from '../api/get-ai-provider.js';
import { ConnectionTest } from './connection-test.js';
import { ProviderForm } from './provider-form.js';
import { ProviderSource } from './provider-source.js';

/** Where the workspace's AI calls go, and (for owners and admins) the form to change it. */
export function ProviderCard({ business }: { business: Business }) {
  const provider = useAiProvider(business.id);
  const removeProvider = useDeleteAiProvider(business.id);
  const toast = useToast();
  const { t } = useTranslation('ai');
  const [confirming, setConfirming] = useState(false);
  const manager = can(business.role, 'ai.manage');
  const settings = provider.data;

  return (
    <Card
      title={t('provider.title')}
      description={t('provider.description')}
      actions={
        manager && settings?.source === 'workspace' ? (
          <Button variant="ghost" onClick={() => setConfirming(true)}>
            {t('provider.useDefault')}
          </Button>
        ) : undefined
      }
    >
      {provider.isPending && <Spinner label={t('provider.loading')} />}
      {provider.isError && <Banner tone="danger">{describeError(provider.error)}</Banner>}
      {settings && (
        <div className="stack">
          <ProviderSource settings={settings} />
          {manager && settings.source !== 'offline' && (
            <ConnectionTest key={settings.updated_at ?? settings.source} businessId={business.id} />
          )}
          {manager ? (
            <ProviderForm
              key={settings.updated_at ?? settings.source}
              businessId={business.id}
              settings={settings}
            />
          ) : (
            <p className="muted">{t('provider.managersOnly')}</p>
          )}
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        onCancel={() => {
          removeProvider.reset();
          setConfirming(false);
        }}
        onConfirm={() =>
          removeProvider.mutate(undefined, {
            onSuccess: () => {
              toast(t('provider.usingDefault'));
              setConfirming(false);
            },
          })
        }
        title={t('provider.confirmTitle')}
        description={t('provider.confirmDescription')}
        confirmLabel={t('provider.useDefault')}
        pending={removeProvider.isPending}
        error={removeProvider.error ? describeError(removeProvider.error) : undefined}
      />
    </Card>
  );
}
