import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistogramDto } from '#shared/analytics.schema.js';
import { ChartGrid } from '#web/components/ui/chart-grid.js';
import { labelEvery, niceTicks } from '#web/components/ui/chart-scale.js';
import { ChartSvg } from '#web/components/ui/chart-svg.js';
import { useElementWidth } from '#web/components/ui/use-element-width.js';
import { formatNumber } from '#web/lib/workspace-format.js';
import { formatPercent } from '../analytics-format.js';
import { ChartTable } from './chart-table.js';

interface HistogramChartProps {
  title: string;
  summary: string;
  histogram: HistogramDto;
  /** How a bin edge reads ("1,200", "$4.10"). */
  format: (value: number) => string;
  /** A value to mark with a vertical line, such as a KPI target. */
  marker?: { value: number; label: string } | undefined;
  height?: number;
}

const MARGIN = { top: 12, right: 12, bottom: 28, left: 48 };

/** Axis shares without needless decimals: 5%, 2.5%, 10%. */
const formatShare = (share: number) => `${Number((share * 100).toPrecision(3))}%`;
const LABEL_WIDTH = 64;

/**
 * How the trials of a forecast spread over one metric, as a share of all trials per bin, in plain SVG;
 * the table behind it lists every bin, and the trials that fell outside the drawn range.
 */
export function HistogramChart({
  title,
  summary,
  histogram,
  format,
  marker,
  height = 200,
}: HistogramChartProps) {
  const frame = useRef<HTMLDivElement>(null);
  const { t } = useTranslation('analytics');
  const width = useElementWidth(frame);
  const { edges, counts, below, above } = histogram;
  const trials = counts.reduce((sum, count) => sum + count, below + above) || 1;
  const shares = counts.map((count) => count / trials);
  const ticks = niceTicks(Math.max(0.01, ...shares), 4);
  const top = ticks.at(-1) ?? 1;
  const plotWidth = Math.max(1, width - MARGIN.left - MARGIN.right);
  const plotHeight = height - MARGIN.top - MARGIN.bottom;
  const low = edges[0] ?? 0;
  const high = edges.at(-1) ?? 1;
  const x = (value: number) => MARGIN.left + ((value - low) / (high - low || 1)) * plotWidth;
  const y = (share: number) => MARGIN.top + plotHeight - (share / top) * plotHeight;
  const every = labelEvery(edges.length, plotWidth, LABEL_WIDTH);
  const showMarker = marker && marker.value >= low && marker.value <= high;

  return (
    <div className="histogram">
      <div ref={frame} className="fan-chart__frame">
        <ChartSvg title={title} summary={summary} width={width} height={height}>
          <ChartGrid
            ticks={ticks}
            y={y}
            left={MARGIN.left}
            right={width - MARGIN.right}
            labelX={MARGIN.left - 6}
            format={formatShare}
          />
          {shares.map((share, index) => {
            const left = x(edges[index] ?? low);
            const right = x(edges[index + 1] ?? high);
            return (
              <rect
                // biome-ignore lint/suspicious/noArrayIndexKey: bins are positional.
                key={index}
                className="histogram__bar"
                x={left + 0.5}
                y={y(share)}
                width={Math.max(0.5, right - left - 1)}
                height={y(0) - y(share)}
              />
            );
          })}
          {edges.map(
            (edge, index) =>
              index % every === 0 && (
                // biome-ignore lint/suspicious/noArrayIndexKey: edges are positional.
                <text key={index} className="chart-tick" x={x(edge)} y={height - 8} textAnchor="middle">
                  {format(edge)}
                </text>
              ),
          )}
          {showMarker && (
            <g>
              <line
                className="histogram__marker"
                x1={x(marker.value)}
                x2={x(marker.value)}
                y1={MARGIN.top}
                y2={MARGIN.top + plotHeight}
              />
              <text className="chart-tick" x={x(marker.value) + 4} y={MARGIN.top + 10}>
                {marker.label}
              </text>
            </g>
          )}
        </ChartSvg>
      </div>
      <ChartTable
        caption={title}
        columns={[t('histogram.range'), t('histogram.trials'), t('histogram.share')]}
        rows={[
          ...(below > 0
            ? [
                {
                  key: 'below',
                  cells: [
                    t('histogram.below', { value: format(low) }),
                    formatNumber(below),
                    formatPercent(below / trials),
                  ],
                },
              ]
            : []),
          ...counts.map((count, index) => ({
            key: String(index),
            cells: [
              `${format(edges[index] ?? low)} – ${format(edges[index + 1] ?? high)}`,
              formatNumber(count),
              formatPercent(count / trials),
            ],
          })),
          ...(above > 0
            ? [
                {
                  key: 'above',
                  cells: [
                    t('histogram.above', { value: format(high) }),
                    formatNumber(above),
                    formatPercent(above / trials),
                  ],
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
