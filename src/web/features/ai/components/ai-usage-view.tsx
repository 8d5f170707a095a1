import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Business } from '#shared/business.schema.js';
import { can } from '#shared/roles.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { SegmentedControl } from '#web/components/ui/segmented-control.js';
import { PageSpinner } from '#web/components/ui/spinner.js';
import { describeError } from '#web/lib/error-messages.js';
import { useUsage } from '../api/get-usage.js';
import { RANGE_DAYS, type RangeDays, rangeOfLastDays } from '../usage-range.js';
import { BudgetCard } from './budget-card.js';
import { RecentCallsCard } from './recent-calls-card.js';
import { UsageBreakdown } from './usage-breakdown.js';
import { UsageChartCard } from './usage-chart-card.js';
import { UsageSummary } from './usage-summary.js';
import './ai.css';

function daysFrom(param: string | null): RangeDays {
  return RANGE_DAYS.find((days) => String(days) === param) ?? 30;
}

/** What the workspace's AI use cost over the last 7, 30 or 90 days, and what is left of the budget. */
export function AiUsageView({ business }: { business: Business }) {
  const { t } = useTranslation('ai');
  if (!can(business.role, 'ai.usage.read')) {
    return <Banner>{t('usage.noAccess')}</Banner>;
  }
  return <UsageReport business={business} />;
}

function UsageReport({ business }: { business: Business }) {
  // The range lives in the URL (?days=7), so a link or a reload shows the same view.
  const [params, setParams] = useSearchParams();
  const days = daysFrom(params.get('days'));
  const { from, to } = rangeOfLastDays(days);
  const usage = useUsage(business.id, from, to);
  const { t } = useTranslation('ai');
  const rangeOptions = RANGE_DAYS.map((count) => ({
    value: String(count),
    label: t('usage.days', { count }),
  }));

  return (
    <>
      <div className="ai-toolbar">
        <SegmentedControl
          label={t('usage.range')}
          options={rangeOptions}
          value={String(days)}
          onChange={(value) => setParams(value === '30' ? {} : { days: value }, { replace: true })}
        />
        {usage.isFetching && !usage.isPending && (
          <span className="muted ai-toolbar__note">{t('usage.updating')}</span>
        )}
      </div>
      {usage.isPending && <PageSpinner label={t('usage.loading')} />}
      {usage.isError && (
        <Banner tone="danger" action={<Button onClick={() => usage.refetch()}>{t('usage.tryAgain')}</Button>}>
          {describeError(usage.error)}
        </Banner>
      )}
      {usage.data && (
        <>
          <UsageSummary totals={usage.data.totals} />
          <BudgetCard business={business} budget={usage.data.budget} />
          <UsageChartCard usage={usage.data} />
          <UsageBreakdown usage={usage.data} />
        </>
      )}
      <RecentCallsCard businessId={business.id} />
    </>
  );
}
