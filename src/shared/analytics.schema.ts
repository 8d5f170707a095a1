import { z } from 'zod';
import {
  campaignObjectiveSchema,
  currencySchema,
  dateSchema,
  kpiSchema,
  MAX_BUDGET_MINOR,
} from './campaign.schema.js';
import { CHANNEL_IDS } from './channel-ids.js';
import { idSchema, listOf, timestampSchema } from './common.schema.js';
import { KPI_STATUSES } from './kpi-statuses.js';

export { KPI_STATUSES, type KpiStatus } from './kpi-statuses.js';

// Analytics: Monte Carlo forecasts of a campaign plan, the actual results recorded per content item and
// day, and the benchmark rates the forecast starts from. See docs/analytics.md.

/** The most trials one simulation may run. */
export const MAX_TRIALS = 1_000_000;
export const DEFAULT_TRIALS = 10_000;
/** Seeds are unsigned 32-bit integers (the kernel's PRNG seeding). */
export const MAX_SEED = 0xffff_ffff;

/** Rates the forecast draws from a Beta prior, updated from the business's own results. */
export const RATE_METRICS = ['ctr', 'engagement_rate', 'cvr'] as const;
/** Every benchmark input: the rates, cost per thousand impressions, and organic reach per post (share of audience). */
export const BENCHMARK_METRICS = [...RATE_METRICS, 'cpm', 'organic_reach'] as const;
/** What a forecast predicts, per channel and in total. */
export const FORECAST_METRICS = [
  'impressions',
  'reach',
  'engagements',
  'clicks',
  'conversions',
  'spend',
  'cpa',
  'roas',
] as const;
/** The counts recorded as actual results. */
export const COUNT_METRICS = ['impressions', 'reach', 'engagements', 'clicks', 'conversions'] as const;

export type RateMetric = (typeof RATE_METRICS)[number];
export type BenchmarkMetric = (typeof BENCHMARK_METRICS)[number];
export type ForecastMetric = (typeof FORECAST_METRICS)[number];
export type CountMetric = (typeof COUNT_METRICS)[number];

const channelSchema = z.enum(CHANNEL_IDS);
const share = z.number().finite().min(0, { message: 'A share cannot be negative' }).max(1);

/** Per-request overrides of a channel's rates; anything left out comes from benchmarks or history. */
export const rateOverridesSchema = z.strictObject({
  ctr: share.optional(),
  engagement_rate: share.optional(),
  cvr: share.optional(),
  /** Cost per thousand impressions, in major currency units. */
  cpm: z.number().finite().positive().max(10_000).optional(),
  organic_reach: share.optional(),
});

/** One channel of a plan: its share of the paid budget and/or organic posts to an audience. */
export const channelPlanSchema = z.strictObject({
  channel: channelSchema,
  budget_share: share.default(0),
  posts: z.number().int().min(0).max(10_000).default(0),
  /** Followers or list size; reach per organic post is a share of it. */
  audience_size: z.number().int().min(0).max(10_000_000_000).optional(),
  rates: rateOverridesSchema.optional(),
});

/** Budget shares must add up to 1 (when there is a budget and any share is set); within this tolerance. */
export const SHARE_TOLERANCE = 1e-6;

/**
 * `POST /api/analytics/simulate`: explicit inputs, or `campaign_id` (its channels, budget, dates, KPIs and
 * planned content fill whatever the body leaves out).
 */
export const simulateBodySchema = z
  .strictObject({
    business_id: idSchema,
    campaign_id: idSchema.optional(),
    objective: campaignObjectiveSchema.optional(),
    budget_minor: z
      .number()
      .int()
      .min(0, { message: 'The budget cannot be negative' })
      .max(MAX_BUDGET_MINOR)
      .optional(),
    currency: currencySchema.optional(),
    channels: z
      .array(channelPlanSchema)
      .min(1)
      .max(CHANNEL_IDS.length)
      .refine((plans) => new Set(plans.map((plan) => plan.channel)).size === plans.length, {
        message: 'Each channel once',
      })
      .optional(),
    /** Average order value, for return on ad spend. */
    average_order_value_minor: z.number().int().min(0).max(MAX_BUDGET_MINOR).optional(),
    kpis: z.array(kpiSchema).max(10).optional(),
    trials: z
      .number()
      .int()
      .min(100)
      .max(MAX_TRIALS, { message: `At most ${MAX_TRIALS.toLocaleString('en')} trials per simulation` })
      .default(DEFAULT_TRIALS),
    /** The same seed and inputs give the same forecast; a random one is chosen (and returned) if absent. */
    seed: z.number().int().min(0).max(MAX_SEED).optional(),
  })
  .superRefine((body, ctx) => {
    if (!body.campaign_id) {
      if (!body.channels)
        ctx.addIssue({
          code: 'custom',
          path: ['channels'],
          message: 'List the channels or give a campaign_id',
        });
      if (!body.objective)
        ctx.addIssue({ code: 'custom', path: ['objective'], message: 'Give an objective or a campaign_id' });
    }
    const plans = body.channels ?? [];
    const total = plans.reduce((sum, plan) => sum + plan.budget_share, 0);
    if (plans.some((plan) => plan.budget_share > 0) && Math.abs(total - 1) > SHARE_TOLERANCE) {
      ctx.addIssue({
        code: 'custom',
        path: ['channels'],
        message: `Budget shares must add up to 1; these add up to ${Number(total.toFixed(6))}`,
      });
    }
  });

const percentilesShape = {
  p5: z.number().nullable(),
  p25: z.number().nullable(),
  p50: z.number().nullable(),
  p75: z.number().nullable(),
  p95: z.number().nullable(),
};
/** A forecast metric's mean and percentiles; null where undefined (cost per acquisition with no conversions). */
export const metricSummarySchema = z.object({ mean: z.number().nullable(), ...percentilesShape });
export const bandsSchema = z.object(percentilesShape);
const metricsRecord = z.object(
  Object.fromEntries(FORECAST_METRICS.map((metric) => [metric, metricSummarySchema])) as Record<
    ForecastMetric,
    typeof metricSummarySchema
  >,
);

export const histogramSchema = z.object({
  edges: z.array(z.number()),
  counts: z.array(z.number()),
  below: z.number(),
  above: z.number(),
});

export const RATE_SOURCES = ['benchmark', 'override', 'history', 'input', 'assumption'] as const;
/** Where one input of one channel came from, with the numbers used. */
export const rateProvenanceSchema = z.object({
  channel: channelSchema,
  metric: z.enum(BENCHMARK_METRICS),
  mean: z.number(),
  source: z.enum(RATE_SOURCES),
  /** What the history updated (benchmark or override), when `source` is history. */
  prior_source: z.enum(RATE_SOURCES).nullable(),
  /** Observations behind a history update (impressions or clicks), else 0. */
  n: z.number(),
  citation: z.string(),
  year: z.number().int().nullable(),
});

export const sensitivitySchema = z.object({
  channel: channelSchema,
  input: z.enum(BENCHMARK_METRICS),
  /** Correlation of log(input) with log(1 + total conversions), −1 to 1. */
  correlation: z.number(),
  /** correlation², the share of the spread it explains alone. */
  share: z.number(),
});

export const kpiForecastSchema = z.object({
  metric: z.string(),
  target: z.number(),
  /** The forecast metric the KPI maps to (orders and sign-ups count as conversions); null if none. */
  forecast_metric: z.enum(FORECAST_METRICS).nullable(),
  /** Chance of reaching the target (at most the target for cost per acquisition). */
  probability: z.number().nullable(),
});

export const forecastResultsSchema = z.object({
  trials: z.number().int(),
  seed: z.number().int(),
  currency: z.string(),
  spend_minor: z.number().int(),
  totals: metricsRecord,
  channels: z.array(
    z.object({
      channel: channelSchema,
      budget_minor: z.number().int(),
      posts: z.number().int(),
      metrics: metricsRecord,
    }),
  ),
  histograms: z.record(z.string(), histogramSchema),
  kpis: z.array(kpiForecastSchema),
  sensitivity: z.array(sensitivitySchema),
  rates: z.array(rateProvenanceSchema),
  elapsed_ms: z.number(),
  /** Where the simulation ran: this thread, this thread and a worker thread sharing it, or a worker thread. */
  ran_in: z.enum(['inline', 'split', 'worker']),
});

export const simulationSchema = z.object({
  id: idSchema,
  business_id: idSchema,
  campaign_id: idSchema.nullable(),
  inputs: z.record(z.string(), z.unknown()),
  seed: z.number().int(),
  trials: z.number().int(),
  results: forecastResultsSchema,
  created_by: idSchema.nullable(),
  created_at: timestampSchema,
});
export const simulationParamsSchema = z.strictObject({ id: idSchema });

const count = z.number().int().min(0, { message: 'Counts cannot be negative' }).max(1e12);
/** One day's counts of one item, without naming the item. */
const resultShape = {
  day: dateSchema,
  impressions: count.default(0),
  reach: count.default(0),
  engagements: count.default(0),
  clicks: count.default(0),
  conversions: count.default(0),
  spend_minor: z
    .number()
    .int()
    .min(0, { message: 'Spend cannot be negative' })
    .max(MAX_BUDGET_MINOR)
    .default(0),
  currency: currencySchema.nullable().default(null),
};
const clicksWithinImpressions: [
  (record: { impressions: number; clicks: number }) => boolean,
  { message: string; path: string[] },
] = [
  (record) => record.impressions <= 0 || record.clicks <= record.impressions,
  { message: 'More clicks than impressions', path: ['clicks'] },
];
/** One content item's results on one day; recording the same item and day again replaces it. */
export const metricRecordSchema = z
  .strictObject({ content_item_id: idSchema, ...resultShape })
  .refine(...clicksWithinImpressions);
/**
 * `POST /api/content/{id}/results`: one day's results of one item, entered by hand (the results form).
 * Like every result a person records, it replaces that day's reading from a network, which never
 * overwrites it.
 */
export const contentResultBodySchema = z.strictObject(resultShape).refine(...clicksWithinImpressions);

export const recordMetricsBodySchema = z.strictObject({
  business_id: idSchema,
  records: z
    .array(metricRecordSchema)
    .min(1)
    .max(5_000)
    .refine(
      (records) => new Set(records.map((r) => `${r.content_item_id}|${r.day}`)).size === records.length,
      { message: 'Each content item and day once' },
    ),
});
export const metricsImportBodySchema = z.strictObject({
  business_id: idSchema,
  csv: z.string().min(1).max(2_000_000),
});
export const metricRowSchema = z.object({
  content_item_id: idSchema,
  day: dateSchema,
  impressions: z.number(),
  reach: z.number(),
  engagements: z.number(),
  clicks: z.number(),
  conversions: z.number(),
  spend_minor: z.number(),
  currency: z.string().nullable(),
  /** `manual`: a person's (by hand, the records API or CSV); otherwise the network it was read from. */
  source: z.string(),
  updated_at: timestampSchema,
});
/** `GET /api/content/{id}/results`: the item's results, the latest day first (at most 90 days). */
export const contentResultsSchema = listOf(metricRowSchema);
export const CONTENT_RESULTS_LISTED = 90;

export const recordMetricsResultSchema = z.object({ recorded: z.number().int() });

export const OVERVIEW_GROUPS = ['day', 'week'] as const;
/** `GET /api/analytics/overview`: a date range (inclusive, at most about two years). */
export const overviewQuerySchema = z
  .strictObject({
    business_id: idSchema,
    from: dateSchema,
    to: dateSchema,
    group_by: z.enum(OVERVIEW_GROUPS).default('day'),
  })
  .refine((query) => query.to >= query.from, { message: '`to` is before `from`', path: ['to'] })
  .refine((query) => Date.parse(query.to) - Date.parse(query.from) <= 800 * 86_400_000, {
    message: 'At most 800 days per overview',
    path: ['to'],
  });

/** Summed counts and the rates they imply. */
export const totalsSchema = z.object({
  impressions: z.number(),
  reach: z.number(),
  engagements: z.number(),
  clicks: z.number(),
  conversions: z.number(),
  spend_minor: z.number(),
  ctr: z.number().nullable(),
  engagement_rate: z.number().nullable(),
  cvr: z.number().nullable(),
  cpa_minor: z.number().nullable(),
});
export const overviewSchema = z.object({
  business_id: idSchema,
  from: dateSchema,
  to: dateSchema,
  group_by: z.enum(OVERVIEW_GROUPS),
  totals: totalsSchema,
  trend: z.array(totalsSchema.extend({ period: dateSchema })),
  by_channel: z.array(totalsSchema.extend({ channel: channelSchema })),
  by_campaign: z.array(
    totalsSchema.extend({ campaign_id: idSchema.nullable(), campaign_name: z.string().nullable() }),
  ),
  best_content: z.array(
    totalsSchema.extend({ content_item_id: idSchema, title: z.string(), channel: channelSchema }),
  ),
  worst_content: z.array(
    totalsSchema.extend({ content_item_id: idSchema, title: z.string(), channel: channelSchema }),
  ),
});

/**
 * What changed since a saved forecast was run, so one run now (the forecast workbench runs afresh) uses
 * other inputs and can give other chances: results recorded since (the rates learn from them), benchmark
 * rates overridden, or the campaign's plan (channels, planned posts, budget, KPIs).
 */
export const FORECAST_CHANGES = ['results', 'rates', 'plan'] as const;
export const campaignReportSchema = z.object({
  campaign_id: idSchema,
  name: z.string(),
  start_date: dateSchema,
  end_date: dateSchema,
  /** Days of the campaign elapsed by today (0 before it starts), and the share of its length. */
  days_elapsed: z.number().int(),
  days_total: z.number().int(),
  simulation: z
    .object({
      id: idSchema,
      created_at: timestampSchema,
      trials: z.number().int(),
      seed: z.number().int(),
      changed_since: z.array(z.enum(FORECAST_CHANGES)),
    })
    .nullable(),
  actual: totalsSchema,
  daily: z.array(totalsSchema.extend({ period: dateSchema })),
  /** The forecast's bands scaled to the share of the campaign elapsed (even pacing). */
  expected_to_date: z.record(z.string(), bandsSchema),
  kpis: z.array(
    z.object({
      metric: z.string(),
      target: z.number(),
      forecast_metric: z.enum(FORECAST_METRICS).nullable(),
      actual: z.number().nullable(),
      /** The actual so far carried to the end at the same pace; null before the start and for costs. */
      projected: z.number().nullable(),
      /** The saved forecast's chance of reaching the target by the end (its trials that do). */
      probability: z.number().nullable(),
      status: z.enum(KPI_STATUSES),
    }),
  ),
});

export const BENCHMARK_CONFIDENCE = ['medium', 'low'] as const;
export const benchmarkQuerySchema = z.strictObject({
  business_id: idSchema,
  objective: campaignObjectiveSchema.optional(),
  channel: channelSchema.optional(),
});
export const benchmarkEntrySchema = z.object({
  channel: channelSchema,
  objective: campaignObjectiveSchema,
  metric: z.enum(BENCHMARK_METRICS),
  /** The default's mean (a rate from 0 to 1; CPM in major units). */
  value: z.number().nullable(),
  source: z.string(),
  year: z.number().int().nullable(),
  confidence: z.enum(BENCHMARK_CONFIDENCE),
  /** This business's override, if any. */
  override: z.object({ value: z.number(), updated_at: timestampSchema }).nullable(),
});
export const benchmarkListSchema = z.object({ items: z.array(benchmarkEntrySchema) });
/** `PUT /api/analytics/benchmarks`: set each override; `value: null` removes it. */
export const putBenchmarksBodySchema = z
  .strictObject({
    business_id: idSchema,
    overrides: z
      .array(
        z.strictObject({
          channel: channelSchema,
          objective: campaignObjectiveSchema,
          metric: z.enum(BENCHMARK_METRICS),
          value: z.number().finite().min(0).max(10_000).nullable(),
        }),
      )
      .min(1)
      .max(250),
  })
  .superRefine((body, ctx) => {
    body.overrides.forEach((entry, index) => {
      if (entry.value !== null && entry.metric !== 'cpm' && entry.value > 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['overrides', index, 'value'],
          message: 'A rate is between 0 and 1',
        });
      }
    });
  });
export const campaignReportParamsSchema = z.strictObject({ id: idSchema });
export const campaignReportQuerySchema = z.strictObject({ format: z.enum(['json', 'csv']).default('json') });
export const overviewCsvQuerySchema = overviewQuerySchema;

export type ChannelPlan = z.infer<typeof channelPlanSchema>;
export type RateOverrides = z.infer<typeof rateOverridesSchema>;
export type SimulateBody = z.infer<typeof simulateBodySchema>;
export type MetricSummary = z.infer<typeof metricSummarySchema>;
export type Bands = z.infer<typeof bandsSchema>;
export type HistogramDto = z.infer<typeof histogramSchema>;
export type RateSource = (typeof RATE_SOURCES)[number];
export type RateProvenance = z.infer<typeof rateProvenanceSchema>;
export type Sensitivity = z.infer<typeof sensitivitySchema>;
export type KpiForecast = z.infer<typeof kpiForecastSchema>;
export type ForecastResults = z.infer<typeof forecastResultsSchema>;
export type Simulation = z.infer<typeof simulationSchema>;
export type MetricRecord = z.infer<typeof metricRecordSchema>;
export type RecordMetricsBody = z.infer<typeof recordMetricsBodySchema>;
export type ContentResultBody = z.infer<typeof contentResultBodySchema>;
export type MetricsImportBody = z.infer<typeof metricsImportBodySchema>;
export type MetricRow = z.infer<typeof metricRowSchema>;
export type OverviewQuery = z.infer<typeof overviewQuerySchema>;
export type Totals = z.infer<typeof totalsSchema>;
export type Overview = z.infer<typeof overviewSchema>;
export type CampaignReport = z.infer<typeof campaignReportSchema>;
export type ForecastChange = (typeof FORECAST_CHANGES)[number];
export type BenchmarkQuery = z.infer<typeof benchmarkQuerySchema>;
export type BenchmarkEntry = z.infer<typeof benchmarkEntrySchema>;
export type PutBenchmarksBody = z.infer<typeof putBenchmarksBodySchema>;
