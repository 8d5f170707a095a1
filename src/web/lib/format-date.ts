const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** "12 Mar 2025, 14:05" in the reader's locale and time zone. */
export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** "12 Mar 2025" in the reader's locale. */
export function formatDate(iso: string): string {
  return dateOnly.format(new Date(iso));
}

const civilDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** A calendar date (`2026-12-07`) as "7 Dec 2026" in the reader's locale, the same day in every zone. */
export function formatCivilDate(date: string): string {
  return civilDate.format(new Date(`${date}T00:00:00Z`));
}
