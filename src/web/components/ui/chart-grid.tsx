import './chart.css';

/**
 * The horizontal grid lines of a chart's value axis, each with its label at the left margin: shared by the
 * bar chart and the analytics charts so every chart reads its scale the same way.
 */
export function ChartGrid({
  ticks,
  y,
  left,
  right,
  labelX,
  format,
}: {
  ticks: readonly number[];
  /** Where a value sits vertically (the chart's scale). */
  y: (value: number) => number;
  /** The plot's left and right edges. */
  left: number;
  right: number;
  /** Where labels end (they are right-aligned to it). */
  labelX: number;
  format: (value: number) => string;
}) {
  return (
    <>
      {ticks.map((tick) => (
        <g key={tick}>
          <line className="chart-grid" x1={left} x2={right} y1={y(tick)} y2={y(tick)} />
          <text className="chart-tick" x={labelX} y={y(tick)} dy="0.32em" textAnchor="end">
            {format(tick)}
          </text>
        </g>
      ))}
    </>
  );
}
