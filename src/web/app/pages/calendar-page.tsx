import { Link } from 'react-router';
import { can } from '../../../shared/roles.js';
import { useCampaigns } from '../../features/campaigns/api/get-campaigns.js';
import { CalendarView } from '../../features/content/components/calendar/calendar-view.js';
import { PageTitle } from '../../lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

export function CalendarPage() {
  const business = useWorkspace();
  // The campaign filter lists the latest campaigns (the first page is plenty for a menu).
  const campaigns = useCampaigns(business.id);
  const options = campaigns.data?.pages[0]?.items.map(({ id, name }) => ({ id, name })) ?? [];
  return (
    <>
      <PageTitle title={`Calendar · ${business.name}`} />
      <div className="page-header">
        <div className="page-header__text">
          <h1>Calendar</h1>
          <p className="muted">Drag a post to another day, or focus it and use the arrow keys, then Enter.</p>
        </div>
        {can(business.role, 'content.write') && (
          <Link to="../studio" relative="path" className="button button--primary button--md">
            Write in the studio
          </Link>
        )}
      </div>
      <CalendarView business={business} campaigns={options} />
    </>
  );
}
