import { useCampaignChoices } from '#web/features/campaigns/api/get-campaigns.js';
import { StudioView } from '#web/features/content/components/studio/studio-view.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

export function StudioPage() {
  const business = useWorkspace();
  const options = useCampaignChoices(business.id);
  return (
    <>
      <PageTitle title={`Studio · ${business.name}`} />
      <div className="page-header__text">
        <h1>Content studio</h1>
        <p className="muted">Write variants for one network, compare them, and keep the best as drafts.</p>
      </div>
      <StudioView business={business} campaigns={options} />
    </>
  );
}
