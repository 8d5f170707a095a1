import { Link } from 'react-router';
import { can } from '#shared/roles.js';
import { CampaignList } from '#web/features/campaigns/components/campaign-list.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

export function CampaignsPage() {
  const business = useWorkspace();
  const canCreate = can(business.role, 'campaigns.write');
  return (
    <>
      <PageTitle title={`Campaigns · ${business.name}`} />
      <div className="page-header">
        <div className="page-header__text">
          <h1>Campaigns</h1>
          <p className="muted">
            Goals, channels, budgets and dates; each campaign's posts are in the calendar.
          </p>
        </div>
        {canCreate && (
          <Link to="new" className="button button--primary button--md">
            New campaign
          </Link>
        )}
      </div>
      <CampaignList businessId={business.id} canCreate={canCreate} />
    </>
  );
}
