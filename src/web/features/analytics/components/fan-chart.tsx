import { type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartGrid } from '#web/components/ui/chart-grid.js';
import { labelEvery, niceTicks } from '#web/components/ui/chart-scale.js';
import { ChartSvg } from '#web/components/ui/chart-svg.js';
import { useElementWidth } from '#web/components/ui/use-element-width.js';
import { formatLongDay, formatShortDay } from '../analytics-format.js';
import type { FanPoint } from '../fan-series.js';
import { ChartTable } from './chart-table.js';

interface FanChartProps {
  /** Names the chart for screen readers and heads its table. */
  title: string;
  /** A one-sentence reading of the chart ("142 clicks so far; the forecast's middle is 120"). */
  summary: string;
  points: readonly FanPoint[];
  format: (value: number) => string;
  /** Short axis labels ("12K"). */
  formatTick: (value: number) => string;
  height?: number;
}

const MARGIN = { top: 12, right: 12, bottom: 28, left: 64 };
const LABEL_WIDTH = 52;

/**
 * A fan chart in plain SVG: the forecast's 5–95% and 25–75% bands over time, its median, and the actuals
 * drawn over them up to today. Focus it and use the arrow keys (Home/End too) to read one day; the table
 * behind it holds every value.
 */
export function FanChart({ title, summary, points, format, formatTick, height = 260 }: FanChartProps) {
  const frame = useRef<HTMLDivElement>(null);
  const width = useElementWidth(frame);
  const [active, setActive] = useState<number>();
  const { t } = useTranslation('analytics');

  const highest = Math.max(1, ...points.map((point) => Math.max(point.p95, point.actual ?? 0)));
  const ticks = niceTicks(highest, 4);
  const top = ticks.at(-1) ?? 1;
  const plotWidth = Math.max(1, width - MARGIN.left - MARGIN.right);
  const plotHeight = height - MARGIN.top - MARGIN.bottom;
  const x = (index: number) =>
    MARGIN.left + (points.length > 1 ? (index / (points.length - 1)) * plotWidth : 0);
  const y = (value: number) => MARGIN.top + plotHeight - (value / top) * plotHeight;
  const every = labelEvery(points.length, plotWidth, LABEL_WIDTH);
  const actuals = points.flatMap((point, index) =>
    point.actual === null ? [] : [{ index, value: point.actual }],
  );
  const lastActual = actuals.at(-1);
  const activePoint = active === undefined ? undefined : points[active];

  const band = (low: keyof FanPoint, high: keyof FanPoint) => {
    const upper = points.map((point, index) => `${x(index)},${y(point[high] as number)}`);
    const lower = points.map((point, index) => `${x(index)},${y(point[low] as number)}`).reverse();
    return `M${upper.join('L')}L${lower.join('L')}Z`;
  };
  const line = (values: readonly { index: number; value: number }[]) =>
    values.map(({ index, value }, at) => `${at === 0 ? 'M' : 'L'}${x(index)},${y(value)}`).join('');

  const onKeyDown = (event: KeyboardEvent) => {
    const last = points.length - 1;
    const current = active ?? lastActual?.index ?? last;
    const next = { ArrowLeft: current - 1, ArrowRight: current + 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setActive(Math.min(last, Math.max(0, next)));
  };

  return (
    <div className="fan-chart">
      <div ref={frame} className="fan-chart__frame">
        <ChartSvg
          // Focusable: it lets keyboard users step through the days with the arrow keys.
          tabIndex={0}
          onKeyDown={onKeyDown}
          onFocus={() => setActive((current) => current ?? lastActual?.index ?? points.length - 1)}
          onBlur={() => setActive(undefined)}
          title={title}
          summary={summary}
          width={width}
          height={height}
        >
          <ChartGrid
            ticks={ticks}
            y={y}
            left={MARGIN.left}
            right={width - MARGIN.right}
            labelX={MARGIN.left - 8}
            format={formatTick}
          />
          {points.length > 1 && (
            <>
              <path className="fan-chart__outer" d={band('p5', 'p95')} />
              <path className="fan-chart__inner" d={band('p25', 'p75')} />
              <path
                className="fan-chart__median"
                d={line(points.map((point, index) => ({ index, value: point.p50 })))}
              />
            </>
          )}
          {lastActual && (
            <>
              <line
                className="fan-chart__today"
                x1={x(lastActual.index)}
                x2={x(lastActual.index)}
                y1={MARGIN.top}
                y2={MARGIN.top + plotHeight}
              />
              <path className="fan-chart__actual" d={line(actuals)} />
              <circle className="fan-chart__dot" cx={x(lastActual.index)} cy={y(lastActual.value)} r={4} />
            </>
          )}
          {points.map(
            (point, index) =>
              index % every === (points.length - 1) % every && (
                <text key={point.day} className="chart-tick" x={x(index)} y={height - 8} textAnchor="middle">
                  {formatShortDay(point.day)}
                </text>
              ),
          )}
          {activePoint && active !== undefined && (
            <line
              className="fan-chart__cursor"
              x1={x(active)}
              x2={x(active)}
              y1={MARGIN.top}
              y2={MARGIN.top + plotHeight}
            />
          )}
        </ChartSvg>
      </div>
      <ul className="chart-legend" aria-hidden="true">
        <li>
          <span className="chart-swatch chart-swatch--outer" />
          {t('fan.outer')}
        </li>
        <li>
          <span className="chart-swatch chart-swatch--inner" />
          25–75%
        </li>
        <li>
          <span className="chart-swatch chart-swatch--median" />
          {t('median')}
        </li>
        <li>
          <span className="chart-swatch chart-swatch--actual" />
          {t('fan.actual')}
        </li>
      </ul>
      <p className="chart-reading" aria-live="polite">
        {activePoint
          ? t(activePoint.actual === null ? 'fan.reading' : 'fan.readingActual', {
              day: formatLongDay(activePoint.day),
              p5: format(activePoint.p5),
              p95: format(activePoint.p95),
              p50: format(activePoint.p50),
              actual: activePoint.actual === null ? '' : format(activePoint.actual),
            })
          : ''}
      </p>
      <ChartTable
        caption={title}
        columns={[t('fan.day'), '5%', '25%', t('median'), '75%', '95%', t('fan.actual')]}
        rows={points.map((point) => ({
          key: point.day,
          cells: [
            formatLongDay(point.day),
            format(point.p5),
            format(point.p25),
            format(point.p50),
            format(point.p75),
            format(point.p95),
            point.actual === null ? '—' : format(point.actual),
          ],
        }))}
      />
    </div>
  );
}
