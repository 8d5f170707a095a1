import { z } from 'zod';
import { CHANNEL_IDS } from './channel-ids.js';
import { idSchema, pageOf, shortText, timestampSchema } from './common.schema.js';

// Campaigns tie goals, channels, budget and dates together; content items point at them.

export const CAMPAIGN_OBJECTIVES = ['awareness', 'traffic', 'leads', 'sales', 'engagement'] as const;
export const CAMPAIGN_STATUSES = ['draft', 'active', 'paused', 'completed', 'archived'] as const;
export type CampaignObjective = (typeof CAMPAIGN_OBJECTIVES)[number];
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/**
 * Where a campaign may go from each status. Completed campaigns never reopen (their results are final),
 * and archived is the end of the road.
 */
export const CAMPAIGN_TRANSITIONS: Readonly<Record<CampaignStatus, readonly CampaignStatus[]>> = {
  draft: ['active', 'archived'],
  active: ['paused', 'completed'],
  paused: ['active', 'completed'],
  completed: ['archived'],
  archived: [],
};

/** Whether a campaign may move from `from` to `to` (staying put is not a move). */
export function canMoveCampaign(from: CampaignStatus, to: CampaignStatus): boolean {
  return CAMPAIGN_TRANSITIONS[from].includes(to);
}

/** Up to 10^13 minor units: beyond any campaign, and still an exact JavaScript number. */
export const MAX_BUDGET_MINOR = 10_000_000_000_000;

export const campaignObjectiveSchema = z.enum(CAMPAIGN_OBJECTIVES);
export const campaignStatusSchema = z.enum(CAMPAIGN_STATUSES);
/** A calendar date, `YYYY-MM-DD`. */
export const dateSchema = z.iso.date();
/** ISO 4217 alphabetic code, upper case (`EUR`, `USD`). */
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, { message: 'Use an ISO 4217 code such as EUR' });

const campaignChannelsSchema = z
  .array(z.enum(CHANNEL_IDS))
  .min(1, { message: 'Pick at least one channel' })
  .max(CHANNEL_IDS.length)
  .refine((channels) => new Set(channels).size === channels.length, { message: 'Each channel once' });

/** A key result to aim for: `{ metric: 'clicks', target: 500 }`. */
export const kpiSchema = z.strictObject({
  metric: shortText(60),
  target: z.number().finite().min(0).max(1e12),
});
const kpisSchema = z
  .array(kpiSchema)
  .max(10)
  .refine((kpis) => new Set(kpis.map((kpi) => kpi.metric.toLowerCase())).size === kpis.length, {
    message: 'Each metric once',
  });

const endNotBeforeStart = (dates: { start_date?: string; end_date?: string }) =>
  !dates.start_date || !dates.end_date || dates.end_date >= dates.start_date;
const endDateRule = { message: 'The end date is before the start date', path: ['end_date'] };

/** `POST /api/campaign/`: new campaigns start as drafts. */
export const createCampaignBodySchema = z
  .strictObject({
    business_id: idSchema,
    name: shortText(120),
    objective: campaignObjectiveSchema,
    channels: campaignChannelsSchema,
    budget_minor: z.number().int().min(0).max(MAX_BUDGET_MINOR).default(0),
    /** Left out: the workspace's currency, from its time zone's country or its locale (EUR for Lisbon). */
    currency: currencySchema.optional(),
    start_date: dateSchema,
    end_date: dateSchema,
    kpis: kpisSchema.default([]),
  })
  .refine(endNotBeforeStart, endDateRule);

/** `PATCH /api/campaign/{id}`: any field; `status` moves along `CAMPAIGN_TRANSITIONS` only. */
export const updateCampaignBodySchema = z
  .strictObject({
    name: shortText(120).optional(),
    objective: campaignObjectiveSchema.optional(),
    channels: campaignChannelsSchema.optional(),
    budget_minor: z.number().int().min(0).max(MAX_BUDGET_MINOR).optional(),
    currency: currencySchema.optional(),
    start_date: dateSchema.optional(),
    end_date: dateSchema.optional(),
    kpis: kpisSchema.optional(),
    status: campaignStatusSchema.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'Change at least one field' })
  .refine(endNotBeforeStart, endDateRule);

export const campaignSchema = z.object({
  id: idSchema,
  business_id: idSchema,
  name: z.string(),
  objective: campaignObjectiveSchema,
  channels: z.array(z.enum(CHANNEL_IDS)),
  budget_minor: z.number().int(),
  currency: z.string(),
  start_date: dateSchema,
  end_date: dateSchema,
  kpis: z.array(kpiSchema),
  status: campaignStatusSchema,
  created_by: idSchema.nullable(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export const campaignPageSchema = pageOf(campaignSchema);
export const campaignParamsSchema = z.strictObject({ id: idSchema });

export const CAMPAIGN_SORT_KEYS = ['start_date', 'created_at', 'name'] as const;
export type CampaignSortKey = (typeof CAMPAIGN_SORT_KEYS)[number];

/** `GET /api/campaign/?business_id=…`: `from`/`to` keep campaigns whose dates overlap that range. */
export const campaignListQuerySchema = z
  .strictObject({
    business_id: idSchema,
    status: campaignStatusSchema.optional(),
    from: dateSchema.optional(),
    to: dateSchema.optional(),
    sort: z.enum(CAMPAIGN_SORT_KEYS).default('start_date'),
    order: z.enum(['asc', 'desc']).default('asc'),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().max(300).optional(),
  })
  .refine((query) => !query.from || !query.to || query.to >= query.from, {
    message: '`to` is before `from`',
    path: ['to'],
  });

export type Kpi = z.infer<typeof kpiSchema>;
export type Campaign = z.infer<typeof campaignSchema>;
export type CreateCampaignBody = z.infer<typeof createCampaignBodySchema>;
export type UpdateCampaignBody = z.infer<typeof updateCampaignBodySchema>;
export type CampaignListQuery = z.infer<typeof campaignListQuerySchema>;
