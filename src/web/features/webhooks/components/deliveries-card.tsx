import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  WEBHOOK_DELIVERY_STATUSES,
  type WebhookDelivery,
  type WebhookDeliveryStatus,
} from '#shared/webhook.schema.js';
import { Badge } from '#web/components/ui/badge.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import { EmptyState } from '#web/components/ui/empty-state.js';
import { SelectField } from '#web/components/ui/field.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { Table } from '#web/components/ui/table.js';
import { useToast } from '#web/components/ui/toast.js';
import { describeError } from '#web/lib/error-messages.js';
import { failureReasonText } from '#web/lib/failure-reason.js';
import { formatDateTime } from '#web/lib/format-date.js';
import { useWebhookDeliveries } from '../api/get-webhook-deliveries.js';
import { useRedeliverWebhookDelivery } from '../api/redeliver-webhook-delivery.js';
import { useTestWebhook } from '../api/test-webhook.js';
import { DeliveryDialog } from './delivery-dialog.js';
import { attemptDuration, DELIVERY_STATUS_TONES, describeStatusCode, eventLabel } from './webhook-format.js';
import './webhooks.css';

interface DeliveriesCardProps {
  businessId: string;
  webhookId: string;
  canManage: boolean;
}

/**
 * Every delivery to one webhook, newest first: event, outcome, the receiver's status code, attempts,
 * timing and the last error; details and redelivery per row. Deliveries run as jobs, whose live events
 * refresh this table.
 */
export function DeliveriesCard({ businessId, webhookId, canManage }: DeliveriesCardProps) {
  const [status, setStatus] = useState<WebhookDeliveryStatus | ''>('');
  const deliveries = useWebhookDeliveries(businessId, webhookId, status || undefined);
  const test = useTestWebhook(businessId);
  const toast = useToast();
  const [open, setOpen] = useState<WebhookDelivery>();
  const { t } = useTranslation('webhooks');
  const items = deliveries.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Card
      title={t('deliveries.title')}
      description={t('deliveries.description')}
      actions={
        canManage && (
          <Button
            size="sm"
            loading={test.isPending}
            onClick={() =>
              test.mutate(webhookId, {
                onSuccess: () => toast(t('deliveries.testQueued')),
                onError: (error) => toast(describeError(error), 'danger'),
              })
            }
          >
            {t('deliveries.sendTest')}
          </Button>
        )
      }
    >
      <div className="stack">
        <div className="delivery-toolbar">
          <SelectField
            label={t('deliveries.status')}
            value={status}
            onChange={(event) => setStatus(event.target.value as WebhookDeliveryStatus | '')}
          >
            <option value="">{t('deliveries.all')}</option>
            {WEBHOOK_DELIVERY_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`deliveryStatus.${value}`)}
              </option>
            ))}
          </SelectField>
        </div>
        {deliveries.isPending ? (
          <Spinner label={t('deliveries.loading')} />
        ) : deliveries.isError ? (
          <Banner tone="danger">{describeError(deliveries.error)}</Banner>
        ) : items.length === 0 ? (
          <EmptyState title={status ? t(`deliveries.noneWithStatus.${status}`) : t('deliveries.none')}>
            {canManage && !status ? t('deliveries.sendTestHint') : undefined}
          </EmptyState>
        ) : (
          <Table
            caption={t('deliveries.caption')}
            head={
              <tr>
                <th scope="col">{t('deliveries.event')}</th>
                <th scope="col">{t('deliveries.status')}</th>
                <th scope="col">{t('deliveries.code')}</th>
                <th scope="col">{t('deliveries.attempts')}</th>
                <th scope="col">{t('deliveries.time')}</th>
                <th scope="col">{t('deliveries.sent')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('deliveries.actions')}</span>
                </th>
              </tr>
            }
          >
            {items.map((delivery) => (
              <DeliveryRow
                key={delivery.id}
                delivery={delivery}
                businessId={businessId}
                canManage={canManage}
                onOpen={() => setOpen(delivery)}
              />
            ))}
          </Table>
        )}
        {deliveries.hasNextPage && (
          <div>
            <Button loading={deliveries.isFetchingNextPage} onClick={() => deliveries.fetchNextPage()}>
              {t('deliveries.loadOlder')}
            </Button>
          </div>
        )}
      </div>
      <DeliveryDialog businessId={businessId} delivery={open} onClose={() => setOpen(undefined)} />
    </Card>
  );
}

interface DeliveryRowProps {
  delivery: WebhookDelivery;
  businessId: string;
  canManage: boolean;
  onOpen: () => void;
}

function DeliveryRow({ delivery, businessId, canManage, onOpen }: DeliveryRowProps) {
  const redeliver = useRedeliverWebhookDelivery(businessId, delivery.webhook_id);
  const toast = useToast();
  const { t } = useTranslation('webhooks');
  const { t: common } = useTranslation();
  const event = eventLabel(delivery.event_type, t);
  const sent = formatDateTime(delivery.created_at);
  return (
    <tr>
      <td className="delivery-event">
        {event}
        {delivery.last_error && (
          <div className="delivery-error">{failureReasonText(delivery.last_error, common)}</div>
        )}
      </td>
      <td>
        <Badge tone={DELIVERY_STATUS_TONES[delivery.status]}>{t(`deliveryStatus.${delivery.status}`)}</Badge>
        {delivery.status === 'retrying' && delivery.next_attempt_at && (
          <div className="muted nowrap">
            {t('deliveries.next', { date: formatDateTime(delivery.next_attempt_at) })}
          </div>
        )}
      </td>
      <td>{describeStatusCode(delivery.last_status_code, delivery.attempts, t)}</td>
      <td>{delivery.attempts}</td>
      <td className="nowrap">{attemptDuration(delivery.last_duration_ms)}</td>
      <td className="nowrap">{sent}</td>
      <td className="cell-actions">
        <Button
          size="sm"
          variant="ghost"
          onClick={onOpen}
          aria-label={t('deliveries.detailsLabel', { event, sent })}
        >
          {t('deliveries.details')}
        </Button>
        {canManage && delivery.status === 'failed' && (
          <Button
            size="sm"
            loading={redeliver.isPending}
            aria-label={t('deliveries.redeliverLabel', { event, sent })}
            onClick={() =>
              redeliver.mutate(delivery.id, {
                onSuccess: () => toast(t('deliveries.redelivered')),
                onError: (error) => toast(describeError(error), 'danger'),
              })
            }
          >
            {t('deliveries.redeliver')}
          </Button>
        )}
      </td>
    </tr>
  );
}
