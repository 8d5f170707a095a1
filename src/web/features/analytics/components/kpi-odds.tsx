import { useTranslation } from 'react-i18next';
import type { ForecastResults } from '#shared/analytics.schema.js';
import { Card } from '#web/components/ui/card.js';
import { formatNumber } from '#web/lib/workspace-format.js';
import { formatMetric, formatPercent } from '../analytics-format.js';

/**
 * The chance of reaching each KPI target (at most the target, for costs), said as what it is: the share of
 * this run's trials, with the rates as they are now. A campaign's run is saved as its latest forecast.
 */
export function KpiOdds({ results, forCampaign }: { results: ForecastResults; forCampaign: boolean }) {
  const { t } = useTranslation('analytics');
  return (
    <Card
      title={t('odds.title')}
      description={t(forCampaign ? 'odds.descriptionCampaign' : 'odds.description', {
        count: results.trials,
        trials: formatNumber(results.trials),
      })}
    >
      {results.kpis.length === 0 ? (
        <p className="muted">{t('odds.none')}</p>
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
                      : formatNumber(kpi.target)}
                  </span>
                </span>
                <strong>
                  {kpi.probability === null ? t('odds.notForecast') : formatPercent(kpi.probability)}
                </strong>
              </div>
              {kpi.probability !== null && (
                <meter
                  className="kpi-odds__meter"
                  aria-label={t('odds.meter', { metric: kpi.metric })}
                  min={0}
                  max={1}
                  low={0.2}
                  high={0.5}
                  optimum={1}
                  value={kpi.probability}
                />
              )}
              {kpi.forecast_metric === null && <p className="muted">{t('odds.notPredicted')}</p>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
