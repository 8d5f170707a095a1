import type { Totals } from '#shared/analytics.schema.js';
import { addDays, todayIn } from '#shared/zoned-time.js';

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DD` of a UTC midnight: the arithmetic of civil dates, whatever zone they belong to. */
function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * The overview's date range from the URL (`?from=…&to=…`), or the workspace's last 30 days (in its
 * `timeZone`, as results are dated and as the campaign report counts) when either is missing or
 * malformed; a reversed range is put the right way round.
 *
 * @example
 * overviewRange(new URLSearchParams('from=2026-03-01&to=2026-03-31'), 'Europe/Paris'); // { from: '2026-03-01', to: '2026-03-31' }
 */
export function overviewRange(
  params: URLSearchParams,
  timeZone: string,
  now: Date = new Date(),
): { from: string; to: string } {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  if (DATE.test(from) && DATE.test(to) && !Number.isNaN(Date.parse(from)) && !Number.isNaN(Date.parse(to))) {
    return from <= to ? { from, to } : { from: to, to: from };
  }
  const today = todayIn(timeZone, now);
  return { from: addDays(today, -29), to: today };
}

type Period = Totals & { period: string };

const EMPTY: Totals = {
  impressions: 0,
  reach: 0,
  engagements: 0,
  clicks: 0,
  conversions: 0,
  spend_minor: 0,
  ctr: null,
  engagement_rate: null,
  cvr: null,
  cpa_minor: null,
};

/**
 * Every day (or ISO week, labelled by its Monday) from `from` to `to`, with zeros where the API listed
 * none: it lists only periods with results, and a trend with the quiet days left out would mislead.
 *
 * @example
 * fillPeriods('2026-03-01', '2026-03-03', 'day', [row2]).map((p) => p.period); // ['2026-03-01', '2026-03-02', '2026-03-03']
 */
export function fillPeriods(
  from: string,
  to: string,
  groupBy: 'day' | 'week',
  trend: readonly Period[],
): Period[] {
  const known = new Map(trend.map((row) => [row.period, row]));
  let time = Date.parse(`${from}T00:00:00Z`);
  if (groupBy === 'week') time -= ((new Date(time).getUTCDay() + 6) % 7) * DAY_MS;
  const step = groupBy === 'week' ? 7 * DAY_MS : DAY_MS;
  const periods: Period[] = [];
  for (const end = Date.parse(`${to}T00:00:00Z`); time <= end; time += step) {
    const period = isoDay(time);
    periods.push(known.get(period) ?? { ...EMPTY, period });
  }
  return periods;
}
