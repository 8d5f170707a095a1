import { Link, useSearchParams } from 'react-router';
import { BenchmarksCard } from '#web/features/analytics/components/benchmarks-card.js';
import { ForecastView } from '#web/features/analytics/components/forecast-view.js';
import { useCampaignChoices } from '#web/features/campaigns/api/get-campaigns.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

/** The forecast workbench (a campaign or an explicit plan, re-run as the inputs change) and its benchmark rates. */
export function AnalyticsForecastPage() {
  const business = useWorkspace();
  const [params] = useSearchParams();
  const choices = useCampaignChoices(business.id);
  return (
    <>
      <PageTitle title={`Forecast · ${business.name}`} />
      <div className="page-header__text">
        <Link to=".." relative="path" className="muted">
          ← Analytics
        </Link>
        <h1>Forecast</h1>
        <p className="muted">
          A Monte Carlo forecast: thousands of possible outcomes of the plan, from benchmark rates and your
          own results.
        </p>
      </div>
      <ForecastView
        business={business}
        campaigns={choices}
        campaignId={params.get('campaign') ?? undefined}
      />
      <BenchmarksCard business={business} />
    </>
  );
}
