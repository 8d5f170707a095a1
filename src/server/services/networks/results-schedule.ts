// When a published post's results are read (issue 16): hourly for its first seven days, then daily until
// it is thirty days old, then never again. Readings are due at fixed times counted from the moment the
// network accepted the post (P): P+1h, P+2h … P+168h (7 days), then P+8d, P+9d … P+30d. A run at time t
// reads a post when the latest reading time at or before t has not been read yet, so a run that was
// missed (a restart, a rate limit) catches up once, never twice.

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Hourly readings last this long after publishing. */
export const HOURLY_FOR_MS = 7 * DAY_MS;
/** The last reading is this long after publishing. */
export const MEASURED_FOR_MS = 30 * DAY_MS;
/** A final reading missed by a stopped server is still taken this long after it was due; then it is given up. */
export const CATCH_UP_MS = DAY_MS;

/**
 * The latest reading time of a post published at `publishedAt`, at or before `now`; null before the first.
 *
 * @example
 * latestReading(new Date('2031-03-03T10:00Z'), new Date('2031-03-03T12:30Z')); // 2031-03-03T12:00Z
 */
export function latestReading(publishedAt: Date, now: Date): Date | null {
  const age = now.getTime() - publishedAt.getTime();
  if (age < HOUR_MS) return null;
  const capped = Math.min(age, MEASURED_FOR_MS);
  const offset =
    capped <= HOURLY_FOR_MS
      ? Math.floor(capped / HOUR_MS) * HOUR_MS
      : HOURLY_FOR_MS + Math.floor((capped - HOURLY_FOR_MS) / DAY_MS) * DAY_MS;
  return new Date(publishedAt.getTime() + offset);
}

/**
 * Whether a run at `now` reads the post: a reading time has come that was not read (`metricsReadAt` is
 * when it was last read, null if never), and it is no more than CATCH_UP_MS old.
 */
export function resultsDue(publishedAt: Date, metricsReadAt: Date | null, now: Date): boolean {
  const reading = latestReading(publishedAt, now);
  if (!reading || now.getTime() - reading.getTime() > CATCH_UP_MS) return false;
  return metricsReadAt === null || metricsReadAt.getTime() < reading.getTime();
}

/** Posts published before this can no longer be due at `now` (the repository's lower bound). */
export function oldestDuePublication(now: Date): Date {
  return new Date(now.getTime() - MEASURED_FOR_MS - CATCH_UP_MS);
}
