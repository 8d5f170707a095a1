import { QueueSettings } from '#web/features/publishing/components/queue-settings.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

export function QueueSettingsPage() {
  const business = useWorkspace();
  return (
    <>
      <PageTitle title={`Queue · ${business.name}`} />
      <QueueSettings business={business} />
    </>
  );
}
