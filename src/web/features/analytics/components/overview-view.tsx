import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { OVERVIEW_GROUPS } from '#shared/analytics.schema.js';
import { API } from '#shared/api-paths.js';
import type { Business } from '#shared/business.schema.js';
import { defaultCurrency } from '#shared/currency.js';
import { can } from '#shared/roles.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { TextField } from '#web/components/ui/field.js';
import { SegmentedControl } from '#web/components/ui/segmented-control.js';
import { PageSpinner } from '#web/components/ui/spinner.js';
import { describeError } from '#web/lib/error-messages.js';
import { downloadCsv } from '../api/download-csv.js';
import { useOverview } from '../api/get-overview.js';
import { overviewRange } from '../overview-range.js';
import { BreakdownTables, ContentRankings } from './breakdown-tables.js';
import { MetricsImportCard } from './metrics-import-card.js';
import { OverviewStats } from './overview-stats.js';
import { PrintButton } from './print-button.js';
import { TrendCard } from './trend-card.js';
import './analytics.css';

type Group = (typeof OVERVIEW_GROUPS)[number];

/** Actual results over a date range (kept in the URL), the CSV export, and the CSV import. */
export function OverviewView({ business }: { business: Business }) {
  const [params, setParams] = useSearchParams();
  const { from, to } = overviewRange(params, business.time_zone);
  const groupBy: Group = params.get('group') === 'week' ? 'week' : 'day';
  // Results carry no currency of their own here; amounts read in the workspace's.
  const currency = defaultCurrency(business);
  const overview = useOverview({ business_id: business.id, from, to, group_by: groupBy });
  const [exportError, setExportError] = useState<string>();
  const [exporting, setExporting] = useState(false);
  const { t } = useTranslation('analytics');
  const groupOptions = [
    { value: 'day', label: t('overview.byDay') },
    { value: 'week', label: t('overview.byWeek') },
  ] as const;

  const setParam = (changes: Record<string, string>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('from', from);
        next.set('to', to);
        for (const [key, value] of Object.entries(changes)) next.set(key, value);
        return next;
      },
      { replace: true },
    );

  const onExport = async () => {
    setExportError(undefined);
    setExporting(true);
    try {
      await downloadCsv(
        API.analyticsOverviewCsv,
        { business_id: business.id, from, to, group_by: groupBy },
        `analytics-${from}-to-${to}.csv`,
      );
    } catch (error) {
      setExportError(describeError(error));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <div className="analytics-toolbar">
        <TextField
          label={t('overview.from')}
          type="date"
          value={from}
          max={to}
          onChange={(event) => event.currentTarget.value && setParam({ from: event.currentTarget.value })}
        />
        <TextField
          label={t('overview.to')}
          type="date"
          value={to}
          min={from}
          onChange={(event) => event.currentTarget.value && setParam({ to: event.currentTarget.value })}
        />
        <SegmentedControl
          label={t('overview.group')}
          options={groupOptions}
          value={groupBy}
          onChange={(value) => setParam({ group: value })}
        />
        <Button onClick={onExport} loading={exporting}>
          {t('overview.export')}
        </Button>
        <PrintButton />
        {overview.isFetching && !overview.isPending && (
          <span className="muted">{t('overview.updating')}</span>
        )}
      </div>
      {exportError && <Banner tone="danger">{exportError}</Banner>}
      {overview.isPending && <PageSpinner label={t('overview.loading')} />}
      {overview.isError && (
        <Banner
          tone="danger"
          action={<Button onClick={() => overview.refetch()}>{t('overview.tryAgain')}</Button>}
        >
          {describeError(overview.error)}
        </Banner>
      )}
      {overview.data && (
        <>
          <OverviewStats totals={overview.data.totals} currency={currency} />
          <TrendCard overview={overview.data} currency={currency} />
          <BreakdownTables overview={overview.data} currency={currency} />
          <ContentRankings overview={overview.data} currency={currency} />
        </>
      )}
      {can(business.role, 'analytics.write') && <MetricsImportCard businessId={business.id} />}
    </>
  );
}
