import type { CampaignStatus } from '#shared/campaign.schema.js';
import { currencyMinorDigits } from '#shared/currency.js';
import { dateTimeFormat, formatNumber, numberFormat, parseTypedNumber } from '#web/lib/workspace-format.js';

/** Each status's badge tone; its words are the campaigns strings' `statuses`. */
export const STATUS_TONES = {
  draft: 'neutral',
  active: 'success',
  paused: 'warning',
  completed: 'accent',
  archived: 'neutral',
} as const satisfies Record<CampaignStatus, string>;

/** 150000 EUR → "€1,500.00" in the reader's locale. */
export function formatBudget(minor: number, currency: string): string {
  const major = minor / 10 ** currencyMinorDigits(currency);
  try {
    return numberFormat({ style: 'currency', currency }).format(major);
  } catch {
    return `${formatNumber(major)} ${currency}`;
  }
}

/**
 * An amount typed in major units with the workspace's separators ("1,500.5" in en-GB, "1 500,5" in fr-FR)
 * → 150050 minor units; undefined when it is not an amount.
 */
export function toMinor(major: string, currency: string): number | undefined {
  const value = parseTypedNumber(major);
  if (value === undefined || !Number.isFinite(value)) return undefined;
  return Math.round(value * 10 ** currencyMinorDigits(currency));
}

/** Minor units as a form field shows them: major units, the workspace's decimal separator, no grouping. */
export function toMajorInput(minor: number, currency: string): string {
  const digits = currencyMinorDigits(currency);
  return formatNumber(minor / 10 ** digits, {
    useGrouping: false,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

const dateFormat = (date: Date) => dateTimeFormat({ dateStyle: 'medium', timeZone: 'UTC' }).format(date);

/** "2026-03-01" → "1 Mar 2026": calendar dates have no time zone, so they are read as UTC midnight. */
export function formatCalendarDate(date: string): string {
  return dateFormat(new Date(`${date}T00:00:00Z`));
}
