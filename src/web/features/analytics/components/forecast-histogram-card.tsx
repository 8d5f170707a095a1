import { useState } from 'react';
import type { ForecastMetric, ForecastResults } from '#shared/analytics.schema.js';
import { Card } from '#web/components/ui/card.js';
import { SelectField } from '#web/components/ui/field.js';
import { formatCount, formatMetric, METRIC_LABELS } from '../analytics-format.js';
import { HistogramChart } from './histogram-chart.js';

const ORDER: readonly ForecastMetric[] = [
  'conversions',
  'clicks',
  'engagements',
  'reach',
  'impressions',
  'cpa',
];

/** How the trials spread over one metric, with that metric's KPI target marked when there is one. */
export function ForecastHistogramCard({ results }: { results: ForecastResults }) {
  const available = ORDER.filter((metric) => results.histograms[metric]);
  const [chosen, setChosen] = useState<ForecastMetric>('conversions');
  const metric = available.includes(chosen) ? chosen : available[0];
  if (!metric) return null;
  const histogram = results.histograms[metric];
  if (!histogram) return null;
  const summary = results.totals[metric];
  const format = (value: number) =>
    metric === 'cpa' ? formatMetric('cpa', value, results.currency) : formatCount(value, true);
  const kpi = results.kpis.find((entry) => entry.forecast_metric === metric);
  return (
    <Card
      title="Spread of outcomes"
      actions={
        <div className="forecast-scope">
          <SelectField
            label="Metric"
            value={metric}
            onChange={(event) => setChosen(event.currentTarget.value as ForecastMetric)}
          >
            {available.map((entry) => (
              <option key={entry} value={entry}>
                {METRIC_LABELS[entry]}
              </option>
            ))}
          </SelectField>
        </div>
      }
    >
      <HistogramChart
        title={`${METRIC_LABELS[metric]}: spread over ${results.trials.toLocaleString()} trials`}
        summary={`Median ${formatMetric(metric, summary.p50, results.currency)}; nine in ten trials between ${formatMetric(metric, summary.p5, results.currency)} and ${formatMetric(metric, summary.p95, results.currency)}.`}
        histogram={histogram}
        format={format}
        marker={kpi ? { value: kpi.target, label: `Target ${format(kpi.target)}` } : undefined}
      />
    </Card>
  );
}
