import { AuditLogCard } from '#web/features/workspaces/components/audit-log-card.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

export function AuditLogPage() {
  const business = useWorkspace();
  return (
    <>
      <PageTitle title={`Audit log · ${business.name}`} />
      <AuditLogCard business={business} />
    </>
  );
}
