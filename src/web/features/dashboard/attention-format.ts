import type { ForecastMetric, KpiStatus } from '#shared/analytics.schema.js';
import type { AttentionCampaign } from '#shared/attention.schema.js';
import { currencyMinorDigits } from '#shared/currency.js';
import { cachedDateTimeFormat, cachedNumberFormat, knownLocale } from '#web/lib/workspace-format.js';

// How the dashboard reads: in the workspace's language (its locale), on its clock (its time zone), and
// campaign amounts in each campaign's currency. The reader's browser settings play no part, so everyone
// in the workspace sees the same times.

/** The workspace's locale and time zone. */
export interface WorkspaceRegion {
  locale: string;
  time_zone: string;
}

/**
 * A publishing time on the workspace's clock, with the weekday, which is what a week's plan turns on.
 * @example formatWhen('2026-12-07T13:00:00Z', { locale: 'en-GB', time_zone: 'Europe/Lisbon' }) // 'Mon 7 Dec, 13:00'
 */
export function formatWhen(iso: string, region: WorkspaceRegion): string {
  const locale = knownLocale(region.locale);
  const date = new Date(iso);
  const day = cachedDateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: region.time_zone,
  }).format(date);
  // The locale's own short time ("00:00" in en-GB, "12:00 AM" in en-US), which single fields do not give.
  const time = cachedDateTimeFormat(locale, { timeStyle: 'short', timeZone: region.time_zone }).format(date);
  return `${day}, ${time}`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long something has waited by `now` (the summary's own time, so the text does not depend on when
 * the page rendered), in the largest whole unit.
 * @example waitedFor('2026-12-05T09:00:00Z', '2026-12-07T10:00:00Z', 'en') // '2 days'
 */
export function waitedFor(since: string, now: string, locale: string): string {
  const ms = Math.max(0, Date.parse(now) - Date.parse(since));
  const [unit, size] =
    ms >= DAY
      ? (['day', DAY] as const)
      : ms >= HOUR
        ? (['hour', HOUR] as const)
        : (['minute', MINUTE] as const);
  return cachedNumberFormat(knownLocale(locale), { style: 'unit', unit, unitDisplay: 'long' }).format(
    Math.floor(ms / size),
  );
}

/** A count in the workspace's language ("1,234" or "1 234"). */
export function formatCount(value: number, locale: string): string {
  return cachedNumberFormat(knownLocale(locale), { maximumFractionDigits: 0 }).format(value);
}

/** A share from 0 to 1 as a whole percentage ("62%"). */
export function formatChance(share: number, locale: string): string {
  return cachedNumberFormat(knownLocale(locale), { style: 'percent', maximumFractionDigits: 0 }).format(
    share,
  );
}

/** A KPI's value: costs are money in the campaign's minor units; return on ad spend a multiple. */
export function formatKpiValue(
  metric: ForecastMetric | null,
  value: number,
  currency: string,
  locale: string,
): string {
  if (metric === 'spend' || metric === 'cpa') {
    const major = value / 10 ** currencyMinorDigits(currency);
    try {
      return cachedNumberFormat(knownLocale(locale), { style: 'currency', currency }).format(major);
    } catch {
      return `${formatCount(major, locale)} ${currency}`;
    }
  }
  if (metric === 'roas') {
    const multiple = cachedNumberFormat(knownLocale(locale), {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    return `${multiple.format(value)}×`;
  }
  return formatCount(value, locale);
}

export const KPI_STATUS_TONES = {
  met: 'success',
  on_track: 'success',
  at_risk: 'warning',
  behind: 'danger',
  not_started: 'neutral',
  no_forecast: 'neutral',
} as const satisfies Record<KpiStatus, string>;

/** Worst first: a campaign reads as its most worrying KPI. */
const CONCERN: readonly KpiStatus[] = ['behind', 'at_risk', 'on_track', 'met', 'not_started', 'no_forecast'];

/**
 * A campaign's standing in one word: its most worrying KPI's status (behind before at risk before on
 * track); null when it has no KPI.
 */
export function campaignStanding(campaign: Pick<AttentionCampaign, 'kpis'>): KpiStatus | null {
  const statuses = new Set(campaign.kpis.map((kpi) => kpi.status));
  return CONCERN.find((status) => statuses.has(status)) ?? null;
}
