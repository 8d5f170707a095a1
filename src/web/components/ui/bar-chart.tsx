import { type CSSProperties, type KeyboardEvent, type MouseEvent, useRef, useState } from 'react';
import { labelEvery, niceTicks } from './chart-scale.js';
import './bar-chart.css';
import { useTranslation } from 'react-i18next';
import { ChartGrid } from './chart-grid.js';
import { ChartSvg } from './chart-svg.js';
import { useElementWidth } from './use-element-width.js';

/** One bar: `label` under it, `valueLabel` in the tooltip and the table, `detail` as a second line. */
export interface BarDatum {
  key: string;
  label: string;
  /** The full name, for the tooltip and table ("Tue 3 Mar 2026" for the label "3 Mar"). */
  longLabel?: string;
  value: number;
  valueLabel: string;
  detail?: string;
}

interface BarChartProps {
  /** Names the chart for screen readers and heads the table fallback. */
  title: string;
  /** A one-sentence summary read with the title ("$1.20 over 30 days"). */
  summary: string;
  data: readonly BarDatum[];
  /** How an axis value is printed. */
  formatTick: (value: number) => string;
  /** Whole-number axis steps, for counts. */
  integers?: boolean;
  /** The least the axis reaches, so an empty range still has a sensible scale. */
  minTop?: number;
  height?: number;
}

const MARGIN = { top: 12, right: 8, bottom: 28, left: 64 };
const LABEL_WIDTH = 52;

/**
 * A bar chart in plain SVG that follows the colour scheme. Hover a bar, or focus the chart and use the
 * arrow keys (Home/End too), to read one bar; screen readers get the title, the summary and a table of
 * every value instead of the drawing.
 */
export function BarChart({
  title,
  summary,
  data,
  formatTick,
  integers = false,
  minTop = 1,
  height = 220,
}: BarChartProps) {
  const frame = useRef<HTMLDivElement>(null);
  const width = useElementWidth(frame);
  const [active, setActive] = useState<number>();
  const { t } = useTranslation();

  const ticks = niceTicks(Math.max(minTop, ...data.map((datum) => datum.value)), 4, integers);
  const top = ticks.at(-1) ?? 1;
  const plotWidth = Math.max(1, width - MARGIN.left - MARGIN.right);
  const plotHeight = height - MARGIN.top - MARGIN.bottom;
  const slot = plotWidth / Math.max(1, data.length);
  const barWidth = Math.max(1, Math.min(40, slot * 0.7));
  const every = labelEvery(data.length, plotWidth, LABEL_WIDTH);
  const y = (value: number) => MARGIN.top + plotHeight - (value / top) * plotHeight;
  const activeDatum = active === undefined ? undefined : data[active];

  const onKeyDown = (event: KeyboardEvent) => {
    const last = data.length - 1;
    const current = active ?? last;
    const next = { ArrowLeft: current - 1, ArrowRight: current + 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setActive(Math.min(last, Math.max(0, next)));
  };

  // Beside the bar, on the side with more room, at the top of the plot: it never hides the bar it describes.
  const tooltipPlace = (index: number): CSSProperties => {
    const gap = 6;
    const centre = MARGIN.left + slot * (index + 0.5);
    return centre > width / 2
      ? { right: width - centre + barWidth / 2 + gap, top: MARGIN.top }
      : { left: centre + barWidth / 2 + gap, top: MARGIN.top };
  };

  // The pointer picks the day whose column it is over, so thin bars are as easy to hover as wide ones.
  const onMouseMove = (event: MouseEvent) => {
    const left = event.currentTarget.getBoundingClientRect().left;
    const index = Math.floor((event.clientX - left - MARGIN.left) / slot);
    setActive(index >= 0 && index < data.length ? index : undefined);
  };

  return (
    <div className="bar-chart">
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the pointer only moves the tooltip; the table below holds every value. */}
      <div
        ref={frame}
        className="bar-chart__frame"
        onMouseMove={onMouseMove}
        onMouseLeave={() => setActive(undefined)}
      >
        <ChartSvg
          // Focusable: it lets keyboard users step through the bars with the arrow keys.
          tabIndex={0}
          onKeyDown={onKeyDown}
          onFocus={() => setActive((current) => current ?? lastWithValue(data))}
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
          {data.map((datum, index) => {
            const x = MARGIN.left + slot * index;
            const barHeight = Math.max(datum.value > 0 ? 2 : 0, y(0) - y(datum.value));
            return (
              <g key={datum.key}>
                <rect
                  className={`bar-chart__bar${index === active ? ' bar-chart__bar--active' : ''}`}
                  x={x + (slot - barWidth) / 2}
                  y={y(0) - barHeight}
                  width={barWidth}
                  height={barHeight}
                  rx={Math.min(3, barWidth / 3)}
                />
                {index % every === (data.length - 1) % every && (
                  <text className="chart-tick" x={x + slot / 2} y={height - 8} textAnchor="middle">
                    {datum.label}
                  </text>
                )}
              </g>
            );
          })}
        </ChartSvg>
        {activeDatum && active !== undefined && (
          <div className="bar-chart__tooltip" style={tooltipPlace(active)} aria-hidden="true">
            <strong>{activeDatum.longLabel ?? activeDatum.label}</strong>
            <span>{activeDatum.valueLabel}</span>
            {activeDatum.detail && <span className="bar-chart__detail">{activeDatum.detail}</span>}
          </div>
        )}
      </div>
      {/* Keyboard users hear the bar they moved to; the tooltip itself is decoration. */}
      <p className="visually-hidden" aria-live="polite">
        {activeDatum
          ? `${activeDatum.longLabel ?? activeDatum.label}: ${activeDatum.valueLabel}${activeDatum.detail ? `, ${activeDatum.detail}` : ''}`
          : ''}
      </p>
      {/* Tables ignore the 1px box of .visually-hidden, so a wrapper clips this one. */}
      <div className="visually-hidden">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('chart.day')}</th>
              <th scope="col">{t('chart.value')}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((datum) => (
              <tr key={datum.key}>
                <th scope="row">{datum.longLabel ?? datum.label}</th>
                <td>
                  {datum.valueLabel}
                  {datum.detail ? ` (${datum.detail})` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function lastWithValue(data: readonly BarDatum[]): number | undefined {
  for (let index = data.length - 1; index >= 0; index -= 1) if ((data[index]?.value ?? 0) > 0) return index;
  return data.length > 0 ? data.length - 1 : undefined;
}
