import { can } from '../../../shared/roles.js';
import { TryAiCard } from '../../features/ai/components/try-ai-card.js';
import { WorkspaceSummary } from '../../features/workspaces/components/workspace-summary.js';
import { PageTitle } from '../../lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

export function DashboardPage() {
  const business = useWorkspace();
  return (
    <>
      <PageTitle title={`Dashboard · ${business.name}`} />
      <div className="page-header__text">
        <h1>{business.name}</h1>
        {business.description && <p className="muted">{business.description}</p>}
      </div>
      {can(business.role, 'ai.use') && <TryAiCard business={business} />}
      <WorkspaceSummary business={business} />
    </>
  );
}
