import type { UsageResponse } from '#shared/ai.schema.js';

/** The ranges the usage page offers, in days ending today. */
export const RANGE_DAYS = [7, 30, 90] as const;
export type RangeDays = (typeof RANGE_DAYS)[number];

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of an instant in UTC, the calendar the usage ledger is kept in. */
function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * The inclusive UTC date range of the last `days` days, today included.
 * @example rangeOfLastDays(7, new Date('2026-03-10T12:00:00Z')) // { from: '2026-03-04', to: '2026-03-10' }
 */
export function rangeOfLastDays(days: number, now: Date = new Date()): { from: string; to: string } {
  const today = Date.parse(`${isoDay(now.getTime())}T00:00:00Z`);
  return { from: isoDay(today - (days - 1) * DAY_MS), to: isoDay(today) };
}

export type DayUsage = UsageResponse['by_day'][number];

/** Every day from `from` to `to`, with zeros where the API listed none (it only lists days with calls). */
export function fillDays(from: string, to: string, byDay: readonly DayUsage[]): DayUsage[] {
  const known = new Map(byDay.map((day) => [day.day, day]));
  const days: DayUsage[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let time = Date.parse(`${from}T00:00:00Z`); time <= end; time += DAY_MS) {
    const day = isoDay(time);
    days.push(
      known.get(day) ?? {
        day,
        calls: 0,
        prompt_tokens: 0,
        completion_tokens: 0,
        cost_micro_usd: 0,
        errors: 0,
      },
    );
  }
  return days;
}
