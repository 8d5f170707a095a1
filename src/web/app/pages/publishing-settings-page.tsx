import { useTranslation } from 'react-i18next';
import { PublishingSettings } from '#web/features/publishing/components/publishing-settings.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

export function PublishingSettingsPage() {
  const business = useWorkspace();
  const { t } = useTranslation('publishing');
  return (
    <>
      <PageTitle title={t('page.title', { workspace: business.name })} />
      <PublishingSettings business={business} />
    </>
  );
}
