import { WebhooksSettings } from '#web/features/webhooks/components/webhooks-settings.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

export function WebhooksPage() {
  const business = useWorkspace();
  return (
    <>
      <PageTitle title={`Webhooks · ${business.name}`} />
      <WebhooksSettings business={business} />
    </>
  );
}
