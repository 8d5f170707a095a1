import { useState } from 'react';
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
  const [confirming, setConfirming] = useState(false);
  const manager = can(business.role, 'ai.manage');
  const settings = provider.data;

  return (
    <Card
      title="AI provider"
      description="Which model writes for this workspace. Calls and costs are recorded whichever it is."
      actions={
        manager && settings?.source === 'workspace' ? (
          <Button variant="ghost" onClick={() => setConfirming(true)}>
            Use the server default
          </Button>
        ) : undefined
      }
    >
      {provider.isPending && <Spinner label="Loading the AI provider" />}
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
            <p className="muted">Only owners and admins can change the AI provider.</p>
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
              toast('This workspace now uses the server default');
              setConfirming(false);
            },
          })
        }
        title="Use the server default?"
        description="This workspace's endpoint, model and stored key are forgotten. Calls go to the server's provider, or to the offline writer if the server has none."
        confirmLabel="Use the server default"
        pending={removeProvider.isPending}
        error={removeProvider.error ? describeError(removeProvider.error) : undefined}
      />
    </Card>
  );
}
