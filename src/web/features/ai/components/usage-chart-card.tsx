import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UsageResponse } from '#shared/ai.schema.js';
import { BarChart, type BarDatum } from '#web/components/ui/bar-chart.js';
import { Card } from '#web/components/ui/card.js';
import { SegmentedControl } from '#web/components/ui/segmented-control.js';
import { dateTimeFormat, formatNumber } from '#web/lib/workspace-format.js';
import { formatMicroUsd } from '../money.js';
import { fillDays } from '../usage-range.js';

type Series = 'cost' | 'calls';

const shortDay = (date: Date) =>
  dateTimeFormat({ day: 'numeric', month: 'short', timeZone: 'UTC' }).format(date);
const longDay = (date: Date) => dateTimeFormat({ dateStyle: 'full', timeZone: 'UTC' }).format(date);
/** The cost axis reaches at least a cent, so a range of free calls does not print $0.000001. */
const CENT = 10_000;

/** Cost or calls per day over the range, every day shown even when nothing happened. */
export function UsageChartCard({ usage }: { usage: UsageResponse }) {
  // The offline writer costs nothing: then calls say more than a flat line of $0.00.
  const [series, setSeries] = useState<Series>(usage.totals.cost_micro_usd > 0 ? 'cost' : 'calls');
  const { t } = useTranslation('ai');
  const seriesOptions = [
    { value: 'cost', label: t('columns.cost') },
    { value: 'calls', label: t('columns.calls') },
  ] as const;
  const callCount = (value: number) => t('chart.calls', { count: value, number: formatNumber(value) });
  const days = fillDays(usage.from, usage.to, usage.by_day);
  const data: BarDatum[] = days.map((day) => {
    const date = new Date(`${day.day}T00:00:00Z`);
    const cost = formatMicroUsd(day.cost_micro_usd);
    const calls = callCount(day.calls);
    return {
      key: day.day,
      label: shortDay(date),
      longLabel: longDay(date),
      value: series === 'cost' ? day.cost_micro_usd : day.calls,
      valueLabel: series === 'cost' ? cost : calls,
      detail: [
        series === 'cost' ? calls : cost,
        day.errors > 0 ? t('chart.errors', { count: day.errors, number: formatNumber(day.errors) }) : '',
      ]
        .filter(Boolean)
        .join(' · '),
    };
  });
  const total =
    series === 'cost' ? formatMicroUsd(usage.totals.cost_micro_usd) : callCount(usage.totals.calls);

  return (
    <Card
      title={t('chart.title')}
      description={t('chart.description')}
      actions={
        <SegmentedControl
          label={t('chart.show')}
          options={seriesOptions}
          value={series}
          onChange={setSeries}
        />
      }
    >
      <BarChart
        title={series === 'cost' ? t('chart.costTitle') : t('chart.callsTitle')}
        summary={t('chart.summary', {
          total,
          from: longDay(new Date(`${usage.from}T00:00:00Z`)),
          to: longDay(new Date(`${usage.to}T00:00:00Z`)),
        })}
        data={data}
        integers={series === 'calls'}
        minTop={series === 'cost' ? CENT : 1}
        formatTick={series === 'cost' ? (value) => formatMicroUsd(value) : (value) => formatNumber(value)}
      />
    </Card>
  );
}
