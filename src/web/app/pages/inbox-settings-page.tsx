import { useTranslation } from 'react-i18next';
import { InboxSettings } from '#web/features/inbox/components/inbox-settings.js';
import { useMembers } from '#web/features/workspaces/api/get-members.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

export function InboxSettingsPage() {
  const { t } = useTranslation('inbox');
  const business = useWorkspace();
  const members = useMembers(business.id);
  return (
    <>
      <PageTitle title={t('page.settingsTitle', { workspace: business.name })} />
      <InboxSettings business={business} members={members.data ?? []} />
    </>
  );
}
