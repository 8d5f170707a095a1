import { useTranslation } from 'react-i18next';
import { InboxView } from '#web/features/inbox/components/inbox-view.js';
import { useMembers } from '#web/features/workspaces/api/get-members.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

export function InboxPage() {
  const { t } = useTranslation('inbox');
  const business = useWorkspace();
  // Members are the workspace feature's; the inbox only needs them to assign and filter by assignee.
  const members = useMembers(business.id);
  return (
    <>
      <PageTitle title={t('page.title', { workspace: business.name })} />
      <InboxView business={business} members={members.data ?? []} />
    </>
  );
}
