import { Link } from 'react-router';
import { can } from '#shared/roles.js';
import { Banner } from '#web/components/ui/banner.js';
import { OverviewView } from '#web/features/analytics/components/overview-view.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

/** Actual results over a date range, by channel, campaign and content, with CSV export and import. */
export function AnalyticsPage() {
  const business = useWorkspace();
  return (
    <>
      <PageTitle title={`Analytics · ${business.name}`} />
      <div className="page-header">
        <div className="page-header__text">
          <h1>Analytics</h1>
          <p className="muted">What {business.name}’s content achieved, and what a plan is likely to.</p>
        </div>
        <Link to="forecast" className="button button--primary button--sm">
          Forecast a plan
        </Link>
      </div>
      {can(business.role, 'analytics.read') ? (
        <OverviewView business={business} />
      ) : (
        <Banner>Your role in this workspace does not include analytics.</Banner>
      )}
    </>
  );
}
