import { formattingLocale, numberFormat } from '#web/lib/workspace-format.js';

/** Micro-dollars per dollar: the API counts AI cost in millionths of a US dollar, as integers. */
export const MICRO_PER_USD = 1_000_000;

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(requested: string | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  // Unless a caller names one, the workspace's locale (#web/lib/workspace-format.ts).
  const locale = requested ?? formattingLocale();
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD', ...options });
    formatters.set(key, cached);
  }
  return cached;
}

/**
 * An amount in micro-dollars as US dollars, as precise as it needs to be: single AI calls cost fractions
 * of a cent, so those keep two significant digits, while whole dollars keep cents.
 *
 * @example formatMicroUsd(4_200, 'en-US') // '$0.0042'
 * @example formatMicroUsd(12_400_000, 'en-US') // '$12.40'
 */
export function formatMicroUsd(micro: number, locale?: string): string {
  const usd = micro / MICRO_PER_USD;
  const size = Math.abs(micro);
  if (size === 0 || size >= MICRO_PER_USD) {
    return formatter(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(usd);
  }
  if (size < 10_000) {
    return formatter(locale, { maximumSignificantDigits: 2 }).format(usd);
  }
  return formatter(locale, { minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(usd);
}

/**
 * A dollar amount typed by a person ("12.40", "$5", "0,50") in micro-dollars, exactly (no floating point);
 * undefined when it is not an amount or has more than six decimals.
 *
 * @example parseUsd('12.40') // 12_400_000
 */
export function parseUsd(input: string): number | undefined {
  const match = /^\$?\s*(\d{1,9})(?:[.,](\d{0,6}))?$/.exec(input.trim());
  if (!match) return undefined;
  const [, whole = '0', fraction = ''] = match;
  return Number(whole) * MICRO_PER_USD + Number(fraction.padEnd(6, '0'));
}

/**
 * Micro-dollars as the plain number a form field shows, with the workspace's decimal separator: at least
 * cents, no trailing zeros beyond.
 *
 * @example usdInputValue(12_400_000) // '12.40'
 */
export function usdInputValue(micro: number): string {
  const whole = Math.floor(micro / MICRO_PER_USD);
  const fraction = String(micro % MICRO_PER_USD)
    .padStart(6, '0')
    .replace(/0+$/, '')
    .padEnd(2, '0');
  return `${whole}${decimalSeparator()}${fraction}`;
}

/** The workspace's decimal separator ("." in en-GB, "," in fr-FR), which parseUsd reads back. */
function decimalSeparator(): string {
  return (
    numberFormat()
      .formatToParts(1.5)
      .find((part) => part.type === 'decimal')?.value ?? '.'
  );
}
