import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
import './webhooks.css';

/** The workspace's webhooks with their events and state; owners and admins test, pause and delete them. */
export function WebhookList({ businessId, canManage }: { businessId: string; canManage: boolean }) {
  const webhooks = useWebhooks(businessId);
  const remove = useDeleteWebhook(businessId);
  const toast = useToast();
  const [deleting, setDeleting] = useState<Webhook>();
  const { t } = useTranslation('webhooks');

  return (
    <Card title={t('list.title')}>
      {webhooks.isPending && <Spinner label={t('list.loading')} />}
      {webhooks.isError && <Banner tone="danger">{describeError(webhooks.error)}</Banner>}
      {webhooks.data?.length === 0 && (
        <EmptyState title={t('list.emptyTitle')}>
          {canManage ? t('list.emptyManage') : t('list.emptyRead')}
        </EmptyState>
      )}
      {webhooks.data && webhooks.data.length > 0 && (
        <ul className="webhook-list" aria-label={t('list.label')}>
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
              toast(t('list.deleted'));
              setDeleting(undefined);
            },
          })
        }
        title={t('list.deleteTitle')}
        description={t('list.deleteDescription', { url: deleting?.url ?? '' })}
        confirmLabel={t('list.deleteConfirm')}
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
  const { t } = useTranslation('webhooks');
  const name = webhook.description || webhook.url;

  const sendTest = () =>
    test.mutate(webhook.id, {
      onSuccess: () =>
        toast(t('list.testQueued'), 'success', {
          link: {
            label: t('list.seeDelivery'),
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
        onSuccess: (saved) => toast(saved.enabled ? t('list.enabledToast') : t('list.disabledToast')),
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
          {webhook.enabled ? <Badge tone="success">{t('enabled')}</Badge> : <Badge>{t('disabled')}</Badge>}
        </div>
        {webhook.description && <span className="muted">{webhook.description}</span>}
        <ul className="webhook-item__events" aria-label={t('list.events')}>
          {webhook.events.map((event) => (
            <li key={event}>
              <Badge tone="accent">{t(`events.${event}.label`)}</Badge>
            </li>
          ))}
        </ul>
      </div>
      <div className="webhook-item__actions">
        <Link
          to={webhook.id}
          className="button button--secondary button--sm"
          aria-label={t('list.deliveriesLabel', { name })}
        >
          {t('list.deliveries')}
        </Link>
        {canManage && (
          <>
            <Button
              size="sm"
              onClick={sendTest}
              loading={test.isPending}
              aria-label={t('list.sendTestLabel', { name })}
            >
              {t('list.sendTest')}
            </Button>
            <Button
              size="sm"
              variant="ghost"
              onClick={toggle}
              loading={update.isPending}
              aria-label={
                webhook.enabled ? t('list.disableLabel', { name }) : t('list.enableLabel', { name })
              }
            >
              {webhook.enabled ? t('list.disable') : t('list.enable')}
            </Button>
            <Button size="sm" variant="ghost" onClick={onDelete} aria-label={t('list.deleteLabel', { name })}>
              {t('list.delete')}
            </Button>
          </>
        )}
      </div>
    </li>
  );
}
