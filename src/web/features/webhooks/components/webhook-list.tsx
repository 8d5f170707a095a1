import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Webhook } from '#shared/webhook.schema.js';
import { Badge } from '#web/components/ui/badge.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import { ConfirmDialog } from '#web/components/ui/confirm-dialog.js';
import { EmptyState } from '#web/components/ui/empty-state.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { useToast } from '#web/components/ui/toast.js';
import { describeError } from '#web/lib/error-messages.js';
import { useDeleteWebhook } from '../api/delete-webhook.js';
import { useWebhooks } from '../api/get-webhooks.js';
import { useTestWebhook } from '../api/test-webhook.js';
import { useUpdateWebhook } from '../api/update-webhook.js';
import { EVENT_OPTIONS } from './webhook-format.js';
import './webhooks.css';

/** The workspace's webhooks with their events and state; owners and admins test, pause and delete them. */
export function WebhookList({ businessId, canManage }: { businessId: string; canManage: boolean }) {
  const webhooks = useWebhooks(businessId);
  const remove = useDeleteWebhook(businessId);
  const toast = useToast();
  const [deleting, setDeleting] = useState<Webhook>();

  return (
    <Card title="Webhooks">
      {webhooks.isPending && <Spinner label="Loading webhooks" />}
      {webhooks.isError && <Banner tone="danger">{describeError(webhooks.error)}</Banner>}
      {webhooks.data?.length === 0 && (
        <EmptyState title="No webhooks yet">
          {canManage ? 'Add one above to send events to another app.' : 'An owner or admin can add one.'}
        </EmptyState>
      )}
      {webhooks.data && webhooks.data.length > 0 && (
        <ul className="webhook-list" aria-label="Webhooks">
          {webhooks.data.map((webhook) => (
            <WebhookItem
              key={webhook.id}
              webhook={webhook}
              businessId={businessId}
              canManage={canManage}
              onDelete={() => setDeleting(webhook)}
            />
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={deleting !== undefined}
        onCancel={() => {
          remove.reset();
          setDeleting(undefined);
        }}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              toast('Webhook deleted');
              setDeleting(undefined);
            },
          })
        }
        title="Delete this webhook?"
        description={`Nothing more is sent to ${deleting?.url ?? ''}, and its delivery log goes with it.`}
        confirmLabel="Delete webhook"
        tone="danger"
        pending={remove.isPending}
        error={remove.error ? describeError(remove.error) : undefined}
      />
    </Card>
  );
}

interface WebhookItemProps {
  webhook: Webhook;
  businessId: string;
  canManage: boolean;
  onDelete: () => void;
}

function WebhookItem({ webhook, businessId, canManage, onDelete }: WebhookItemProps) {
  const update = useUpdateWebhook(businessId);
  const test = useTestWebhook(businessId);
  const toast = useToast();
  const navigate = useNavigate();
  const name = webhook.description || webhook.url;

  const sendTest = () =>
    test.mutate(webhook.id, {
      onSuccess: () =>
        toast('Test event queued', 'success', {
          link: {
            label: 'See its delivery',
            href: `/w/${businessId}/settings/webhooks/${webhook.id}`,
            onFollow: (href) => navigate(href),
          },
        }),
      onError: (error) => toast(describeError(error), 'danger'),
    });
  const toggle = () =>
    update.mutate(
      { id: webhook.id, body: { enabled: !webhook.enabled } },
      {
        onSuccess: (saved) => toast(saved.enabled ? 'Webhook enabled' : 'Webhook disabled'),
        onError: (error) => toast(describeError(error), 'danger'),
      },
    );

  return (
    <li className="webhook-item">
      <div className="webhook-item__main">
        <div className="row">
          <Link to={webhook.id} className="webhook-item__url">
            {webhook.url}
          </Link>
          {webhook.enabled ? <Badge tone="success">Enabled</Badge> : <Badge>Disabled</Badge>}
        </div>
        {webhook.description && <span className="muted">{webhook.description}</span>}
        <ul className="webhook-item__events" aria-label="Events">
          {webhook.events.map((event) => (
            <li key={event}>
              <Badge tone="accent">{EVENT_OPTIONS[event].label}</Badge>
            </li>
          ))}
        </ul>
      </div>
      <div className="webhook-item__actions">
        <Link
          to={webhook.id}
          className="button button--secondary button--sm"
          aria-label={`Deliveries of ${name}`}
        >
          Deliveries
        </Link>
        {canManage && (
          <>
            <Button
              size="sm"
              onClick={sendTest}
              loading={test.isPending}
              aria-label={`Send a test to ${name}`}
            >
              Send test
            </Button>
            <Button
              size="sm"
              variant="ghost"
              onClick={toggle}
              loading={update.isPending}
              aria-label={`${webhook.enabled ? 'Disable' : 'Enable'} ${name}`}
            >
              {webhook.enabled ? 'Disable' : 'Enable'}
            </Button>
            <Button size="sm" variant="ghost" onClick={onDelete} aria-label={`Delete ${name}`}>
              Delete
            </Button>
          </>
        )}
      </div>
    </li>
  );
}
