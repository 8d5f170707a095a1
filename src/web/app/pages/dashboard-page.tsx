import { Link, useLocation } from 'react-router';
import { can } from '#shared/roles.js';
import { Card } from '#web/components/ui/card.js';
import { TryAiCard } from '#web/features/ai/components/try-ai-card.js';
import { WorkspaceSummary } from '#web/features/workspaces/components/workspace-summary.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';
import type { OnboardingDoneState } from './onboarding-page.js';

export function DashboardPage() {
  const business = useWorkspace();
  // Arriving from the onboarding wizard: the next thing to do is the first calendar.
  const welcome = (useLocation().state as OnboardingDoneState | null)?.welcome === true;
  return (
    <>
      <PageTitle title={`Dashboard · ${business.name}`} />
      <div className="page-header__text">
        <h1>{business.name}</h1>
        {business.description && <p className="muted">{business.description}</p>}
      </div>
      {welcome && can(business.role, 'ai.use') && (
        <Card
          title="Your first calendar"
          description="Your business is set up. Let the AI plan the next weeks of posts for your channels, in your voice."
        >
          <Link to="calendar?generate=1" className="button button--primary button--md">
            Generate your first calendar
          </Link>
        </Card>
      )}
      {can(business.role, 'ai.use') && <TryAiCard business={business} />}
      <WorkspaceSummary business={business} />
    </>
  );
}
