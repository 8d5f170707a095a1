import { useTranslation } from 'react-i18next';
import type { WebhookDelivery } from '#shared/webhook.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Dialog } from '#web/components/ui/dialog.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { Table } from '#web/components/ui/table.js';
import { describeError } from '#web/lib/error-messages.js';
import { failureReasonText } from '#web/lib/failure-reason.js';
import { formatDateTime } from '#web/lib/format-date.js';
import { useWebhookDelivery } from '../api/get-webhook-delivery.js';
import { attemptDuration, eventLabel } from './webhook-format.js';
import './webhooks.css';

/** One delivery in full: every attempt, the headers of the receiver's last answer and the JSON sent. */
export function DeliveryDialog({
  businessId,
  delivery,
  onClose,
}: {
  businessId: string;
  delivery: WebhookDelivery | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation('webhooks');
  return (
    <Dialog
      open={delivery !== undefined}
      onClose={onClose}
      title={
        delivery
          ? t('dialog.title', { event: eventLabel(delivery.event_type, t) })
          : t('dialog.fallbackTitle')
      }
      footer={<Button onClick={onClose}>{t('dialog.close')}</Button>}
    >
      {delivery && <DeliveryDetails businessId={businessId} delivery={delivery} />}
    </Dialog>
  );
}

function DeliveryDetails({ businessId, delivery }: { businessId: string; delivery: WebhookDelivery }) {
  const detail = useWebhookDelivery(businessId, delivery.webhook_id, delivery.id);
  const { t } = useTranslation('webhooks');
  const { t: common } = useTranslation();
  if (detail.isPending) return <Spinner label={t('dialog.loading')} />;
  if (detail.isError) return <Banner tone="danger">{describeError(detail.error)}</Banner>;
  const { attempt_log: attempts, response_headers: headers, payload } = detail.data;
  return (
    <div className="stack">
      {attempts.length === 0 ? (
        <p className="muted">{t('dialog.notTried')}</p>
      ) : (
        <Table
          caption={t('dialog.attempts')}
          head={
            <tr>
              <th scope="col">{t('dialog.attempt')}</th>
              <th scope="col">{t('dialog.outcome')}</th>
              <th scope="col">{t('dialog.code')}</th>
              <th scope="col">{t('dialog.time')}</th>
              <th scope="col">{t('dialog.when')}</th>
            </tr>
          }
        >
          {attempts.map((attempt) => (
            <tr key={attempt.attempt}>
              <td>{attempt.attempt}</td>
              <td>
                {t(`dialog.outcomes.${attempt.outcome}`)}
                {attempt.error && (
                  <div className="delivery-error">{failureReasonText(attempt.error, common)}</div>
                )}
              </td>
              <td>{attempt.status_code ?? '—'}</td>
              <td className="nowrap">{attemptDuration(attempt.duration_ms)}</td>
              <td className="nowrap">{formatDateTime(attempt.created_at)}</td>
            </tr>
          ))}
        </Table>
      )}
      {headers && (
        <div className="stack">
          <h3 className="field__label">{t('dialog.headers')}</h3>
          <dl className="delivery-headers">
            {Object.entries(headers).map(([name, value]) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
      <div className="stack">
        <h3 className="field__label">{t('dialog.payload')}</h3>
        <pre className="delivery-payload">{JSON.stringify(payload, null, 2)}</pre>
      </div>
    </div>
  );
}
