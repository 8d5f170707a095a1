import { dateTimeFormat } from './workspace-format.js';

/** "12 Mar 2025, 14:05" in the workspace's locale and time zone (workspace-format.ts). */
export function formatDateTime(iso: string): string {
  return dateTimeFormat({ dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** "12 Mar 2025" in the workspace's locale and time zone. */
export function formatDate(iso: string): string {
  return dateTimeFormat({ dateStyle: 'medium' }).format(new Date(iso));
}

/** A calendar date (`2026-12-07`) as "7 Dec 2026" in the workspace's locale, the same day in every zone. */
export function formatCivilDate(date: string): string {
  return dateTimeFormat({ dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}
