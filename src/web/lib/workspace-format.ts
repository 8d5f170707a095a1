// Numbers, dates and money read the same for everyone in a workspace: in its locale (`en-GB` writes
// "7 Dec 2026" and "1,234.50", `fr-FR` "7 déc. 2026" and "1 234,50") and on its clock (its time zone),
// whatever the reader's browser is set to, as the dashboard always did (features/dashboard/attention-format.ts).
// The workspace's pages set it (app/layout/workspace-layout.tsx); outside a workspace (sign-in, the account's
// pages) the browser's own locale and zone apply.

interface WorkspaceRegion {
  /** A BCP 47 tag Intl knows; undefined: the browser's. */
  locale: string | undefined;
  /** An IANA zone; undefined: the browser's. */
  timeZone: string | undefined;
}

let region: WorkspaceRegion = { locale: undefined, timeZone: undefined };
/** What `setWorkspaceRegion` was last given: a render with the same workspace checks nothing again. */
let lastSet: { locale: string; time_zone: string } | undefined;
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** `locale` if Intl knows it, else undefined (the schema allows tags that Intl may refuse). */
export function knownLocale(locale: string | undefined): string | undefined {
  if (!locale) return undefined;
  try {
    return Intl.getCanonicalLocales(locale)[0];
  } catch {
    return undefined;
  }
}

function knownTimeZone(timeZone: string | undefined): string | undefined {
  if (!timeZone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}

/**
 * Format for this workspace from now on (undefined: the browser's conventions again). Cheap to call on
 * every render: nothing changes when the workspace is the same.
 *
 * @example setWorkspaceRegion({ locale: 'fr-FR', time_zone: 'Europe/Paris' })
 */
export function setWorkspaceRegion(workspace: { locale: string; time_zone: string } | undefined): void {
  if (workspace?.locale === lastSet?.locale && workspace?.time_zone === lastSet?.time_zone) return;
  lastSet = workspace && { locale: workspace.locale, time_zone: workspace.time_zone };
  region = {
    locale: knownLocale(workspace?.locale),
    timeZone: knownTimeZone(workspace?.time_zone),
  };
}

/** The locale numbers and dates are written in now (undefined: the browser's). */
export function formattingLocale(): string | undefined {
  return region.locale;
}

/**
 * An Intl.NumberFormat in the workspace's locale, built once per locale and options.
 *
 * @example numberFormat({ style: 'percent' }).format(0.62) // '62%'
 */
export function numberFormat(options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cachedNumberFormat(region.locale, options);
}

/**
 * An Intl.DateTimeFormat in the workspace's locale and, unless `options.timeZone` says otherwise (UTC for
 * calendar dates), on its clock.
 */
export function dateTimeFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cachedDateTimeFormat(region.locale, { timeZone: region.timeZone, ...options });
}

/**
 * An Intl.NumberFormat for `locale` (undefined: the browser's), built once per locale and options:
 * building one costs far more than using it, and a page formats hundreds of values.
 */
export function cachedNumberFormat(
  locale: string | undefined,
  options: Intl.NumberFormatOptions = {},
): Intl.NumberFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

/** An Intl.DateTimeFormat for `locale` (undefined: the browser's), built once per locale and options. */
export function cachedDateTimeFormat(
  locale: string | undefined,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, format);
  }
  return format;
}

/** A number as the workspace writes it ("12,400" in en-GB, "12 400" in fr-FR). */
export function formatNumber(value: number | bigint, options?: Intl.NumberFormatOptions): string {
  return numberFormat(options).format(value);
}

/**
 * How long something took, in the workspace's conventions: milliseconds under a second, else seconds to
 * one decimal ("87 ms", "2.4 s"; "2,4 s" in fr-FR).
 */
export function formatDuration(ms: number): string {
  if (ms < 1000) return formatNumber(ms, { style: 'unit', unit: 'millisecond', maximumFractionDigits: 0 });
  return formatNumber(ms / 1000, {
    style: 'unit',
    unit: 'second',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/**
 * A file's size in the largest binary unit that keeps it at 1 or more, one decimal under 10, as the
 * workspace's locale abbreviates it ("1.5 MB", "1,5 Mo" in fr-FR); bytes in full ("512 bytes").
 */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return formatNumber(value, {
    style: 'unit',
    unit: BYTE_UNITS[unit],
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit > 0 && value < 10 ? 1 : 0,
  });
}

/**
 * A number a person typed, read with the workspace's separators ("1,500.50" in en-GB, "1 500,50" in fr-FR,
 * "1.500,50" in de-DE); a point also reads as the decimal separator where the locale groups with spaces.
 * Undefined when it is not a plain non-negative number.
 *
 * @example parseTypedNumber('1 500,50') // 1500.5 in a fr-FR workspace
 */
export function parseTypedNumber(text: string): number | undefined {
  const parts = numberFormat().formatToParts(12_345.6);
  const group = parts.find((part) => part.type === 'group')?.value ?? ',';
  const decimal = parts.find((part) => part.type === 'decimal')?.value ?? '.';
  let plain = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (!/\s|\u00a0|\u202f/.test(group)) plain = plain.split(group).join('');
  if (decimal !== '.') plain = plain.replace(decimal, '.');
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(plain)) return undefined;
  return Number(plain);
}
