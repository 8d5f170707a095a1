import { Temporal } from 'temporal-polyfill';

// Calendar arithmetic in a workspace's time zone, the one rule for the server (planned calendars) and the web
// app (calendar, editor, rescheduling). Items are stored as UTC instants and planned as wall-clock times, so a
// post planned for 09:00 in Paris stays at 09:00 when it moves across a daylight-saving change.
// Temporal's 'compatible' reading (as RFC 5545) settles the two awkward cases: a time skipped by a
// spring-forward change moves later by the length of the gap (02:30 in New York on 2026-03-08 is 03:30 EDT;
// 02:15 at Lord Howe, whose clocks skip half an hour, is 02:45), and a time that happens twice when the
// clocks go back takes its first occurrence, at the earlier offset. The polyfill is imported, not installed
// as a global, so nothing else in the page or the process sees it.

/** A calendar date, `YYYY-MM-DD`. */
export type CivilDate = string;

const CIVIL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether `value` is a `YYYY-MM-DD` date that exists (the helpers below throw on `2026-02-30`).
 * @example isCivilDate('2026-02-30') // false
 */
export function isCivilDate(value: string): value is CivilDate {
  if (!CIVIL_DATE.test(value)) return false;
  try {
    Temporal.PlainDate.from(value);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `timeZone` at an ISO instant. */
function wallClockAt(iso: string, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.from(iso).toZonedDateTimeISO(timeZone);
}

/** An ISO instant in the form the API stores and returns (`2026-07-01T07:00:00.000Z`). */
function toIso(instant: Temporal.Instant): string {
  return new Date(instant.epochMilliseconds).toISOString();
}

/**
 * The instant at which `timeZone` shows `date` `time` (`HH:MM`); a skipped time moves later by the gap, a
 * repeated one takes its first occurrence.
 * @example zonedInstant('2026-07-01', '09:00', 'Europe/Paris') // '2026-07-01T07:00:00.000Z'
 */
export function zonedInstant(date: CivilDate, time: string, timeZone: string): string {
  const wallClock = Temporal.PlainDate.from(date).toPlainDateTime(Temporal.PlainTime.from(time));
  return toIso(wallClock.toZonedDateTime(timeZone, { disambiguation: 'compatible' }).toInstant());
}

/**
 * The instant `date` begins in `timeZone`: its midnight, or the first time it shows when a change skips
 * midnight.
 * @example startOfDay('2026-03-08', 'America/New_York') // '2026-03-08T05:00:00.000Z'
 */
export function startOfDay(date: CivilDate, timeZone: string): string {
  return toIso(Temporal.PlainDate.from(date).toZonedDateTime(timeZone).toInstant());
}

/** The local date of an ISO instant. @example localDate('2026-03-01T23:30:00Z', 'Europe/Paris') // '2026-03-02' */
export function localDate(iso: string, timeZone: string): CivilDate {
  return wallClockAt(iso, timeZone).toPlainDate().toString();
}

/** The local time of an ISO instant, `HH:MM`. @example localTime('2026-03-01T23:30:00Z', 'Europe/Paris') // '00:30' */
export function localTime(iso: string, timeZone: string): string {
  return wallClockAt(iso, timeZone).toPlainTime().toString({ smallestUnit: 'minute' });
}

/** Today's date in `timeZone`. */
export function todayIn(timeZone: string, now = new Date()): CivilDate {
  return localDate(now.toISOString(), timeZone);
}

/** `date` moved by `days` (negative goes back). */
export function addDays(date: CivilDate, days: number): CivilDate {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

/** Whole days from `from` to `to` (negative when `to` is earlier). @example daysBetween('2026-12-07', '2026-12-24') // 17 */
export function daysBetween(from: CivilDate, to: CivilDate): number {
  return Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: 'days' }).days;
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function weekday(date: CivilDate): number {
  return Temporal.PlainDate.from(date).dayOfWeek;
}

/** The Monday of `date`'s week. */
export function startOfWeek(date: CivilDate): CivilDate {
  return addDays(date, 1 - weekday(date));
}

/** The first day of `date`'s month. */
export function startOfMonth(date: CivilDate): CivilDate {
  return Temporal.PlainDate.from(date).with({ day: 1 }).toString();
}

/** The first day of the month `months` after `date`'s (negative goes back). */
export function addMonths(date: CivilDate, months: number): CivilDate {
  return Temporal.PlainDate.from(startOfMonth(date)).add({ months }).toString();
}

/**
 * The weeks a month view shows: Monday before (or on) the 1st through the Sunday after (or on) the last day.
 * @example monthWeeks('2026-03-15').length // 6
 */
export function monthWeeks(date: CivilDate): CivilDate[][] {
  const first = startOfMonth(date);
  const last = addDays(addMonths(first, 1), -1);
  const weeks: CivilDate[][] = [];
  for (let monday = startOfWeek(first); monday <= last; monday = addDays(monday, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, index) => addDays(monday, index)));
  }
  return weeks;
}
