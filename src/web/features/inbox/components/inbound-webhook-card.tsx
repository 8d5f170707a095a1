import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '#web/components/ui/badge.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import { ConfirmDialog } from '#web/components/ui/confirm-dialog.js';
import { SecretDialog } from '#web/components/ui/secret-dialog.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { describeError } from '#web/lib/error-messages.js';
import { formatDateTime } from '#web/lib/format-date.js';
import { useInboundSecret, useRotateInboundSecret } from '../api/inbound-secret.js';

/**
 * The workspace's inbound webhook: the URL to post customer messages to and its signing secret, shown
 * once when issued; issuing a new one stops the old one at once.
 */
export function InboundWebhookCard({ businessId }: { businessId: string }) {
  const { t } = useTranslation('inbox');
  const inbound = useInboundSecret(businessId);
  const rotate = useRotateInboundSecret(businessId);
  const [confirming, setConfirming] = useState(false);
  const [secret, setSecret] = useState<string>();
  const configured = inbound.data?.configured ?? false;

  const issue = () =>
    rotate.mutate(undefined, {
      onSuccess: (answer) => {
        setConfirming(false);
        if (answer.secret) setSecret(answer.secret);
      },
    });

  return (
    <Card
      title={t('webhook.title')}
      description={t('webhook.description')}
      actions={
        inbound.data && (
          <Button
            variant={configured ? 'ghost' : 'primary'}
            onClick={() => (configured ? setConfirming(true) : issue())}
            loading={!configured && rotate.isPending}
          >
            {configured ? t('webhook.rotate') : t('webhook.create')}
          </Button>
        )
      }
    >
      {inbound.isPending && <Spinner label={t('webhook.loading')} />}
      {inbound.isError && <Banner tone="danger">{describeError(inbound.error)}</Banner>}
      {!confirming && rotate.isError && <Banner tone="danger">{describeError(rotate.error)}</Banner>}
      {inbound.data && (
        <dl className="details-list">
          <dt>{t('webhook.url')}</dt>
          <dd>
            <code className="inbound-url">{absoluteUrl(inbound.data.url_template)}</code>
          </dd>
          <dt>{t('webhook.secret')}</dt>
          <dd>
            {configured ? (
              <Badge tone="success">{t('webhook.set')}</Badge>
            ) : (
              <Badge>{t('webhook.notSet')}</Badge>
            )}
            {inbound.data.rotated_at && (
              <span className="muted">
                {' '}
                {t('webhook.since', { date: formatDateTime(inbound.data.rotated_at) })}
              </span>
            )}
          </dd>
        </dl>
      )}
      <SecretDialog
        secret={secret}
        onClose={() => setSecret(undefined)}
        title={t('webhook.dialogTitle')}
        label={t('webhook.dialogLabel')}
        lostHint={t('webhook.lostHint')}
      />
      <ConfirmDialog
        open={confirming}
        onCancel={() => {
          rotate.reset();
          setConfirming(false);
        }}
        onConfirm={issue}
        title={t('webhook.confirmTitle')}
        description={t('webhook.confirmDescription')}
        confirmLabel={t('webhook.rotate')}
        tone="danger"
        pending={rotate.isPending}
        error={rotate.error ? describeError(rotate.error) : undefined}
      />
    </Card>
  );
}

/** The server answers a path; senders need the whole address, as this browser reaches the app. */
function absoluteUrl(template: string): string {
  return template.startsWith('/') ? `${window.location.origin}${template}` : template;
}
