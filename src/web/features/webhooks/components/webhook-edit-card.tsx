import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Webhook } from '#shared/webhook.schema.js';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import { ConfirmDialog } from '#web/components/ui/confirm-dialog.js';
import { SecretDialog } from '#web/components/ui/secret-dialog.js';
import { useToast } from '#web/components/ui/toast.js';
import { describeError } from '#web/lib/error-messages.js';
import { useRotateWebhookSecret } from '../api/rotate-webhook-secret.js';
import { useUpdateWebhook } from '../api/update-webhook.js';
import { WebhookForm } from './webhook-form.js';

/** Change a webhook's address, description and events, and issue a new signing secret. */
export function WebhookEditCard({ webhook, businessId }: { webhook: Webhook; businessId: string }) {
  const update = useUpdateWebhook(businessId);
  const rotate = useRotateWebhookSecret();
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  const [secret, setSecret] = useState<string>();
  const { t } = useTranslation('webhooks');

  return (
    <Card
      title={t('edit.title')}
      actions={
        <Button size="sm" variant="ghost" onClick={() => setConfirming(true)}>
          {t('edit.rotate')}
        </Button>
      }
    >
      <WebhookForm
        initial={webhook}
        submitLabel={t('edit.save')}
        onSubmit={async (values) => {
          await update.mutateAsync({ id: webhook.id, body: values });
          toast(t('edit.saved'));
          return 'keep';
        }}
      />
      <ConfirmDialog
        open={confirming}
        onCancel={() => {
          rotate.reset();
          setConfirming(false);
        }}
        onConfirm={() =>
          rotate.mutate(webhook.id, {
            onSuccess: (rotated) => {
              setConfirming(false);
              setSecret(rotated.secret);
            },
          })
        }
        title={t('edit.rotateTitle')}
        description={t('edit.rotateDescription')}
        confirmLabel={t('edit.rotate')}
        tone="danger"
        pending={rotate.isPending}
        error={rotate.error ? describeError(rotate.error) : undefined}
      />
      <SecretDialog
        secret={secret}
        onClose={() => setSecret(undefined)}
        title={t('edit.secretTitle')}
        label={t('edit.secretLabel')}
        lostHint={t('edit.secretLostHint')}
      />
    </Card>
  );
}
