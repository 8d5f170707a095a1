import type { BenchmarkMetric, ForecastMetric, KpiStatus, RateSource } from '#shared/analytics.schema.js';
import { currencyMinorDigits } from '#shared/currency.js';
import { dateTimeFormat, formatNumber, numberFormat } from '#web/lib/workspace-format.js';

// How analytics numbers read on screen. Money arrives in minor units with its currency, like every amount
// in the product; rates are shares from 0 to 1. Their names are in the `analytics` strings (`metrics`,
// `inputs`, `sources`, `kpiStatus`).

export const SOURCE_TONES = {
  benchmark: 'neutral',
  override: 'warning',
  history: 'success',
  input: 'accent',
  assumption: 'neutral',
} as const satisfies Record<RateSource, string>;

export const KPI_STATUS_TONES = {
  met: 'success',
  on_track: 'success',
  at_risk: 'warning',
  behind: 'danger',
  not_started: 'neutral',
  no_forecast: 'neutral',
} as const satisfies Record<KpiStatus, string>;

/**
 * An amount in minor units as money in the reader's locale.
 * @example formatMoney(150000, 'EUR') // "€1,500.00"
 */
export function formatMoney(minor: number, currency: string): string {
  const major = minor / 10 ** currencyMinorDigits(currency);
  try {
    return numberFormat({ style: 'currency', currency }).format(major);
  } catch {
    return `${formatNumber(major)} ${currency}`;
  }
}

const whole = (value: number) => formatNumber(value, { maximumFractionDigits: 0 });
const compact = (value: number) => formatNumber(value, { notation: 'compact', maximumFractionDigits: 1 });

/** A count, whole; `short` abbreviates large ones for axes ("12K"). */
export function formatCount(value: number, short = false): string {
  return short && Math.abs(value) >= 10_000 ? compact(value) : whole(value);
}

/** A share from 0 to 1 as a percentage with enough digits for small rates ("0.84%", "42%"). */
export function formatPercent(share: number): string {
  const percent = share * 100;
  const digits = percent !== 0 && Math.abs(percent) < 10 ? 2 : 0;
  return `${percent.toFixed(digits)}%`;
}

/** One forecast metric's value; null (no conversions, so no cost per acquisition) reads as a dash. */
export function formatMetric(metric: ForecastMetric, value: number | null, currency: string): string {
  if (value === null) return '—';
  if (metric === 'spend' || metric === 'cpa') return formatMoney(value, currency);
  if (metric === 'roas') return `${value.toFixed(2)}×`;
  return formatCount(value);
}

/** A benchmark input's value: CPM is money in major units, the rest are shares. */
export function formatInput(metric: BenchmarkMetric, value: number, currency: string): string {
  if (metric === 'cpm') return formatMoney(value * 10 ** currencyMinorDigits(currency), currency);
  return formatPercent(value);
}

const shortDay = (date: Date) =>
  dateTimeFormat({ day: 'numeric', month: 'short', timeZone: 'UTC' }).format(date);
const longDay = (date: Date) => dateTimeFormat({ dateStyle: 'full', timeZone: 'UTC' }).format(date);

/** "2026-03-01" → "1 Mar"; calendar dates have no time zone, so they are read as UTC midnight. */
export function formatShortDay(day: string): string {
  return shortDay(new Date(`${day}T00:00:00Z`));
}

/** "2026-03-01" → "Sunday, 1 March 2026". */
export function formatLongDay(day: string): string {
  return longDay(new Date(`${day}T00:00:00Z`));
}
