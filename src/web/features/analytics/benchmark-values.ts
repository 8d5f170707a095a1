import type { BenchmarkMetric } from '#shared/analytics.schema.js';

/**
 * An override as typed (rates in percent, CPM as an amount) → the API's value (a share from 0 to 1, CPM
 * as is); empty means "no override" (null); undefined when the text is not a number.
 *
 * @example overrideValue('ctr', '1.5') // 0.015
 */
export function overrideValue(metric: BenchmarkMetric, text: string): number | null | undefined {
  const trimmed = text.replace(/[\s,%]/g, '');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  if (!Number.isFinite(value) || value < 0) return undefined;
  return metric === 'cpm' ? value : value / 100;
}

/** The API's value as the form shows it: the inverse of `overrideValue`. */
export function overrideText(metric: BenchmarkMetric, value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return metric === 'cpm' ? String(value) : String(Number((value * 100).toPrecision(6)));
}
