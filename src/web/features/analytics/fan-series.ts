import type { Bands, Totals } from '#shared/analytics.schema.js';

const DAY_MS = 86_400_000;

/** One day of a fan chart: the cumulative forecast bands by then and, up to today, the cumulative actual. */
export interface FanPoint {
  day: string;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
  actual: number | null;
}

/** The metrics a campaign's fan chart can show: counts and spend (money in minor units). */
export const FAN_METRICS = ['impressions', 'reach', 'engagements', 'clicks', 'conversions', 'spend'] as const;
export type FanMetric = (typeof FAN_METRICS)[number];

function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** A daily actual's value of `metric` (spend is recorded in minor units). */
export function actualOf(metric: FanMetric, row: Totals): number {
  return metric === 'spend' ? row.spend_minor : row[metric];
}

/**
 * The fan chart of a campaign: the forecast of the whole campaign (`bands`) spread evenly over its days, as
 * the server's own "expected to date" does, so the bands at day d are the totals × d ÷ days; the actuals
 * are summed day by day up to `daysElapsed` (days with no results add nothing).
 *
 * @example
 * fanSeries('2026-03-01', '2026-03-10', bands, daily, 'clicks', 4).at(3); // { day: '2026-03-04', p50: …, actual: … }
 */
export function fanSeries(
  startDate: string,
  endDate: string,
  bands: Bands,
  daily: readonly (Totals & { period: string })[],
  metric: FanMetric,
  daysElapsed: number,
): FanPoint[] {
  const start = Date.parse(`${startDate}T00:00:00Z`);
  const days = Math.round((Date.parse(`${endDate}T00:00:00Z`) - start) / DAY_MS) + 1;
  const byDay = new Map(daily.map((row) => [row.period, actualOf(metric, row)]));
  const points: FanPoint[] = [];
  let actual = 0;
  for (let index = 0; index < days; index += 1) {
    const day = isoDay(start + index * DAY_MS);
    const share = (index + 1) / days;
    const at = (value: number | null) => (value ?? 0) * share;
    actual += byDay.get(day) ?? 0;
    points.push({
      day,
      p5: at(bands.p5),
      p25: at(bands.p25),
      p50: at(bands.p50),
      p75: at(bands.p75),
      p95: at(bands.p95),
      actual: index < daysElapsed ? actual : null,
    });
  }
  return points;
}
