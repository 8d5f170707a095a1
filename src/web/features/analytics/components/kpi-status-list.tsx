import type { CampaignReport } from '#shared/analytics.schema.js';
import { Badge } from '#web/components/ui/badge.js';
import { formatMetric, formatPercent, KPI_STATUS_LABELS, KPI_STATUS_TONES } from '../analytics-format.js';

/** Each KPI: its target, the actual so far, the forecast's chance, and whether it is on track. */
export function KpiStatusList({ report, currency }: { report: CampaignReport; currency: string }) {
  if (report.kpis.length === 0) {
    return <p className="muted">No KPI set. Edit the campaign to add targets.</p>;
  }
  const value = (kpi: CampaignReport['kpis'][number], number: number) =>
    kpi.forecast_metric ? formatMetric(kpi.forecast_metric, number, currency) : number.toLocaleString();
  return (
    <ul className="kpi-status" aria-label="Key results status">
      {report.kpis.map((kpi) => (
        <li key={kpi.metric} className="kpi-status__item">
          <div className="kpi-status__name">
            <strong>{kpi.metric}</strong>
            <Badge tone={KPI_STATUS_TONES[kpi.status]}>{KPI_STATUS_LABELS[kpi.status]}</Badge>
          </div>
          <p className="muted">
            {kpi.actual === null ? 'No results yet' : `${value(kpi, kpi.actual)} so far`} of{' '}
            {value(kpi, kpi.target)}
            {kpi.probability !== null && ` · forecast chance ${formatPercent(kpi.probability)}`}
          </p>
        </li>
      ))}
    </ul>
  );
}
