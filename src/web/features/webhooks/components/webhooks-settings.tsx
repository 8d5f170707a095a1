import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('webhooks');
  if (!can(business.role, 'webhooks.read')) {
    return <Banner>{t('settings.readOnly')}</Banner>;
  }
  return <ManageWebhooks businessId={business.id} canManage={can(business.role, 'webhooks.manage')} />;
}

function ManageWebhooks({ businessId, canManage }: { businessId: string; canManage: boolean }) {
  const create = useCreateWebhook(businessId);
  const toast = useToast();
  const [secret, setSecret] = useState<string>();
  const { t } = useTranslation('webhooks');

  return (
    <>
      {canManage && (
        <Card title={t('settings.addTitle')} description={t('settings.addDescription')}>
          <WebhookForm
            submitLabel={t('settings.add')}
            onSubmit={async (values) => {
              const created = await create.mutateAsync({ ...values, business_id: businessId });
              toast(t('settings.added'));
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
        title={t('settings.secretTitle')}
        label={t('settings.secretLabel')}
        lostHint={t('settings.secretLostHint')}
      />
    </>
  );
}
