import type { ForecastResults } from '#shared/analytics.schema.js';
import { Card } from '#web/components/ui/card.js';
import { formatMetric, formatPercent } from '../analytics-format.js';

/**
 * The chance of reaching each KPI target (at most the target, for costs), said as what it is: the share of
 * this run's trials, with the rates as they are now. A campaign's run is saved as its latest forecast.
 */
export function KpiOdds({ results, forCampaign }: { results: ForecastResults; forCampaign: boolean }) {
  return (
    <Card
      title="Chance of reaching each target"
      description={`The share of this run’s ${results.trials.toLocaleString()} trials that reach each target by the end, with the rates as they are now (your recorded results included).${forCampaign ? ' Saved as the campaign’s latest forecast, so its page shows the same chances.' : ''}`}
    >
      {results.kpis.length === 0 ? (
        <p className="muted">No targets. Add one to see the chance of reaching it.</p>
      ) : (
        <ul className="kpi-odds">
          {results.kpis.map((kpi) => (
            <li key={kpi.metric} className="kpi-odds__item">
              <div className="kpi-odds__text">
                <span>
                  {kpi.metric}{' '}
                  <span className="muted">
                    {kpi.forecast_metric === 'cpa' || kpi.forecast_metric === 'spend' ? '≤' : '≥'}{' '}
                    {kpi.forecast_metric
                      ? formatMetric(kpi.forecast_metric, kpi.target, results.currency)
                      : kpi.target.toLocaleString()}
                  </span>
                </span>
                <strong>{kpi.probability === null ? 'Not forecast' : formatPercent(kpi.probability)}</strong>
              </div>
              {kpi.probability !== null && (
                <meter
                  className="kpi-odds__meter"
                  aria-label={`Chance of reaching ${kpi.metric}`}
                  min={0}
                  max={1}
                  low={0.2}
                  high={0.5}
                  optimum={1}
                  value={kpi.probability}
                />
              )}
              {kpi.forecast_metric === null && (
                <p className="muted">This metric is not one the forecast predicts.</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
