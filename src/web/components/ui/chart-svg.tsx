import { type ReactNode, type SVGProps, useId } from 'react';
import './chart.css';

interface ChartSvgProps extends Omit<SVGProps<SVGSVGElement>, 'children' | 'role'> {
  /** Names the chart for screen readers. */
  title: string;
  /** A one-sentence reading of the chart, read with the title. */
  summary: string;
  width: number;
  height: number;
  children: ReactNode;
}

/**
 * The SVG of a chart, drawn at its real size (no scaling), announced as one image named by its title and
 * summary; the chart's own table holds the values. Extra props (focus and key handlers) go to the SVG.
 *
 * @example
 * <ChartSvg title="Spend" summary="$1.20 over 30 days" width={640} height={220}>…</ChartSvg>
 */
export function ChartSvg({ title, summary, width, height, children, ...svgProps }: ChartSvgProps) {
  const titleId = useId();
  const summaryId = useId();
  return (
    <svg
      {...svgProps}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${titleId} ${summaryId}`}
      className="chart-svg"
    >
      <title id={titleId}>{title}</title>
      <desc id={summaryId}>{summary}</desc>
      {children}
    </svg>
  );
}
