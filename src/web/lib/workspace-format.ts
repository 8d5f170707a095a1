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
  const key = `${region.locale ?? ''}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(region.locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * An Intl.DateTimeFormat in the workspace's locale and, unless `options.timeZone` says otherwise (UTC for
 * calendar dates), on its clock.
 */
export function dateTimeFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const withZone = { timeZone: region.timeZone, ...options };
  const key = `${region.locale ?? ''}|${JSON.stringify(withZone)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(region.locale, withZone);
    dateFormats.set(key, format);
  }
  return format;
}

/** A number as the workspace writes it ("12,400" in en-GB, "12 400" in fr-FR). */
export function formatNumber(value: number | bigint, options?: Intl.NumberFormatOptions): string {
  return numberFormat(options).format(value);
}
