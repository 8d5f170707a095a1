/**
 * The UTC instant of a wall-clock date and time in an IANA time zone, without a date library.
 * A time that does not exist (skipped by a daylight-saving change) moves forward by the gap; a time that
 * happens twice (clocks going back) takes the first occurrence.
 *
 * @example
 * zonedTimeToUtc('2026-07-01', '09:30', 'Europe/London'); // '2026-07-01T08:30:00.000Z'
 */
export function zonedTimeToUtc(date: string, time: string, timeZone: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const wallClock = Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0);
  // The offset at the wall-clock time read as UTC is right except within hours of a change; trying the
  // offsets an hour either side and keeping the earliest instant that shows the asked-for time fixes that.
  const candidates = [-3, 0, 3].map((hours) => wallClock - offsetMs(wallClock + hours * 3_600_000, timeZone));
  const exact = candidates
    .filter((instant) => instant + offsetMs(instant, timeZone) === wallClock)
    .sort((a, b) => a - b);
  return new Date(exact[0] ?? Math.max(...candidates)).toISOString();
}

/** How far `timeZone` is ahead of UTC at `instant`, in milliseconds. */
export function offsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - (instant - (instant % 1000));
}
