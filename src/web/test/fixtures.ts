import { planCalendarOutputSchema } from '#shared/ai-tasks.schema.js';
import { type CampaignReport, campaignReportSchema } from '#shared/analytics.schema.js';
import { type Attention, attentionSchema } from '#shared/attention.schema.js';
import { type Session, sessionSchema, type User, userSchema } from '#shared/auth.schema.js';
import {
  type ApiKey,
  apiKeySchema,
  type Business,
  businessSchema,
  type Member,
  memberSchema,
} from '#shared/business.schema.js';
import { type CalendarJobResult, calendarJobResultSchema } from '#shared/calendar.schema.js';
import { type Campaign, campaignSchema } from '#shared/campaign.schema.js';
import { type ContentItem, contentItemSchema } from '#shared/content.schema.js';
import {
  type CannedReply,
  type Conversation,
  cannedReplySchema,
  conversationSchema,
  type InboxRule,
  inboxRuleSchema,
  type Message,
  messageSchema,
} from '#shared/inbox.schema.js';
import { type Job, jobSchema } from '#shared/jobs.schema.js';
import { type MediaItem, mediaItemSchema } from '#shared/media.schema.js';
import { type NetworkAccount, networkAccountSchema } from '#shared/network.schema.js';
import { type Notification, notificationSchema } from '#shared/notifications.schema.js';

// Answers as the API sends them, each checked against the shared schema so a fixture that drifts from the
// contract fails where it is built, not deep inside a screen.

const CREATED = '2026-03-02T09:00:00.000Z';

/** A fresh id in the API's format. */
export function anId(): string {
  return crypto.randomUUID();
}

export function aUser(overrides: Partial<User> = {}): User {
  return userSchema.parse({
    id: anId(),
    email: 'ada@example.com',
    name: 'Ada Lovelace',
    language: null,
    created_at: CREATED,
    updated_at: CREATED,
    ...overrides,
  });
}

/** What login and register answer for `user`. */
export function aSession(user: User = aUser()): Session {
  return sessionSchema.parse({
    access_token: 'test-access-token',
    token_type: 'Bearer',
    expires_in: 900,
    user,
  });
}

/** A workspace as the signed-in member sees it; `role` is theirs (owner unless given). */
export function aBusiness(overrides: Partial<Business> = {}): Business {
  return businessSchema.parse({
    id: anId(),
    name: 'Bluebird Bakery',
    industry: 'Bakery',
    description: null,
    website: null,
    time_zone: 'Europe/Paris',
    locale: 'en',
    brand: {},
    require_two_factor: false,
    role: 'owner',
    created_at: CREATED,
    updated_at: CREATED,
    ...overrides,
  });
}

/** The dashboard's summary of a workspace with nothing in it yet (first run), unless `overrides` say more. */
export function anAttention(overrides: Partial<Attention> & Pick<Attention, 'business_id'>): Attention {
  return attentionSchema.parse({
    generated_at: CREATED,
    first_run: true,
    approvals: { count: 0, oldest: [] },
    next_up: { count: 0, items: [] },
    failed: { count: 0, items: [] },
    inbox: { open: 0, unanswered: 0, urgent: 0, negative: 0 },
    campaigns: { items: [], more: false },
    ai_spend: null,
    ...overrides,
  });
}

export function aMember(overrides: Partial<Member> = {}): Member {
  return memberSchema.parse({
    user_id: anId(),
    email: 'grace@example.com',
    name: 'Grace Hopper',
    role: 'editor',
    created_at: CREATED,
    ...overrides,
  });
}

export function anApiKey(overrides: Partial<ApiKey> = {}): ApiKey {
  return apiKeySchema.parse({
    id: anId(),
    name: 'Zapier',
    prefix: 'mcc_k1a2',
    role: 'editor',
    created_at: CREATED,
    last_used_at: null,
    revoked_at: null,
    ...overrides,
  });
}

/** A draft campaign for March to May 2026. */
export function aCampaign(overrides: Partial<Campaign> & Pick<Campaign, 'business_id'>): Campaign {
  return campaignSchema.parse({
    id: anId(),
    name: 'Spring tune-ups',
    objective: 'sales',
    channels: ['facebook', 'email'],
    budget_minor: 0,
    currency: 'USD',
    start_date: '2026-03-01',
    end_date: '2026-05-31',
    kpis: [],
    status: 'draft',
    created_by: null,
    created_at: CREATED,
    updated_at: CREATED,
    ...overrides,
  });
}

const NO_RESULTS = {
  impressions: 0,
  reach: 0,
  engagements: 0,
  clicks: 0,
  conversions: 0,
  spend_minor: 0,
  ctr: null,
  engagement_rate: null,
  cvr: null,
  cpa_minor: null,
};

/** A campaign's report: day 7 of 28, a saved forecast with nothing changed since, no results, no KPIs. */
export function aCampaignReport(
  overrides: Partial<CampaignReport> & Pick<CampaignReport, 'campaign_id'>,
): CampaignReport {
  return campaignReportSchema.parse({
    name: 'Spring tune-ups',
    start_date: '2026-03-01',
    end_date: '2026-03-28',
    days_elapsed: 7,
    days_total: 28,
    simulation: { id: anId(), created_at: CREATED, trials: 10_000, seed: 7, changed_since: [] },
    actual: NO_RESULTS,
    daily: [],
    expected_to_date: {},
    kpis: [],
    ...overrides,
  });
}

/** A background job; a calendar job that is queued unless told otherwise. */
export function aJob(overrides: Partial<Job> & Pick<Job, 'business_id'>): Job {
  return jobSchema.parse({
    id: anId(),
    name: 'calendar.generate',
    state: 'queued',
    progress: 0,
    progress_message: null,
    attempts: 0,
    max_attempts: 2,
    run_at: CREATED,
    last_error: null,
    result: null,
    created_at: CREATED,
    updated_at: CREATED,
    finished_at: null,
    ...overrides,
  });
}

/** An unread request for review of a post, unless told otherwise. */
export function aNotification(
  overrides: Partial<Notification> & Pick<Notification, 'business_id'>,
): Notification {
  const contentId = anId();
  return notificationSchema.parse({
    id: anId(),
    kind: 'review_requested',
    title: 'Edie asked for a review of “Easter buns”',
    body: 'A post for instagram waits for approval.',
    link: `/w/${overrides.business_id}/content/${contentId}`,
    facts: null,
    read_at: null,
    created_at: CREATED,
    ...overrides,
  });
}

/** A ready library image (with its renditions listed) unless told otherwise. */
export function aMediaItem(overrides: Partial<MediaItem> & Pick<MediaItem, 'business_id'>): MediaItem {
  const rendition = (id: string, width: number, height: number) => ({
    id,
    name: id.split('.')[0],
    format: id.endsWith('.webp') ? 'webp' : 'jpeg',
    width,
    height,
    bytes: 1000,
  });
  return mediaItemSchema.parse({
    id: anId(),
    kind: 'image',
    name: 'beach.jpg',
    mime_type: 'image/jpeg',
    size_bytes: 250_000,
    stored_bytes: 400_000,
    status: 'ready',
    failure: null,
    note: null,
    width: 1600,
    height: 1200,
    video: null,
    focal_point: { x: 0.5, y: 0.5 },
    alt_text: '',
    tags: [],
    renditions: [rendition('w320.webp', 320, 240), rendition('w640.webp', 640, 480)],
    created_by: null,
    created_at: CREATED,
    updated_at: CREATED,
    ...overrides,
  });
}

/** A content item, a Bluesky draft unless told otherwise. */
export function aContentItem(
  overrides: Partial<ContentItem> & Pick<ContentItem, 'business_id'>,
): ContentItem {
  return contentItemSchema.parse({
    id: anId(),
    campaign_id: null,
    channel: 'bluesky',
    format: 'post',
    title: 'Spring menu',
    body: 'Three new pastries this Friday.',
    thread: [],
    hashtags: [],
    call_to_action: '',
    media_brief: '',
    preheader: '',
    pillar: null,
    scheduled_at: null,
    status: 'draft',
    published_at: null,
    publish_error: null,
    variant_group: null,
    post_group: null,
    evergreen_days: null,
    evergreen_of: null,
    version: 1,
    ai_call_id: null,
    created_by: null,
    updated_by: null,
    created_at: CREATED,
    updated_at: CREATED,
    warnings: [],
    media: [],
    ...overrides,
  });
}

export function anInboxRule(overrides: Partial<InboxRule> & Pick<InboxRule, 'business_id'>): InboxRule {
  return inboxRuleSchema.parse({
    id: anId(),
    name: 'Refunds',
    enabled: true,
    position: 0,
    match: { keywords: ['refund'], regex: null, channels: [] },
    actions: { labels: ['billing'], assignee_id: null, priority: null, prepare_draft: false },
    auto_send: false,
    pattern_problem: null,
    created_at: CREATED,
    updated_at: CREATED,
    ...overrides,
  });
}

/** What a finished calendar job returns: `items` new items and the plan behind them. */
export function aCalendarJobResult(items: number, offline = true): CalendarJobResult {
  const strategy = planCalendarOutputSchema.shape.strategy.parse({
    pillars: [
      { name: 'Behind the scenes', share: 0.6, description: 'The bakery at dawn' },
      { name: 'New pastries', share: 0.4, description: '' },
    ],
    cadence: [{ channel: 'linkedin', per_week: 3 }],
    reasoning: 'Mornings suit a bakery: people plan breakfast the evening before.',
  });
  return calendarJobResultSchema.parse({
    strategy,
    content_item_ids: Array.from({ length: items }, anId),
    ai_call_ids: [anId()],
    offline,
  });
}

/** An open Instagram conversation with one customer, no reply yet. */
export function aConversation(
  overrides: Partial<Conversation> & Pick<Conversation, 'business_id'>,
): Conversation {
  return conversationSchema.parse({
    id: anId(),
    channel: 'instagram',
    customer: { external_id: 'ig-user-1', name: 'Ana Costa', handle: '@ana.bakes' },
    status: 'open',
    snoozed_until: null,
    assignee_id: null,
    priority: 'normal',
    sentiment: null,
    intent: null,
    language: null,
    labels: [],
    message_count: 1,
    first_response_at: null,
    resolved_at: null,
    first_response_seconds: null,
    resolution_seconds: null,
    last_message_at: CREATED,
    created_at: CREATED,
    updated_at: CREATED,
    latest_message: null,
    ...overrides,
  });
}

/** A message in `conversation`: the customer's, unless told otherwise. */
export function aMessage(
  conversation: Pick<Conversation, 'id' | 'business_id' | 'channel'>,
  overrides: Partial<Message> = {},
): Message {
  return messageSchema.parse({
    id: anId(),
    business_id: conversation.business_id,
    conversation_id: conversation.id,
    channel: conversation.channel,
    direction: 'in',
    body: 'Hi! What are your opening hours on Sunday?',
    author: null,
    author_user_id: null,
    external_id: null,
    visibility: 'public',
    classification: null,
    delivery_status: null,
    delivery_error: null,
    created_at: CREATED,
    ...overrides,
  });
}

export function aCannedReply(
  overrides: Partial<CannedReply> & Pick<CannedReply, 'business_id'>,
): CannedReply {
  return cannedReplySchema.parse({
    id: anId(),
    title: 'Refund timing',
    body: 'Refunds reach your card within 5 days.',
    created_at: CREATED,
    updated_at: CREATED,
    ...overrides,
  });
}

/** A connected Mastodon account as the API lists it (never its token): `@bakery@mastodon.social`. */
export function aNetworkAccount(
  overrides: Partial<NetworkAccount> & Pick<NetworkAccount, 'business_id'>,
): NetworkAccount {
  return networkAccountSchema.parse({
    id: anId(),
    network: 'mastodon',
    display_name: 'Bluebird Bakery',
    handle: '@bakery@mastodon.social',
    avatar_url: 'https://files.mastodon.social/accounts/avatars/bakery.png',
    avatar_src: null,
    profile_url: 'https://mastodon.social/@bakery',
    base_url: 'https://mastodon.social',
    scopes: [],
    token_expires_at: null,
    status: 'connected',
    last_error: null,
    checked_at: CREATED,
    created_at: CREATED,
    updated_at: CREATED,
    ...overrides,
  });
}

/** A connected Bluesky account on bsky.social: `@bakery.bsky.social`, its session renewed with each use. */
export function aBlueskyAccount(
  overrides: Partial<NetworkAccount> & Pick<NetworkAccount, 'business_id'>,
): NetworkAccount {
  return aNetworkAccount({
    network: 'bluesky',
    display_name: 'Bluebird Bakery',
    handle: '@bakery.bsky.social',
    avatar_url: 'https://cdn.bsky.app/img/avatar/plain/did:plc:bakery/avatar@jpeg',
    profile_url: 'https://bsky.app/profile/bakery.bsky.social',
    base_url: 'https://bsky.social',
    scopes: ['com.atproto.appPass'],
    token_expires_at: '2031-06-01T10:00:00.000Z',
    ...overrides,
  });
}
