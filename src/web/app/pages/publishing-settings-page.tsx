import { PublishingSettings } from '../../features/publishing/components/publishing-settings.js';
import { PageTitle } from '../../lib/page-title.js';
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
