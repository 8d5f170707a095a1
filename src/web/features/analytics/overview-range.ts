const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DD` of an instant in UTC, the calendar results are recorded in. */
function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * The overview's date range from the URL (`?from=…&to=…`), or the last 30 days (UTC) when either is
 * missing or malformed; a reversed range is put the right way round.
 *
 * @example
 * overviewRange(new URLSearchParams('from=2026-03-01&to=2026-03-31')); // { from: '2026-03-01', to: '2026-03-31' }
 */
export function overviewRange(params: URLSearchParams, now: Date = new Date()): { from: string; to: string } {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  if (DATE.test(from) && DATE.test(to) && !Number.isNaN(Date.parse(from)) && !Number.isNaN(Date.parse(to))) {
    return from <= to ? { from, to } : { from: to, to: from };
  }
  const today = Date.parse(`${isoDay(now.getTime())}T00:00:00Z`);
  return { from: isoDay(today - 29 * DAY_MS), to: isoDay(today) };
}
