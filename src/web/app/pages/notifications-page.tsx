import { useTranslation } from 'react-i18next';
import { NotificationsView } from '#web/features/notifications/components/notifications-view.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

/** Everything the bell has told me in this workspace. */
export function NotificationsPage() {
  const business = useWorkspace();
  const { t } = useTranslation('notifications');
  return (
    <>
      <PageTitle title={t('page.documentTitle', { workspace: business.name })} />
      <NotificationsView businessId={business.id} />
    </>
  );
}
