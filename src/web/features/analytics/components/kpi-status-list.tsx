import type { CampaignReport, ForecastChange } from '#shared/analytics.schema.js';
import { Badge } from '#web/components/ui/badge.js';
import { Banner } from '#web/components/ui/banner.js';
import { formatDate } from '#web/lib/format-date.js';
import { formatMetric, formatPercent, KPI_STATUS_LABELS, KPI_STATUS_TONES } from '../analytics-format.js';

const CHANGE_WORDS: Record<ForecastChange, string> = {
  results: 'results were recorded',
  rates: 'benchmark rates changed',
  plan: 'the campaign’s plan changed',
};

/** "a, b and c". */
function listOf(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/**
 * Each KPI: its status (the pace so far against the target), the actual and where that pace leads, and
 * the saved forecast's chance of reaching the target, named as such; the two measure different things,
 * so each says what it is. When inputs changed since the forecast ran, a forecast run now (the workbench
 * runs afresh) gives other chances, and the card says so.
 */
export function KpiStatusList({ report, currency }: { report: CampaignReport; currency: string }) {
  if (report.kpis.length === 0) {
    return <p className="muted">No KPI set. Edit the campaign to add targets.</p>;
  }
  const value = (kpi: CampaignReport['kpis'][number], number: number) =>
    kpi.forecast_metric ? formatMetric(kpi.forecast_metric, number, currency) : number.toLocaleString();
  const forecastDate = report.simulation ? formatDate(report.simulation.created_at) : undefined;
  const changes = report.simulation?.changed_since ?? [];
  return (
    <div className="stack">
      <p className="muted">
        The status compares the pace so far with each target; the chance is the share of the forecast’s trials
        that reach the target by the campaign’s end.
      </p>
      {changes.length > 0 && forecastDate && (
        <section aria-label="Forecast out of date">
          <Banner tone="warning">
            Since the forecast of {forecastDate}, {listOf(changes.map((change) => CHANGE_WORDS[change]))}. A
            forecast run now, as the forecast workbench does, uses them and can give other chances: run it
            again to update this page.
          </Banner>
        </section>
      )}
      <ul className="kpi-status" aria-label="Key results status">
        {report.kpis.map((kpi) => (
          <li key={kpi.metric} className="kpi-status__item">
            <div className="kpi-status__name">
              <strong>{kpi.metric}</strong>
              <Badge tone={KPI_STATUS_TONES[kpi.status]}>{KPI_STATUS_LABELS[kpi.status]}</Badge>
            </div>
            <p className="muted">
              {kpi.status === 'not_started'
                ? `Target ${value(kpi, kpi.target)}`
                : kpi.actual === null
                  ? `No results yet of ${value(kpi, kpi.target)}`
                  : `${value(kpi, kpi.actual)} so far of ${value(kpi, kpi.target)}`}
              {kpi.projected !== null && `: at this pace, ${value(kpi, kpi.projected)} by the end`}
            </p>
            {kpi.probability !== null && forecastDate && (
              <p className="muted">
                Chance of reaching it by the end: {formatPercent(kpi.probability)}, in the forecast of{' '}
                {forecastDate}
              </p>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
