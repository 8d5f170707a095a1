import { NotificationPreferencesCard } from '#web/features/notifications/components/notification-preferences-card.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

/** My own email choices in this workspace (every member has them, whatever their role). */
export function NotificationSettingsPage() {
  const business = useWorkspace();
  return (
    <>
      <PageTitle title={`Notifications · ${business.name}`} />
      <NotificationPreferencesCard businessId={business.id} workspaceName={business.name} />
    </>
  );
}
