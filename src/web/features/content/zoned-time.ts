// Calendar arithmetic in a workspace's time zone. Items are stored as UTC instants; the calendar shows and
// moves them by the business's local date and time, so a post planned for 09:00 in Paris stays at 09:00
// when it is dragged across a daylight-saving change.

/** A calendar date, `YYYY-MM-DD`. */
export type CivilDate = string;

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock date and time of `instant` in `timeZone`. */
export function zonedParts(instant: Date, timeZone: string) {
  const parts: Record<string, string> = {};
  for (const part of partsFormatter(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
  };
}

/** The local date of an ISO instant. @example localDate('2026-03-01T23:30:00Z', 'Europe/Paris') // '2026-03-02' */
export function localDate(iso: string, timeZone: string): CivilDate {
  return zonedParts(new Date(iso), timeZone).date;
}

/** The local time, `HH:MM`. */
export function localTime(iso: string, timeZone: string): string {
  return zonedParts(new Date(iso), timeZone).time;
}

/** Today's date in `timeZone`. */
export function todayIn(timeZone: string, now = new Date()): CivilDate {
  return zonedParts(now, timeZone).date;
}

function wallClockMs(date: CivilDate, time: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return Date.UTC(year, month - 1, day, hour, minute);
}

/** How far `timeZone`'s wall clock is ahead of UTC at `instantMs`, in milliseconds. */
function offsetAt(instantMs: number, timeZone: string): number {
  const { date, time } = zonedParts(new Date(instantMs), timeZone);
  return wallClockMs(date, time) - Math.floor(instantMs / 60_000) * 60_000;
}

/**
 * The instant at which `timeZone` shows `date` `time`. In the hour skipped by a spring-forward change
 * the time is read with the offset from before the change (02:30 becomes 03:30).
 * @example zonedInstant('2026-07-01', '09:00', 'Europe/Paris') // '2026-07-01T07:00:00.000Z'
 */
export function zonedInstant(date: CivilDate, time: string, timeZone: string): string {
  const wall = wallClockMs(date, time);
  const first = offsetAt(wall, timeZone);
  const second = offsetAt(wall - first, timeZone);
  return new Date(wall - (first === second ? first : second)).toISOString();
}

/** `date` moved by `days` (negative goes back). */
export function addDays(date: CivilDate, days: number): CivilDate {
  const ms = wallClockMs(date, '00:00') + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function weekday(date: CivilDate): number {
  const day = new Date(wallClockMs(date, '00:00')).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday of `date`'s week. */
export function startOfWeek(date: CivilDate): CivilDate {
  return addDays(date, 1 - weekday(date));
}

/** The first day of `date`'s month. */
export function startOfMonth(date: CivilDate): CivilDate {
  return `${date.slice(0, 7)}-01`;
}

/** The first day of the month `months` after `date`'s. */
export function addMonths(date: CivilDate, months: number): CivilDate {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const next = new Date(Date.UTC(year, month - 1 + months, 1));
  return next.toISOString().slice(0, 10);
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

/** "12 Mar 2026, 09:00" in the reader's language, on `timeZone`'s clock. */
export function formatZoned(iso: string, timeZone: string, options: Intl.DateTimeFormatOptions = {}): string {
  return new Intl.DateTimeFormat(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...options,
    timeZone,
  }).format(new Date(iso));
}
