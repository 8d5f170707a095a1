import { useTranslation } from 'react-i18next';
import { QueueSettings } from '#web/features/publishing/components/queue-settings.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

export function QueueSettingsPage() {
  const business = useWorkspace();
  const { t } = useTranslation('publishing');
  return (
    <>
      <PageTitle title={t('page.queueTitle', { workspace: business.name })} />
      <QueueSettings business={business} />
    </>
  );
}
