import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { can } from '#shared/roles.js';
import { Banner } from '#web/components/ui/banner.js';
import { EmptyState } from '#web/components/ui/empty-state.js';
import { PageSpinner } from '#web/components/ui/spinner.js';
import { useWebhooks } from '#web/features/webhooks/api/get-webhooks.js';
import { DeliveriesCard } from '#web/features/webhooks/components/deliveries-card.js';
import { WebhookEditCard } from '#web/features/webhooks/components/webhook-edit-card.js';
import { WebhookHeader } from '#web/features/webhooks/components/webhook-header.js';
import { describeError } from '#web/lib/error-messages.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

/** One webhook: its deliveries (with the test button) and, for those who manage it, its settings. */
export function WebhookPage() {
  const business = useWorkspace();
  const { webhookId = '' } = useParams();
  // The list is small and usually cached from the page before; it is the one source of a webhook.
  const webhooks = useWebhooks(business.id);
  const { t } = useTranslation('webhooks');
  if (!can(business.role, 'webhooks.read')) {
    return <Banner>{t('page.readOnly')}</Banner>;
  }
  if (webhooks.isPending) return <PageSpinner label={t('page.loading')} />;
  if (webhooks.isError) return <Banner tone="danger">{describeError(webhooks.error)}</Banner>;
  const webhook = webhooks.data.find((candidate) => candidate.id === webhookId);
  if (!webhook) {
    return (
      <EmptyState
        title={t('page.notFound')}
        action={
          <Link to=".." relative="path">
            {t('page.all')}
          </Link>
        }
      >
        {t('page.notFoundHint')}
      </EmptyState>
    );
  }
  const canManage = can(business.role, 'webhooks.manage');
  return (
    <>
      <PageTitle title={t('page.webhookTitle', { workspace: business.name })} />
      <div className="stack">
        <WebhookHeader webhook={webhook} />
        <DeliveriesCard businessId={business.id} webhookId={webhook.id} canManage={canManage} />
        {canManage && <WebhookEditCard webhook={webhook} businessId={business.id} />}
      </div>
    </>
  );
}
