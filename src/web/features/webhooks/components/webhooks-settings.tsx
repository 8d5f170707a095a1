import { useState } from 'react';
import type { Business } from '#shared/business.schema.js';
import { can } from '#shared/roles.js';
import { Banner } from '#web/components/ui/banner.js';
import { Card } from '#web/components/ui/card.js';
import { SecretDialog } from '#web/components/ui/secret-dialog.js';
import { useToast } from '#web/components/ui/toast.js';
import { useCreateWebhook } from '../api/create-webhook.js';
import { WebhookForm } from './webhook-form.js';
import { WebhookList } from './webhook-list.js';

/** Settings → Webhooks: register URLs for events, see each one's state and test it. */
export function WebhooksSettings({ business }: { business: Business }) {
  if (!can(business.role, 'webhooks.read')) {
    return <Banner>Only owners and admins can see and manage webhooks: their URLs are often secrets.</Banner>;
  }
  return <ManageWebhooks businessId={business.id} canManage={can(business.role, 'webhooks.manage')} />;
}

function ManageWebhooks({ businessId, canManage }: { businessId: string; canManage: boolean }) {
  const create = useCreateWebhook(businessId);
  const toast = useToast();
  const [secret, setSecret] = useState<string>();

  return (
    <>
      {canManage && (
        <Card
          title="Add a webhook"
          description="Zapier, Make, n8n or your own code receive each event as signed JSON, retried until they answer."
        >
          <WebhookForm
            submitLabel="Add webhook"
            onSubmit={async (values) => {
              const created = await create.mutateAsync({ ...values, business_id: businessId });
              toast('Webhook added');
              setSecret(created.secret);
              return 'reset';
            }}
          />
        </Card>
      )}
      <WebhookList businessId={businessId} canManage={canManage} />
      <SecretDialog
        secret={secret}
        onClose={() => setSecret(undefined)}
        title="Webhook added: its signing secret"
        label="Signing secret"
        lostHint="If you lose it, rotate the secret on the webhook's page."
      />
    </>
  );
}
