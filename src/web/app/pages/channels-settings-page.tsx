import { ChannelsSettings } from '#web/features/channels/components/channels-settings.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

export function ChannelsSettingsPage() {
  const business = useWorkspace();
  return (
    <>
      <PageTitle title={`Channels · ${business.name}`} />
      <ChannelsSettings business={business} />
    </>
  );
}
