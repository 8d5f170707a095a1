import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '#shared/roles.js';
import { Banner } from '#web/components/ui/banner.js';
import { OverviewView } from '#web/features/analytics/components/overview-view.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

/** Actual results over a date range, by channel, campaign and content, with CSV export and import. */
export function AnalyticsPage() {
  const business = useWorkspace();
  const { t } = useTranslation('analytics');
  return (
    <>
      <PageTitle title={t('pages.analyticsTitle', { workspace: business.name })} />
      <div className="page-header">
        <div className="page-header__text">
          <h1>{t('pages.analytics')}</h1>
          <p className="muted">{t('pages.analyticsIntro', { workspace: business.name })}</p>
        </div>
        <Link to="forecast" className="button button--primary button--sm">
          {t('pages.forecastPlan')}
        </Link>
      </div>
      {can(business.role, 'analytics.read') ? (
        <OverviewView business={business} />
      ) : (
        <Banner>{t('pages.noAccess')}</Banner>
      )}
    </>
  );
}
