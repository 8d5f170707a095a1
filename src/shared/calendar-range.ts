import { addDays, type CivilDate, daysBetween } from './zoned-time.js';

// The days a content calendar covers. A request names whole weeks from a start date; a plan for a campaign
// keeps to the campaign's dates as well, so both sides (the planner, the service's refusal, the dialog's
// warning) narrow the range the same way.

/** Inclusive civil dates. */
export interface DayRange {
  first: CivilDate;
  last: CivilDate;
}

/** The days a request of `weeks` weeks from `startDate` covers. */
export function requestedDays(startDate: CivilDate, weeks: number): DayRange {
  return { first: startDate, last: addDays(startDate, weeks * 7 - 1) };
}

/**
 * The days a plan may use: `requested` narrowed to the campaign's dates where they overlap (`narrowed` says
 * whether that cut anything); null when they do not overlap, so a plan for the campaign has no day to use.
 *
 * @example planDays({ first: '2026-12-04', last: '2026-12-31' }, { from: '2026-12-07', to: '2026-12-24' })
 * // { first: '2026-12-07', last: '2026-12-24', narrowed: true }
 */
export function planDays(
  requested: DayRange,
  campaign?: { from?: CivilDate | undefined; to?: CivilDate | undefined },
): (DayRange & { narrowed: boolean }) | null {
  const first = campaign?.from && campaign.from > requested.first ? campaign.from : requested.first;
  const last = campaign?.to && campaign.to < requested.last ? campaign.to : requested.last;
  if (first > last) return null;
  return { first, last, narrowed: first !== requested.first || last !== requested.last };
}

/** How many days a range holds. */
export function dayCount(range: DayRange): number {
  return daysBetween(range.first, range.last) + 1;
}

/**
 * The request that covers a campaign from `today` on: its first day (or today, once it has started) and
 * enough weeks to reach its last, 1 to 12.
 */
export function campaignRequest(
  campaign: { start_date: CivilDate; end_date: CivilDate },
  today: CivilDate,
): { start_date: CivilDate; weeks: number } {
  const start = campaign.start_date > today ? campaign.start_date : today;
  const days = start > campaign.end_date ? 1 : daysBetween(start, campaign.end_date) + 1;
  return { start_date: start, weeks: Math.min(12, Math.max(1, Math.ceil(days / 7))) };
}
