import type { Simulation } from '#shared/analytics.schema.js';
import { formatMoney } from '../analytics-format.js';
import { AssumptionsTable } from './assumptions-table.js';
import { ForecastHistogramCard } from './forecast-histogram-card.js';
import { KpiOdds } from './kpi-odds.js';
import { PercentileTable } from './percentile-table.js';
import { SensitivityList } from './sensitivity-list.js';

const RAN_IN_NOTE: Record<Simulation['results']['ran_in'], string> = {
  inline: '',
  split: ' (two threads)',
  worker: ' (worker thread)',
};

/** A forecast's answer: percentiles, spread, odds of each target, what drives it, and its assumptions. */
export function ForecastResultsView({ simulation }: { simulation: Simulation }) {
  const results = simulation.results;
  const facts = [
    { label: 'Trials', value: results.trials.toLocaleString() },
    { label: 'Seed', value: String(results.seed) },
    { label: 'Paid budget', value: formatMoney(results.spend_minor, results.currency) },
    {
      label: 'Computed in',
      value: `${results.elapsed_ms.toLocaleString()} ms${RAN_IN_NOTE[results.ran_in]}`,
    },
  ];
  return (
    <div className="stack">
      <dl className="analytics-facts">
        {facts.map((fact) => (
          <div key={fact.label}>
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
