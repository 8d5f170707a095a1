import type { CampaignStatus } from '#shared/campaign.schema.js';

/** Each status's badge tone; its words are the campaigns strings' `statuses`. */
export const STATUS_TONES = {
  draft: 'neutral',
  active: 'success',
  paused: 'warning',
  completed: 'accent',
  archived: 'neutral',
} as const satisfies Record<CampaignStatus, string>;

/** Digits after the decimal point in `currency` (2 for EUR, 0 for JPY); 2 for codes Intl does not know. */
export function minorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/** 150000 EUR → "€1,500.00" in the reader's locale. */
export function formatBudget(minor: number, currency: string): string {
  const major = minor / 10 ** minorDigits(currency);
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(major);
  } catch {
    return `${major.toLocaleString()} ${currency}`;
  }
}

/** "1,500.5" (major units, as typed) → 150050 minor units; undefined when it is not an amount. */
export function toMinor(major: string, currency: string): number | undefined {
  const value = Number(major.replace(/[\s,]/g, ''));
  if (!Number.isFinite(value) || value < 0) return undefined;
  return Math.round(value * 10 ** minorDigits(currency));
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** "2026-03-01" → "1 Mar 2026": calendar dates have no time zone, so they are read as UTC midnight. */
export function formatCalendarDate(date: string): string {
  return dateFormat.format(new Date(`${date}T00:00:00Z`));
}
