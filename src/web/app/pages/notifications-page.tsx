import { NotificationsView } from '#web/features/notifications/components/notifications-view.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

/** Everything the bell has told me in this workspace. */
export function NotificationsPage() {
  const business = useWorkspace();
  return (
    <>
      <PageTitle title={`Notifications · ${business.name}`} />
      <NotificationsView businessId={business.id} />
    </>
  );
}
