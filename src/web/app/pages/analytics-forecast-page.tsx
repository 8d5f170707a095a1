import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('analytics');
  return (
    <>
      <PageTitle title={t('pages.forecastTitle', { workspace: business.name })} />
      <div className="page-header__text">
        <Link to=".." relative="path" className="muted">
          {t('pages.backToAnalytics')}
        </Link>
        <h1>{t('pages.forecast')}</h1>
        <p className="muted">{t('pages.forecastIntro')}</p>
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
