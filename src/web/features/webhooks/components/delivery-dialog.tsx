import type { WebhookDelivery } from '#shared/webhook.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Dialog } from '#web/components/ui/dialog.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { Table } from '#web/components/ui/table.js';
import { describeError } from '#web/lib/error-messages.js';
import { formatDateTime } from '#web/lib/format-date.js';
import { useWebhookDelivery } from '../api/get-webhook-delivery.js';
import { eventLabel, formatDuration } from './webhook-format.js';
import './webhooks.css';

const OUTCOME_LABELS = {
  succeeded: 'Delivered',
  retryable: 'Failed, retried',
  rejected: 'Refused by the receiver',
  blocked: 'Address not allowed',
} as const;

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
  return (
    <Dialog
      open={delivery !== undefined}
      onClose={onClose}
      title={delivery ? `${eventLabel(delivery.event_type)} delivery` : 'Delivery'}
      footer={<Button onClick={onClose}>Close</Button>}
    >
      {delivery && <DeliveryDetails businessId={businessId} delivery={delivery} />}
    </Dialog>
  );
}

function DeliveryDetails({ businessId, delivery }: { businessId: string; delivery: WebhookDelivery }) {
  const detail = useWebhookDelivery(businessId, delivery.webhook_id, delivery.id);
  if (detail.isPending) return <Spinner label="Loading the delivery" />;
  if (detail.isError) return <Banner tone="danger">{describeError(detail.error)}</Banner>;
  const { attempt_log: attempts, response_headers: headers, payload } = detail.data;
  return (
    <div className="stack">
      {attempts.length === 0 ? (
        <p className="muted">Not tried yet.</p>
      ) : (
        <Table
          caption="Attempts"
          head={
            <tr>
              <th scope="col">Attempt</th>
              <th scope="col">Outcome</th>
              <th scope="col">Code</th>
              <th scope="col">Time</th>
              <th scope="col">When</th>
            </tr>
          }
        >
          {attempts.map((attempt) => (
            <tr key={attempt.attempt}>
              <td>{attempt.attempt}</td>
              <td>
                {OUTCOME_LABELS[attempt.outcome]}
                {attempt.error && <div className="delivery-error">{attempt.error}</div>}
              </td>
              <td>{attempt.status_code ?? '—'}</td>
              <td className="nowrap">{formatDuration(attempt.duration_ms)}</td>
              <td className="nowrap">{formatDateTime(attempt.created_at)}</td>
            </tr>
          ))}
        </Table>
      )}
      {headers && (
        <div className="stack">
          <h3 className="field__label">Last answer’s headers</h3>
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
        <h3 className="field__label">Payload sent</h3>
        <pre className="delivery-payload">{JSON.stringify(payload, null, 2)}</pre>
      </div>
    </div>
  );
}
