import { PublishingSettings } from '#web/features/publishing/components/publishing-settings.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

export function PublishingSettingsPage() {
  const business = useWorkspace();
  return (
    <>
      <PageTitle title={`Publishing · ${business.name}`} />
      <PublishingSettings business={business} />
    </>
  );
}
