import { Link } from 'react-router';
import { can } from '#shared/roles.js';
import { useCampaignChoices } from '#web/features/campaigns/api/get-campaigns.js';
import { ContentListView } from '#web/features/content/components/list/content-list-view.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

export function ContentPage() {
  const business = useWorkspace();
  const campaigns = useCampaignChoices(business.id);
  return (
    <>
      <PageTitle title={`Content · ${business.name}`} />
      <div className="page-header">
        <div className="page-header__text">
          <h1>Content</h1>
          <p className="muted">
            Every post of the workspace in one list: filter and search it, tick items to change them together.
          </p>
        </div>
        {can(business.role, 'content.write') && (
          <Link to="../compose" relative="path" className="button button--primary button--md">
            New post
          </Link>
        )}
      </div>
      <ContentListView business={business} campaigns={campaigns} />
    </>
  );
}
