import { useTranslation } from 'react-i18next';
import { ChannelsSettings } from '#web/features/channels/components/channels-settings.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

export function ChannelsSettingsPage() {
  const business = useWorkspace();
  const { t } = useTranslation('channels');
  return (
    <>
      <PageTitle title={t('page.title', { workspace: business.name })} />
      <ChannelsSettings business={business} />
    </>
  );
}
