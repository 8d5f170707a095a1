import type { ForecastResults } from '#shared/analytics.schema.js';
import { Card } from '#web/components/ui/card.js';
import { formatMetric, formatPercent } from '../analytics-format.js';

/** The chance of reaching each KPI target (at most the target, for costs). */
export function KpiOdds({ results }: { results: ForecastResults }) {
  return (
    <Card title="Chance of reaching each target">
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
