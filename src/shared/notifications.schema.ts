import { z } from 'zod';
import { CHANNEL_IDS } from './channel-ids.js';
import { idSchema, timestampSchema } from './common.schema.js';
import { KPI_STATUSES } from './kpi-statuses.js';

// Notifications: what a person is told in a workspace (the bell, the list) and which kinds also come by
// email. Every notification is in-app; email follows each person's choice per workspace and kind.

/** Every kind of notification, in the order the settings list them. */
export const NOTIFICATION_KINDS = [
  'review_requested',
  'content_sent_back',
  'content_approved',
  'publish_failed',
  'inbox_attention',
  'ai_budget',
  'job_died',
  'weekly_digest',
  'comment_mention',
] as const;
export const notificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

/** What each kind is, who gets it, and whether it is emailed until the person says otherwise. */
export const NOTIFICATION_KIND_INFO: Record<
  NotificationKind,
  { label: string; description: string; emailByDefault: boolean }
> = {
  review_requested: {
    label: 'Review requested',
    description: 'A post waits for your review (owners and admins).',
    emailByDefault: true,
  },
  content_sent_back: {
    label: 'Sent back',
    description: 'A reviewer sent your post back with a comment.',
    emailByDefault: true,
  },
  content_approved: {
    label: 'Approved',
    description: 'A reviewer approved your post.',
    emailByDefault: true,
  },
  publish_failed: {
    label: 'Publishing failed',
    description: 'A scheduled post could not be published (its author and the owners).',
    emailByDefault: true,
  },
  inbox_attention: {
    label: 'Urgent or negative message',
    description: 'A customer message triaged as urgent or negative (its assignee, or everyone who replies).',
    // A busy inbox would flood the mailbox; the bell shows these live.
    emailByDefault: false,
  },
  ai_budget: {
    label: 'AI budget',
    description: 'The monthly AI budget reached 80% or 100% (owners and admins).',
    emailByDefault: true,
  },
  job_died: {
    label: 'Job failed for good',
    description: 'Background work gave up after its last attempt (owners and admins).',
    emailByDefault: true,
  },
  weekly_digest: {
    label: 'Weekly digest',
    description: 'Monday morning: what goes out in the week ahead, and results against forecast.',
    emailByDefault: true,
  },
  comment_mention: {
    label: 'Mentioned in a comment',
    description: 'Someone @mentioned you in a comment on a post.',
    emailByDefault: true,
  },
};

/** Who acted: their name, or null when the server did not know it ("Someone"). */
const actorSchema = z.string().nullable();
/** An item named as the notification names it: its title, or its text's first line, shortened. */
const itemLabelSchema = z.string();
const channelIdSchema = z.enum(CHANNEL_IDS);

/** A week's results in the digest. */
const digestResultsSchema = z.object({
  impressions: z.number(),
  engagements: z.number(),
  clicks: z.number(),
  conversions: z.number(),
});

/** An active campaign in the digest: how far along it is, its results against the forecast, its KPIs. */
const digestCampaignSchema = z.object({
  name: z.string(),
  days_elapsed: z.number().int(),
  days_total: z.number().int(),
  /** Null: no forecast yet. */
  forecast: z
    .array(z.object({ metric: z.enum(['clicks', 'conversions']), actual: z.number(), expected: z.number() }))
    .nullable(),
  kpis: z.array(z.object({ metric: z.string(), status: z.enum(KPI_STATUSES) })),
});

/**
 * The facts a notification's sentences are made of, per kind, so the web app can say them in its reader's
 * language; the stored `title` and `body` are the same facts in English (emails and API clients use them).
 * Money is in micro-dollars; texts are as the English ones quote them (shortened the same way).
 */
export const notificationFactsSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('review_requested'),
    actor: actorSchema,
    item: itemLabelSchema,
    channel: channelIdSchema,
  }),
  z.object({
    kind: z.literal('content_sent_back'),
    actor: actorSchema,
    item: itemLabelSchema,
    /** The reviewer's comment; null when they left none. */
    comment: z.string().nullable(),
  }),
  z.object({ kind: z.literal('content_approved'), actor: actorSchema, item: itemLabelSchema }),
  z.object({
    kind: z.literal('publish_failed'),
    item: itemLabelSchema,
    /** As the server wrote it (src/shared/failure-reasons.ts, or a network's own words). */
    reason: z.string(),
  }),
  z.object({
    kind: z.literal('inbox_attention'),
    customer: z.string(),
    urgent: z.boolean(),
    negative: z.boolean(),
    excerpt: z.string(),
  }),
  z.object({
    kind: z.literal('ai_budget'),
    /** The percentage of the monthly budget reached: 80 or 100. */
    threshold: z.number().int(),
    spent_micro_usd: z.number(),
    limit_micro_usd: z.number(),
  }),
  z.object({ kind: z.literal('job_died'), job_name: z.string(), error: z.string() }),
  z.object({
    kind: z.literal('weekly_digest'),
    upcoming_count: z.number().int().min(0),
    /** The first few items scheduled in the week, in time order; the rest are only counted. */
    upcoming: z.array(
      z.object({
        label: itemLabelSchema,
        channel: channelIdSchema,
        scheduled_at: timestampSchema.nullable(),
      }),
    ),
    last_week: digestResultsSchema,
    campaigns: z.array(digestCampaignSchema),
  }),
  z.object({
    kind: z.literal('comment_mention'),
    actor: actorSchema,
    item: itemLabelSchema,
    excerpt: z.string(),
  }),
]);
export type NotificationFacts = z.infer<typeof notificationFactsSchema>;

/** One notification as its recipient sees it. */
export const notificationSchema = z.object({
  id: idSchema,
  business_id: idSchema,
  kind: notificationKindSchema,
  title: z.string(),
  body: z.string(),
  /** Where to act: a path of the web app (`/w/{business_id}/content/{id}`). */
  link: z.string(),
  /**
   * What `title` and `body` are made of, for saying them in another language; null on notifications
   * written before the facts were kept (then `title` and `body` are all there is).
   */
  facts: notificationFactsSchema.nullable(),
  read_at: timestampSchema.nullable(),
  created_at: timestampSchema,
});
export type Notification = z.infer<typeof notificationSchema>;

/** `/api/business/{id}/notifications/{notificationId}`. */
export const notificationParamsSchema = z.strictObject({ id: idSchema, notificationId: idSchema });

/** `?limit&cursor&unread`: newest first; `unread=true` lists only unread ones. */
export const notificationListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
  unread: z.enum(['true', 'false']).optional(),
});
export type NotificationListQuery = z.infer<typeof notificationListQuerySchema>;

export const notificationPageSchema = z.object({
  items: z.array(notificationSchema),
  next_cursor: z.string().nullable(),
});
export type NotificationPage = z.infer<typeof notificationPageSchema>;

export const unreadCountSchema = z.object({ unread: z.number().int().min(0) });
export type UnreadCount = z.infer<typeof unreadCountSchema>;

/** `POST …/notifications/read-all`: how many were marked. */
export const markAllReadSchema = z.object({ marked: z.number().int().min(0) });

/** One kind's setting for one person in one workspace. */
export const notificationPreferenceSchema = z.object({
  kind: notificationKindSchema,
  /** Always true: every notification shows in the app. */
  in_app: z.literal(true),
  email: z.boolean(),
});
export type NotificationPreference = z.infer<typeof notificationPreferenceSchema>;

export const notificationPreferencesSchema = z.object({
  items: z.array(notificationPreferenceSchema),
  /** Whether this server sends email at all (`none`: the choices are kept for when it does). */
  mail: z.enum(['smtp', 'outbox', 'none']),
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

/** `PUT …/notification-preferences`: the kinds to change, each to email or not. */
export const updateNotificationPreferencesSchema = z.strictObject({
  email: z.partialRecord(notificationKindSchema, z.boolean()),
});
export type UpdateNotificationPreferences = z.infer<typeof updateNotificationPreferencesSchema>;

/** The unsubscribe link's token (`?token=` on the link, or in the web page's body). */
export const unsubscribeQuerySchema = z.strictObject({ token: z.string().min(10).max(600) });

/** What an unsubscribe link is for, and whether that email is on now (false once unsubscribed). */
export const unsubscribeResultSchema = z.object({
  kind: notificationKindSchema,
  kind_label: z.string(),
  workspace_name: z.string(),
  email: z.boolean(),
});
export type UnsubscribeResult = z.infer<typeof unsubscribeResultSchema>;
