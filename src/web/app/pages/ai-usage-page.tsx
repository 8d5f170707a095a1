import { AiUsageView } from '#web/features/ai/components/ai-usage-view.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

export function AiUsagePage() {
  const business = useWorkspace();
  return (
    <>
      <PageTitle title={`AI usage · ${business.name}`} />
      <div className="page-header__text">
        <h1>AI usage</h1>
        <p className="muted">What the AI did for {business.name} and what it cost.</p>
      </div>
      <AiUsageView business={business} />
    </>
  );
}
