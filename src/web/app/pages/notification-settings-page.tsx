import { useTranslation } from 'react-i18next';
import { NotificationPreferencesCard } from '#web/features/notifications/components/notification-preferences-card.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

/** My own email choices in this workspace (every member has them, whatever their role). */
export function NotificationSettingsPage() {
  const business = useWorkspace();
  const { t } = useTranslation('notifications');
  return (
    <>
      <PageTitle title={t('preferences.documentTitle', { workspace: business.name })} />
      <NotificationPreferencesCard businessId={business.id} workspaceName={business.name} />
    </>
  );
}
