import { useTranslation } from 'react-i18next';
import type { Totals } from '#shared/analytics.schema.js';
import { formatCount, formatMoney, formatPercent } from '../analytics-format.js';

/** The range at a glance: the counts, spend and the rates they imply. */
export function OverviewStats({ totals, currency }: { totals: Totals; currency: string }) {
  const { t } = useTranslation('analytics');
  const stats = [
    { key: 'impressions', label: t('metrics.impressions'), value: formatCount(totals.impressions) },
    { key: 'reach', label: t('metrics.reach'), value: formatCount(totals.reach) },
    { key: 'engagements', label: t('metrics.engagements'), value: formatCount(totals.engagements) },
    { key: 'clicks', label: t('metrics.clicks'), value: formatCount(totals.clicks) },
    { key: 'conversions', label: t('metrics.conversions'), value: formatCount(totals.conversions) },
    { key: 'spend', label: t('metrics.spend'), value: formatMoney(totals.spend_minor, currency) },
    { key: 'ctr', label: t('clickThrough'), value: totals.ctr === null ? '—' : formatPercent(totals.ctr) },
    {
      key: 'cpa',
      label: t('metrics.cpa'),
      value: totals.cpa_minor === null ? '—' : formatMoney(totals.cpa_minor, currency),
    },
  ];
  return (
    <dl className="analytics-stats">
      {stats.map((stat) => (
        <div key={stat.key} className="analytics-stat">
          <dt>{stat.label}</dt>
          <dd>{stat.value}</dd>
        </div>
      ))}
    </dl>
  );
}
