import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ForecastMetric, ForecastResults } from '#shared/analytics.schema.js';
import { Card } from '#web/components/ui/card.js';
import { SelectField } from '#web/components/ui/field.js';
import { formatNumber } from '#web/lib/workspace-format.js';
import { formatCount, formatMetric } from '../analytics-format.js';
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
  const { t } = useTranslation('analytics');
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
      title={t('spread.title')}
      actions={
        <div className="forecast-scope">
          <SelectField
            label={t('metric')}
            value={metric}
            onChange={(event) => setChosen(event.currentTarget.value as ForecastMetric)}
          >
            {available.map((entry) => (
              <option key={entry} value={entry}>
                {t(`metrics.${entry}`)}
              </option>
            ))}
          </SelectField>
        </div>
      }
    >
      <HistogramChart
        title={t('spread.chartTitle', {
          metric: t(`metrics.${metric}`),
          count: results.trials,
          trials: formatNumber(results.trials),
        })}
        summary={t('spread.summary', {
          p50: formatMetric(metric, summary.p50, results.currency),
          p5: formatMetric(metric, summary.p5, results.currency),
          p95: formatMetric(metric, summary.p95, results.currency),
        })}
        histogram={histogram}
        format={format}
        marker={
          kpi ? { value: kpi.target, label: t('spread.target', { value: format(kpi.target) }) } : undefined
        }
      />
    </Card>
  );
}
