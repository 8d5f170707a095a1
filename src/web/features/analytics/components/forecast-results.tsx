import { useTranslation } from 'react-i18next';
import type { Simulation } from '#shared/analytics.schema.js';
import { formatNumber } from '#web/lib/workspace-format.js';
import { formatMoney } from '../analytics-format.js';
import { AssumptionsTable } from './assumptions-table.js';
import { ForecastHistogramCard } from './forecast-histogram-card.js';
import { KpiOdds } from './kpi-odds.js';
import { PercentileTable } from './percentile-table.js';
import { SensitivityList } from './sensitivity-list.js';

/** A forecast's answer: percentiles, spread, odds of each target, what drives it, and its assumptions. */
export function ForecastResultsView({ simulation }: { simulation: Simulation }) {
  const results = simulation.results;
  const { t } = useTranslation('analytics');
  const facts = [
    { key: 'trials', label: t('form.trials'), value: formatNumber(results.trials) },
    { key: 'seed', label: t('form.seed'), value: String(results.seed) },
    {
      key: 'budget',
      label: t('form.budget'),
      value: formatMoney(results.spend_minor, results.currency),
    },
    {
      key: 'elapsed',
      label: t('facts.computedIn'),
      value: t(`facts.ranIn.${results.ran_in}`, { ms: formatNumber(results.elapsed_ms) }),
    },
  ];
  return (
    <div className="stack">
      <dl className="analytics-facts">
        {facts.map((fact) => (
          <div key={fact.key}>
            <dt>{fact.label}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
      </dl>
      <PercentileTable results={results} />
      <div className="analytics-grid">
        <KpiOdds results={results} forCampaign={simulation.campaign_id !== null} />
        <SensitivityList results={results} />
      </div>
      <ForecastHistogramCard results={results} />
      <AssumptionsTable results={results} />
    </div>
  );
}
