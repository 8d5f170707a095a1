import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Overview } from '#shared/analytics.schema.js';
import { BarChart, type BarDatum } from '#web/components/ui/bar-chart.js';
import { Card } from '#web/components/ui/card.js';
import { SelectField } from '#web/components/ui/field.js';
import { formatCount, formatLongDay, formatMoney, formatShortDay } from '../analytics-format.js';
import { actualOf, FAN_METRICS, type FanMetric } from '../fan-series.js';
import { fillPeriods } from '../overview-range.js';

/** One metric per day or week over the range, on the shared bar chart. */
export function TrendCard({ overview, currency }: { overview: Overview; currency: string }) {
  const [metric, setMetric] = useState<FanMetric>('clicks');
  const { t } = useTranslation('analytics');
  const format = (value: number) => (metric === 'spend' ? formatMoney(value, currency) : formatCount(value));
  const unit = overview.group_by === 'week' ? 'week' : 'day';
  const periods = fillPeriods(overview.from, overview.to, overview.group_by, overview.trend);
  const data: BarDatum[] = periods.map((row) => ({
    key: row.period,
    label: formatShortDay(row.period),
    longLabel:
      unit === 'week' ? t('trend.weekOf', { day: formatLongDay(row.period) }) : formatLongDay(row.period),
    value: actualOf(metric, row),
    valueLabel: format(actualOf(metric, row)),
  }));
  const total = metric === 'spend' ? overview.totals.spend_minor : overview.totals[metric];
  return (
    <Card
      title={t('trend.title')}
      description={overview.trend.length === 0 ? t('trend.empty') : undefined}
      actions={
        <div className="forecast-scope">
          <SelectField
            label={t('metric')}
            value={metric}
            onChange={(event) => setMetric(event.currentTarget.value as FanMetric)}
          >
            {FAN_METRICS.map((entry) => (
              <option key={entry} value={entry}>
                {t(`metrics.${entry}`)}
              </option>
            ))}
          </SelectField>
        </div>
      }
    >
      <BarChart
        title={t(unit === 'week' ? 'trend.perWeek' : 'trend.perDay', { metric: t(`metrics.${metric}`) })}
        summary={t('trend.summary', {
          total: format(total),
          from: formatLongDay(overview.from),
          to: formatLongDay(overview.to),
        })}
        data={data}
        integers={metric !== 'spend'}
        formatTick={(value) => (metric === 'spend' ? formatMoney(value, currency) : formatCount(value, true))}
      />
    </Card>
  );
}
