import type { ForecastMetric } from '#shared/analytics.schema.js';

// KPIs are free text on a campaign ("orders", "sign-ups", "clicks"): map the common names onto what the
// forecast predicts, so a KPI can be given a probability. Anything else is reported as not forecast.

const ALIASES: Record<string, ForecastMetric> = {
  impressions: 'impressions',
  views: 'impressions',
  reach: 'reach',
  people_reached: 'reach',
  engagements: 'engagements',
  engagement: 'engagements',
  interactions: 'engagements',
  clicks: 'clicks',
  link_clicks: 'clicks',
  visits: 'clicks',
  conversions: 'conversions',
  orders: 'conversions',
  sales: 'conversions',
  purchases: 'conversions',
  subscriptions: 'conversions',
  signups: 'conversions',
  sign_ups: 'conversions',
  leads: 'conversions',
  bookings: 'conversions',
  cpa: 'cpa',
  cost_per_acquisition: 'cpa',
  cost_per_conversion: 'cpa',
  roas: 'roas',
  return_on_ad_spend: 'roas',
  spend: 'spend',
};

/**
 * The forecast metric a KPI name refers to, or null.
 *
 * @example
 * forecastMetricOf('Sign-ups'); // 'conversions'
 */
export function forecastMetricOf(kpi: string): ForecastMetric | null {
  const key = kpi
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return ALIASES[key] ?? ALIASES[key.replace(/s$/, '')] ?? null;
}

/** Whether a lower value is better for this metric (a cost): the KPI is met at or below its target. */
export function lowerIsBetter(metric: ForecastMetric): boolean {
  return metric === 'cpa' || metric === 'spend';
}
