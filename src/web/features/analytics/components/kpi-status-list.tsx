import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CampaignReport } from '#shared/analytics.schema.js';
import { Badge } from '#web/components/ui/badge.js';
import { Banner } from '#web/components/ui/banner.js';
import { formatDate } from '#web/lib/format-date.js';
import { formatNumber } from '#web/lib/workspace-format.js';
import { formatMetric, formatPercent, KPI_STATUS_TONES } from '../analytics-format.js';

/** "a, b and c", in the reader's language. */
function listOf(words: readonly string[], t: TFunction<'analytics'>): string {
  if (words.length <= 1) return words[0] ?? '';
  return t('status.list', { rest: words.slice(0, -1).join(t('status.listSeparator')), last: words.at(-1) });
}

/**
 * Each KPI: its status (the pace so far against the target), the actual and where that pace leads, and
 * the saved forecast's chance of reaching the target, named as such; the two measure different things,
 * so each says what it is. When inputs changed since the forecast ran, a forecast run now (the workbench
 * runs afresh) gives other chances, and the card says so.
 */
export function KpiStatusList({ report, currency }: { report: CampaignReport; currency: string }) {
  const { t } = useTranslation('analytics');
  if (report.kpis.length === 0) {
    return <p className="muted">{t('status.none')}</p>;
  }
  const value = (kpi: CampaignReport['kpis'][number], number: number) =>
    kpi.forecast_metric ? formatMetric(kpi.forecast_metric, number, currency) : formatNumber(number);
  const forecastDate = report.simulation ? formatDate(report.simulation.created_at) : undefined;
  const changes = report.simulation?.changed_since ?? [];
  return (
    <div className="stack">
      <p className="muted">{t('status.explanation')}</p>
      {changes.length > 0 && forecastDate && (
        <section aria-label={t('status.outOfDateLabel')}>
          <Banner tone="warning">
            {t('status.outOfDate', {
              date: forecastDate,
              changes: listOf(
                changes.map((change) => t(`status.changes.${change}`)),
                t,
              ),
            })}
          </Banner>
        </section>
      )}
      <ul className="kpi-status" aria-label={t('status.listLabel')}>
        {report.kpis.map((kpi) => {
          const progress =
            kpi.status === 'not_started'
              ? t('status.target', { target: value(kpi, kpi.target) })
              : kpi.actual === null
                ? t('status.noResults', { target: value(kpi, kpi.target) })
                : t('status.soFar', { actual: value(kpi, kpi.actual), target: value(kpi, kpi.target) });
          return (
            <li key={kpi.metric} className="kpi-status__item">
              <div className="kpi-status__name">
                <strong>{kpi.metric}</strong>
                <Badge tone={KPI_STATUS_TONES[kpi.status]}>{t(`kpiStatus.${kpi.status}`)}</Badge>
              </div>
              <p className="muted">
                {kpi.projected === null
                  ? progress
                  : t('status.atThisPace', { progress, projected: value(kpi, kpi.projected) })}
              </p>
              {kpi.probability !== null && forecastDate && (
                <p className="muted">
                  {t('status.chance', { chance: formatPercent(kpi.probability), date: forecastDate })}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
