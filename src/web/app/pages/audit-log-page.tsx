import { AuditLogCard } from '../../features/workspaces/components/audit-log-card.js';
import { PageTitle } from '../../lib/page-title.js';
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
