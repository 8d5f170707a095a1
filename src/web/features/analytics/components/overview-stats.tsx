import type { Totals } from '#shared/analytics.schema.js';
import { formatCount, formatMoney, formatPercent } from '../analytics-format.js';

/** The range at a glance: the counts, spend and the rates they imply. */
export function OverviewStats({ totals, currency }: { totals: Totals; currency: string }) {
  const stats = [
    { label: 'Impressions', value: formatCount(totals.impressions) },
    { label: 'Reach', value: formatCount(totals.reach) },
    { label: 'Engagements', value: formatCount(totals.engagements) },
    { label: 'Clicks', value: formatCount(totals.clicks) },
    { label: 'Conversions', value: formatCount(totals.conversions) },
    { label: 'Spend', value: formatMoney(totals.spend_minor, currency) },
    { label: 'Click-through', value: totals.ctr === null ? '—' : formatPercent(totals.ctr) },
    {
      label: 'Cost per acquisition',
      value: totals.cpa_minor === null ? '—' : formatMoney(totals.cpa_minor, currency),
    },
  ];
  return (
    <dl className="analytics-stats">
      {stats.map((stat) => (
        <div key={stat.label} className="analytics-stat">
          <dt>{stat.label}</dt>
          <dd>{stat.value}</dd>
        </div>
      ))}
    </dl>
  );
}
