import { z } from 'zod';
import { budgetStatusSchema } from './ai.schema.js';
import { FORECAST_METRICS, KPI_STATUSES } from './analytics.schema.js';
import { dateSchema } from './campaign.schema.js';
import { CHANNEL_IDS } from './channel-ids.js';
import { idSchema, timestampSchema } from './common.schema.js';
import { contentStatusSchema } from './content.schema.js';

// What needs a person's attention in a workspace: the dashboard's one summary. Counts answer "how many",
// a few rows answer "which first"; the lists behind each count are the existing pages (calendar, item,
// inbox, campaign, AI usage). See docs/getting-started.md ("The dashboard").

/** Rows listed per section (the counts cover everything). */
export const ATTENTION_ROWS = 3;
/** Running campaigns reported with their KPIs (each is a campaign report). */
export const ATTENTION_CAMPAIGNS = 4;

/** A content item as the dashboard lists it: enough to name it and link to it. */
export const attentionItemSchema = z.object({
  id: idSchema,
  /** The title, or the body's first line when it has none. */
  title: z.string(),
  channel: z.enum(CHANNEL_IDS),
  status: contentStatusSchema,
  scheduled_at: timestampSchema.nullable(),
  updated_at: timestampSchema,
  /** Items in review: since when it waits (its latest submission; its last change if it has none). */
  waiting_since: timestampSchema.nullable(),
  /** Why the last publication failed (failed items only). */
  publish_error: z.string().nullable(),
});

export const attentionCampaignSchema = z.object({
  campaign_id: idSchema,
  name: z.string(),
  start_date: dateSchema,
  end_date: dateSchema,
  days_elapsed: z.number().int(),
  days_total: z.number().int(),
  /** The campaign's currency: cost KPIs (spend, cost per acquisition) are in its minor units. */
  currency: z.string(),
  kpis: z.array(
    z.object({
      metric: z.string(),
      /** What the KPI's name maps to (orders count as conversions); null when nothing does. */
      forecast_metric: z.enum(FORECAST_METRICS).nullable(),
      target: z.number(),
      actual: z.number().nullable(),
      /** The latest saved forecast's chance of reaching the target; null without a forecast. */
      probability: z.number().nullable(),
      status: z.enum(KPI_STATUSES),
    }),
  ),
});

/** `GET /api/business/{id}/attention`. */
export const attentionSchema = z.object({
  business_id: idSchema,
  generated_at: timestampSchema,
  /** Nothing made yet (no content, campaigns or conversations): the web app shows its first steps instead. */
  first_run: z.boolean(),
  /** Items in review, the one waiting longest first. */
  approvals: z.object({ count: z.number().int(), oldest: z.array(attentionItemSchema) }),
  /** Scheduled items still to go out, soonest first. */
  next_up: z.object({ count: z.number().int(), items: z.array(attentionItemSchema) }),
  /** Items whose publication failed, latest first. */
  failed: z.object({ count: z.number().int(), items: z.array(attentionItemSchema) }),
  /**
   * Open conversations (a snooze that ran out counts as open): whose latest message is the customer's,
   * marked urgent, and read as negative.
   */
  inbox: z.object({
    open: z.number().int(),
    unanswered: z.number().int(),
    urgent: z.number().int(),
    negative: z.number().int(),
  }),
  /** Active campaigns running today (in the workspace's zone), the first few by start date. */
  campaigns: z.object({ items: z.array(attentionCampaignSchema), more: z.boolean() }),
  /** This month's AI spend against the budget; null for roles that may not see AI usage (viewers). */
  ai_spend: budgetStatusSchema.nullable(),
});

export type AttentionItem = z.infer<typeof attentionItemSchema>;
export type AttentionCampaign = z.infer<typeof attentionCampaignSchema>;
export type Attention = z.infer<typeof attentionSchema>;
