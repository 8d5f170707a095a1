import { useTranslation } from 'react-i18next';
import { WebhooksSettings } from '#web/features/webhooks/components/webhooks-settings.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

export function WebhooksPage() {
  const business = useWorkspace();
  const { t } = useTranslation('webhooks');
  return (
    <>
      <PageTitle title={t('page.title', { workspace: business.name })} />
      <WebhooksSettings business={business} />
    </>
  );
}
