import { InboxSettings } from '../../features/inbox/components/inbox-settings.js';
import { useMembers } from '../../features/workspaces/api/get-members.js';
import { PageTitle } from '../../lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

export function InboxSettingsPage() {
  const business = useWorkspace();
  const members = useMembers(business.id);
  return (
    <>
      <PageTitle title={`Inbox settings · ${business.name}`} />
      <InboxSettings business={business} members={members.data ?? []} />
    </>
  );
}
