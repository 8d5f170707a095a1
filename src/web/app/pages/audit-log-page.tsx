import { useTranslation } from 'react-i18next';
import { AuditLogCard } from '#web/features/workspaces/components/audit-log-card.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

export function AuditLogPage() {
  const business = useWorkspace();
  const { t } = useTranslation('workspaces');
  return (
    <>
      <PageTitle title={t('page.auditLogTitle', { workspace: business.name })} />
      <AuditLogCard business={business} />
    </>
  );
}
