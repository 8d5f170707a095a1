import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { BenchmarkMetric } from '#shared/analytics.schema.js';
import type { CampaignObjective, CampaignStatus } from '#shared/campaign.schema.js';
import type { ChannelId, ContentFormat } from '#shared/channel-ids.js';
import type {
  ConnectorKind,
  PublishFailureKind,
  PublishOutcome,
  PublishRoute,
} from '#shared/connector.schema.js';
import type { ContentHistoryAction, ContentStatus } from '#shared/content.schema.js';
import type {
  ConversationStatus,
  DeliveryStatus,
  Intent,
  Priority,
  Sentiment,
} from '#shared/inbox.schema.js';
import type { JobState } from '#shared/jobs.schema.js';
import type { Language } from '#shared/languages.js';
import type { MediaKind, MediaStatus } from '#shared/media.schema.js';
import type { NetworkAccountStatus, NetworkId } from '#shared/network.schema.js';
import type { NotificationKind } from '#shared/notifications.schema.js';
import type { Role } from '#shared/roles.js';
import type { WebhookDeliveryEventType, WebhookDeliveryStatus } from '#shared/webhook.schema.js';

// Column types are the same on SQLite and PostgreSQL: ids are UUIDv7 text, times are ISO-8601 UTC text
// (which sorts correctly as text), JSON is text. See docs/decisions.md.

export interface ConversationsTable {
  id: string;
  business_id: string;
  channel: ChannelId;
  customer_external_id: string;
  customer_name: string | null;
  customer_handle: string | null;
  status: ConversationStatus;
  snoozed_until: string | null;
  assignee_id: string | null;
  priority: Priority;
  /** 0 (low) … 3 (urgent), kept with `priority` so the inbox sorts urgent first on an index. */
  priority_rank: number;
  sentiment: Sentiment | null;
  intent: Intent | null;
  language: string | null;
  /** JSON array of strings. */
  labels: string;
  message_count: number;
  last_message_id: string | null;
  first_response_at: string | null;
  resolved_at: string | null;
  last_message_at: string;
  created_at: string;
  updated_at: string;
}

/** Whether a message was private on its network (migration 0032). */
export type MessageVisibility = 'public' | 'direct';

export interface MessagesTable {
  id: string;
  business_id: string;
  conversation_id: string;
  channel: ChannelId;
  direction: 'in' | 'out';
  body: string;
  author: string | null;
  author_user_id: string | null;
  /** The channel's message id (unique per workspace and channel); null for our replies. */
  external_id: string | null;
  /** `direct`: a private message on the network (a DM); `public`: a mention, comment or reply anyone sees. */
  visibility: MessageVisibility;
  /** JSON `MessageClassification` once the classify job ran (inbound only). */
  classification: string | null;
  delivery_status: DeliveryStatus | null;
  delivery_error: string | null;
  created_at: string;
}

export interface CannedRepliesTable {
  id: string;
  business_id: string;
  title: string;
  body: string;
  created_at: string;
  updated_at: string;
}

export interface KnowledgeEntriesTable {
  id: string;
  business_id: string;
  kind: 'faq' | 'policy' | 'product' | 'other';
  title: string;
  body: string;
  /** 1 or 0. */
  enabled: number;
  created_at: string;
  updated_at: string;
}

export interface InboxRulesTable {
  id: string;
  business_id: string;
  name: string;
  enabled: number;
  position: number;
  /** JSON `{ keywords, regex, channels }`. */
  match: string;
  /** JSON `{ labels, assignee_id, priority, prepare_draft }`. */
  actions: string;
  /** 1 only when a person opted this rule into sending its draft without review. */
  auto_send: number;
  created_at: string;
  updated_at: string;
}

export interface InboxSettingsTable {
  business_id: string;
  /** AES-256-GCM sealed inbound webhook secret; shown once when issued. */
  inbound_secret_encrypted: string;
  rotated_at: string;
}

export interface InboundEventsTable {
  business_id: string;
  event_id: string;
  source: string;
  received_at: string;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  /** The language emails to this person are written in; null: not chosen (English). */
  language: Language | null;
  created_at: string;
  updated_at: string;
}

/** An account's TOTP credential; `enabled_at` is null until enrolment is confirmed with a code. */
export interface TwoFactorCredentialsTable {
  user_id: string;
  /** The base32 TOTP secret, sealed with SecretBox. */
  secret_sealed: string;
  enabled_at: string | null;
  /** The newest time step a code was accepted for (replay protection). */
  last_used_step: number | null;
  created_at: string;
  updated_at: string;
}

/** Single-use recovery codes, as SHA-256 digests of 80-bit random codes. */
export interface TwoFactorRecoveryCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  used_at: string | null;
  created_at: string;
}

/** Passkeys (WebAuthn credentials) registered as a second factor. */
export interface PasskeyCredentialsTable {
  id: string;
  user_id: string;
  /** The authenticator's credential id, base64url. */
  credential_id: string;
  /** The COSE public key, base64url. */
  public_key: string;
  /** The authenticator's signature counter (clone detection). */
  counter: number;
  /** JSON array of transports (`usb`, `internal`, …). */
  transports: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
}

/** Single-use WebAuthn challenges, as SHA-256 digests, bound to an account and a purpose. */
export interface PasskeyChallengesTable {
  challenge_hash: string;
  user_id: string;
  purpose: 'register' | 'sign_in';
  expires_at: string;
}

export interface RefreshTokensTable {
  id: string;
  user_id: string;
  /** SHA-256 of the opaque token; the token itself is never stored. */
  token_hash: string;
  /** Every token rotated from one login shares a family; reuse of a rotated token revokes the family. */
  family_id: string;
  expires_at: string;
  created_at: string;
  revoked_at: string | null;
  replaced_by: string | null;
}

export interface PasswordResetsTable {
  id: string;
  user_id: string;
  /** SHA-256 of the emailed token. */
  token_hash: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface SignUpRequestsTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  /** The sign-up page's language: the confirmation email's, then the account's. */
  language: Language | null;
  /** SHA-256 of the emailed token; null until the mail job issued it. */
  token_hash: string | null;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface InvitationsTable {
  id: string;
  business_id: string;
  email: string;
  role: Role;
  /** SHA-256 of the latest emailed token (a resend replaces it); null until the first is sent. */
  token_hash: string | null;
  invited_by: string | null;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface BusinessesTable {
  id: string;
  name: string;
  industry: string | null;
  description: string | null;
  website: string | null;
  time_zone: string;
  locale: string;
  /** JSON `BrandProfile` (src/shared/brand.schema.ts). */
  brand_profile: Generated<string>;
  /** 1: members must have two-factor sign-in to use the workspace (docs/accounts.md). */
  require_two_factor: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface MembershipsTable {
  business_id: string;
  user_id: string;
  role: Role;
  created_at: string;
}

export interface ApiKeysTable {
  id: string;
  business_id: string;
  name: string;
  prefix: string;
  key_hash: string;
  role: Exclude<Role, 'owner'>;
  created_by: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditLogTable {
  id: string;
  business_id: string;
  actor_user_id: string | null;
  actor_api_key_id: string | null;
  action: string;
  target: string | null;
  /** JSON object as text. */
  details: string;
  created_at: string;
}

/** What happened to an AI call; `cached` calls cost nothing. */
export type AiCallOutcome = 'ok' | 'error' | 'cached' | 'budget_exceeded' | 'cancelled';

export interface AiCallsTable {
  id: string;
  business_id: string;
  user_id: string | null;
  task: string;
  task_version: string;
  /** `offline` or `openai-compatible`. */
  provider: string;
  model: string;
  prompt_tokens: number;
  completion_tokens: number;
  cost_micro_usd: number;
  /** 0 when the model had no price (cost recorded as 0 and flagged). */
  price_known: number;
  /** 1 when a token count is ours (counted locally for an unanswered attempt), not the provider's. */
  estimated: number;
  latency_ms: number;
  attempts: number;
  outcome: AiCallOutcome;
  error_code: string | null;
  /** The sentence the caller was shown. */
  error_message: string | null;
  /** The failure's technical account (schema paths, provider status): kept here and in logs, never shown. */
  error_diagnostics: string | null;
  created_at: string;
}

export interface AiBudgetsTable {
  business_id: string;
  monthly_limit_micro_usd: number;
  updated_at: string;
}

/** What an AI call in flight may still spend; lapses at `expires_at` if its process died. */
export interface AiBudgetReservationsTable {
  id: string;
  business_id: string;
  amount_micro_usd: number;
  expires_at: string;
  created_at: string;
}

export interface AiProviderSettingsTable {
  business_id: string;
  base_url: string | null;
  model: string;
  /** AES-256-GCM sealed (see services/access/security/secret-box.ts); never returned by the API. */
  api_key_encrypted: string | null;
  api_key_last4: string | null;
  updated_at: string;
}

export interface CampaignsTable {
  id: string;
  business_id: string;
  name: string;
  objective: CampaignObjective;
  /** JSON array of channel ids. */
  channels: string;
  budget_minor: number;
  currency: string;
  /** `YYYY-MM-DD`, which sorts and compares correctly as text. */
  start_date: string;
  end_date: string;
  /** JSON array of `{ metric, target }`. */
  kpis: string;
  status: CampaignStatus;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ContentItemsTable {
  id: string;
  business_id: string;
  campaign_id: string | null;
  channel: ChannelId;
  format: ContentFormat;
  title: string;
  body: string;
  /** JSON array of the further posts of a thread. */
  thread: string;
  /** JSON array of hashtags. */
  hashtags: string;
  call_to_action: string;
  media_brief: string;
  preheader: string;
  pillar: string | null;
  /** ISO-8601 UTC from `Date.toISOString()`, always the same width, so text order is time order. */
  scheduled_at: string | null;
  status: ContentStatus;
  variant_group: string | null;
  /** The composer post this item is one network's variant of (migration 0031); null for a lone item. */
  post_group: string | null;
  /** Bumped by every change; updates are conditional on it (optimistic concurrency). */
  version: number;
  ai_call_id: string | null;
  created_by: string | null;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
  /**
   * JSON array of what the AI checks flagged in the draft ({ field, code, message }); a person's edit of a
   * field drops the flags on it.
   */
  ai_warnings: Generated<string>;
  /** The `content.publish` job that will publish the item; moving or unscheduling it cancels that job. */
  publish_job_id: Generated<string | null>;
  published_at: Generated<string | null>;
  /** Why the last publication failed (status `failed`); cleared when it is published. */
  publish_error: Generated<string | null>;
  /** Evergreen: the fewest days between two publications; null for an item that goes out once. */
  evergreen_days: Generated<number | null>;
  /** The evergreen item this one was re-queued from. */
  evergreen_of: Generated<string | null>;
  /** When the item was deleted (undoable until the housekeeping purge); every read leaves such rows out. */
  deleted_at: Generated<string | null>;
}

export interface QueueSlotsTable {
  business_id: string;
  channel: ChannelId;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** `HH:MM`, wall-clock time in the workspace's zone. */
  time: string;
  created_at: string;
}

export interface ContentItemHistoryTable {
  id: string;
  business_id: string;
  content_item_id: string;
  /** The item's version after this change. */
  version: number;
  actor_user_id: string | null;
  action: ContentHistoryAction;
  comment: string | null;
  /** JSON object of the fields this change set. */
  snapshot: string;
  created_at: string;
}

export interface JobsTable {
  id: string;
  /** Null for system jobs (housekeeping), which belong to no workspace and no API shows. */
  business_id: string | null;
  name: string;
  /** JSON payload, validated against the job's schema when enqueued and again when run. */
  payload: string;
  state: JobState;
  progress: Generated<number>;
  progress_message: string | null;
  attempts: Generated<number>;
  max_attempts: number;
  run_at: string;
  /** The worker holding the job while it runs, and until when; an expired lease may be claimed again. */
  lease_owner: string | null;
  lease_expires_at: string | null;
  last_error: string | null;
  /** JSON of what the handler returned. */
  result: string | null;
  idempotency_key: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

/** A creating POST's `Idempotency-Key` and the first answer it got (docs/api.md, "Idempotency"). */
export interface IdempotencyKeysTable {
  id: string;
  /** The workspace the request acted in; null when it named none (the key is then the person's own). */
  business_id: string | null;
  /** `user:<id>` or `api_key:<id>`. */
  credential: string;
  idempotency_key: string;
  /** SHA-256 (hex) of the request: method, route, params, query and body. */
  fingerprint: string;
  /** `running` until the answer is stored (`done`). */
  state: 'running' | 'done';
  lock_token: string;
  /** A running request's lease; past it, its process is taken to have died. */
  locked_until: string;
  /** When the request's first transaction committed (set inside it). */
  committed_at: string | null;
  response_status: number | null;
  /** JSON object of the answer's replayed headers. */
  response_headers: string | null;
  /** The answer's body, sealed. */
  response_body: string | null;
  created_at: string;
  expires_at: string;
}

export interface CalendarFeedsTable {
  id: string;
  business_id: string;
  /** SHA-256 of the feed token; the token itself is shown once and never stored. */
  token_hash: string;
  created_by: string | null;
  created_at: string;
  revoked_at: string | null;
}

export interface WebhooksTable {
  id: string;
  business_id: string;
  url: string;
  description: string;
  /** JSON array of `WebhookEventType`. */
  events: string;
  /** AES-256-GCM sealed signing secret (services/access/security/secret-box.ts); shown only when created or rotated. */
  secret_encrypted: string;
  /** 1 or 0. */
  enabled: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookDeliveriesTable {
  id: string;
  business_id: string;
  webhook_id: string;
  event_type: WebhookDeliveryEventType;
  event_id: string;
  /** The exact JSON string that is signed and sent. */
  payload: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  last_duration_ms: number | null;
  /** JSON: the safe subset of the last answer's headers (see `safeResponseHeaders`); never its body. */
  response_headers: string | null;
  next_attempt_at: string | null;
  created_at: string;
  updated_at: string;
  delivered_at: string | null;
}

export interface WebhookDeliveryAttemptsTable {
  id: string;
  business_id: string;
  delivery_id: string;
  attempt: number;
  outcome: 'succeeded' | 'retryable' | 'rejected' | 'blocked';
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  created_at: string;
}

/**
 * The transactional outbox: a delivery written with the change that caused it, whose send job is not yet
 * queued. The row goes once the job is queued; one left behind (a crash, a queue that was down) is
 * queued by the next sweep.
 */
export interface WebhookOutboxTable {
  delivery_id: string;
  business_id: string;
  created_at: string;
}

export interface PublishingConnectorsTable {
  id: string;
  business_id: string;
  kind: ConnectorKind;
  name: string;
  /** JSON of the kind's settings (a webhook's `url`). */
  settings: string;
  /** AES-256-GCM sealed signing secret (services/access/security/secret-box.ts); never returned after creation. */
  secret_encrypted: string;
  /** JSON array of channel ids, or null for every channel. */
  channels: string | null;
  /** 1 or 0. */
  enabled: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PublishAttemptsTable {
  id: string;
  business_id: string;
  content_item_id: string;
  connector_id: string | null;
  connector_kind: PublishRoute | null;
  /** The network account it went through; null for a connector. */
  account_id: string | null;
  job_id: string;
  /** The publishing time this attempt was for. */
  scheduled_at: string;
  attempt: number;
  outcome: PublishOutcome;
  failure_kind: PublishFailureKind | null;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  external_id: string | null;
  external_url: string | null;
  created_at: string;
}

export interface MetricsTable {
  business_id: string;
  content_item_id: string;
  /** `YYYY-MM-DD`: the day the results are for. */
  day: string;
  impressions: number;
  reach: number;
  engagements: number;
  clicks: number;
  conversions: number;
  spend_minor: number;
  currency: string | null;
  /** `manual` (the API or a CSV), or the network the counts were read from. */
  source: ColumnType<string, string | undefined, string>;
  created_at: string;
  updated_at: string;
}

export interface SimulationsTable {
  id: string;
  business_id: string;
  campaign_id: string | null;
  /** JSON of the request and the resolved plan the kernel ran. */
  inputs: string;
  seed: number;
  trials: number;
  /** JSON of the forecast (shared/analytics.schema.ts `forecastResultsSchema`). */
  results: string;
  created_by: string | null;
  created_at: string;
}

export interface BenchmarkOverridesTable {
  business_id: string;
  channel: ChannelId;
  objective: CampaignObjective;
  metric: BenchmarkMetric;
  value: number;
  updated_by: string | null;
  updated_at: string;
}

/** A library item attached to a content item; `position` is its 0-based place in the post. */
export interface ContentItemMediaTable {
  business_id: string;
  content_item_id: string;
  media_id: string;
  position: number;
  created_at: string;
}

export interface MediaItemsTable {
  id: string;
  business_id: string;
  kind: MediaKind;
  name: string;
  mime_type: string;
  size_bytes: number;
  /** The file and its renditions: what counts against the quota. */
  stored_bytes: number;
  status: MediaStatus;
  failure: string | null;
  note: string | null;
  width: number | null;
  height: number | null;
  /** JSON `VideoFacts`; null for images. */
  video: string | null;
  focal_x: number;
  focal_y: number;
  alt_text: string;
  /** JSON array of strings. */
  tags: string;
  /** JSON array of `Rendition`s. */
  renditions: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface NetworkAccountsTable {
  id: string;
  business_id: string;
  network: NetworkId;
  display_name: string;
  handle: string;
  avatar_url: string | null;
  profile_url: string | null;
  remote_account_id: string;
  /** The instance or PDS address; '' for networks with a single one. */
  base_url: string;
  /** JSON array of scope names. */
  scopes: string;
  token_expires_at: string | null;
  /** SecretBox-sealed. */
  access_token_encrypted: string;
  refresh_token_encrypted: string | null;
  status: NetworkAccountStatus;
  last_error: string | null;
  checked_at: string;
  conversations_cursor: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A connected account's avatar as we serve it (migration 0032). */
export interface NetworkAccountAvatarsTable {
  account_id: string;
  business_id: string;
  /** A 96-pixel square WebP. */
  image: Buffer;
  etag: string;
  /** The network's avatar address it was read from. */
  source_url: string;
  checked_at: string;
}

/** A workspace's own OAuth app on a network (migration 0025). */
export interface NetworkOAuthAppsTable {
  business_id: string;
  network: NetworkId;
  client_id: string;
  /** SecretBox-sealed; null for a public client. */
  client_secret_encrypted: string | null;
  created_at: string;
  updated_at: string;
}

/** An OAuth connect flow under way (migration 0025). */
export interface OAuthFlowsTable {
  id: string;
  business_id: string;
  user_id: string;
  network: NetworkId;
  phase: 'authorizing' | 'picking';
  /** SHA-256 (hex) of the `state`; null once the flow reached `picking`. */
  state_hash: string | null;
  binder_hash: string;
  /** SecretBox-sealed JSON: the PKCE verifier and redirect URI, or the tokens and the app they came from. */
  secret_encrypted: string | null;
  /** JSON: the accounts to pick from (picking). */
  targets: string | null;
  account_id: string | null;
  expires_at: string;
  created_at: string;
}

export interface NetworkPostsTable {
  business_id: string;
  content_item_id: string;
  scheduled_at: string;
  /** 0: the post; 1…: the further posts of its thread. */
  position: number;
  account_id: string;
  network: NetworkId;
  remote_id: string;
  url: string | null;
  metrics_read_at: string | null;
  created_at: string;
}

/** How far a notification's email got (see migration 0023). */
export type NotificationEmailStatus = 'none' | 'pending' | 'sent' | 'skipped';

export interface NotificationsTable {
  id: string;
  business_id: string;
  user_id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  /** A path of the web app: where to act. */
  link: string;
  subject_id: string | null;
  /** JSON `NotificationFacts`: what title and body are made of; null on rows written before 0034. */
  facts: string | null;
  read_at: string | null;
  email_status: NotificationEmailStatus;
  created_at: string;
}

/** A person's email choice for one kind in one workspace; absent: the kind's default. */
export interface NotificationPreferencesTable {
  business_id: string;
  user_id: string;
  kind: NotificationKind;
  /** 1 or 0. */
  email: number;
  updated_at: string;
}

/** Once-only notices that happened (`ai_budget:2026-03:80`). */
export interface NotificationMarksTable {
  business_id: string;
  mark: string;
  created_at: string;
}

/** A read-only review link for a client (see migration 0026). */
export interface ReviewLinksTable {
  id: string;
  business_id: string;
  /** SHA-256 of the link's token; the token itself is shown once and never stored. */
  token_hash: string;
  label: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

/** A comment on a content item; a reply names its thread's first comment. */
export interface ContentCommentsTable {
  id: string;
  business_id: string;
  content_item_id: string;
  parent_id: string | null;
  author_id: string | null;
  body: string;
  /** JSON array of the mentioned member ids. */
  mentions: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface DB {
  users: UsersTable;
  refresh_tokens: RefreshTokensTable;
  two_factor_credentials: TwoFactorCredentialsTable;
  two_factor_recovery_codes: TwoFactorRecoveryCodesTable;
  passkey_credentials: PasskeyCredentialsTable;
  passkey_challenges: PasskeyChallengesTable;
  password_resets: PasswordResetsTable;
  sign_up_requests: SignUpRequestsTable;
  invitations: InvitationsTable;
  businesses: BusinessesTable;
  memberships: MembershipsTable;
  api_keys: ApiKeysTable;
  audit_log: AuditLogTable;
  ai_calls: AiCallsTable;
  ai_budgets: AiBudgetsTable;
  ai_budget_reservations: AiBudgetReservationsTable;
  ai_provider_settings: AiProviderSettingsTable;
  jobs: JobsTable;
  idempotency_keys: IdempotencyKeysTable;
  campaigns: CampaignsTable;
  content_items: ContentItemsTable;
  content_item_history: ContentItemHistoryTable;
  queue_slots: QueueSlotsTable;
  calendar_feeds: CalendarFeedsTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  canned_replies: CannedRepliesTable;
  knowledge_entries: KnowledgeEntriesTable;
  inbox_rules: InboxRulesTable;
  inbox_settings: InboxSettingsTable;
  inbound_events: InboundEventsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_delivery_attempts: WebhookDeliveryAttemptsTable;
  webhook_outbox: WebhookOutboxTable;
  publishing_connectors: PublishingConnectorsTable;
  publish_attempts: PublishAttemptsTable;
  metrics: MetricsTable;
  simulations: SimulationsTable;
  benchmark_overrides: BenchmarkOverridesTable;
  media_items: MediaItemsTable;
  content_item_media: ContentItemMediaTable;
  network_accounts: NetworkAccountsTable;
  network_account_avatars: NetworkAccountAvatarsTable;
  network_oauth_apps: NetworkOAuthAppsTable;
  oauth_flows: OAuthFlowsTable;
  network_posts: NetworkPostsTable;
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  notification_marks: NotificationMarksTable;
  review_links: ReviewLinksTable;
  content_comments: ContentCommentsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type RefreshTokenRow = Selectable<RefreshTokensTable>;
export type TwoFactorCredentialRow = Selectable<TwoFactorCredentialsTable>;
export type PasskeyCredentialRow = Selectable<PasskeyCredentialsTable>;
export type PasswordResetRow = Selectable<PasswordResetsTable>;
export type SignUpRequestRow = Selectable<SignUpRequestsTable>;
export type InvitationRow = Selectable<InvitationsTable>;
export type BusinessRow = Selectable<BusinessesTable>;
export type NewBusiness = Insertable<BusinessesTable>;
export type BusinessUpdate = Updateable<BusinessesTable>;
export type MembershipRow = Selectable<MembershipsTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type AiCallRow = Selectable<AiCallsTable>;
export type AiProviderSettingsRow = Selectable<AiProviderSettingsTable>;
export type JobRow = Selectable<JobsTable>;
export type IdempotencyKeyRow = Selectable<IdempotencyKeysTable>;
export type CampaignRow = Selectable<CampaignsTable>;
export type CampaignUpdate = Updateable<CampaignsTable>;
export type ContentItemRow = Selectable<ContentItemsTable>;
export type NewContentItem = Insertable<ContentItemsTable>;
export type ContentItemUpdate = Updateable<ContentItemsTable>;
export type ContentHistoryRow = Selectable<ContentItemHistoryTable>;
export type CalendarFeedRow = Selectable<CalendarFeedsTable>;
export type ConversationRow = Selectable<ConversationsTable>;
export type ConversationUpdate = Updateable<ConversationsTable>;
export type MessageRow = Selectable<MessagesTable>;
export type CannedReplyRow = Selectable<CannedRepliesTable>;
export type KnowledgeEntryRow = Selectable<KnowledgeEntriesTable>;
export type InboxRuleRow = Selectable<InboxRulesTable>;
export type ConnectorRow = Selectable<PublishingConnectorsTable>;
export type ConnectorUpdate = Updateable<PublishingConnectorsTable>;
export type PublishAttemptRow = Selectable<PublishAttemptsTable>;
export type WebhookRow = Selectable<WebhooksTable>;
export type WebhookUpdate = Updateable<WebhooksTable>;
export type WebhookDeliveryRow = Selectable<WebhookDeliveriesTable>;
export type WebhookDeliveryUpdate = Updateable<WebhookDeliveriesTable>;
export type WebhookDeliveryAttemptRow = Selectable<WebhookDeliveryAttemptsTable>;
export type WebhookOutboxRow = Selectable<WebhookOutboxTable>;
export type MetricsRow = Selectable<MetricsTable>;
export type NewMetrics = Insertable<MetricsTable>;
export type NetworkAccountRow = Selectable<NetworkAccountsTable>;
export type NetworkAccountUpdate = Updateable<NetworkAccountsTable>;
export type NetworkAccountAvatarRow = Selectable<NetworkAccountAvatarsTable>;
export type NetworkOAuthAppRow = Selectable<NetworkOAuthAppsTable>;
export type OAuthFlowRow = Selectable<OAuthFlowsTable>;
export type NetworkPostRow = Selectable<NetworkPostsTable>;
export type SimulationRow = Selectable<SimulationsTable>;
export type BenchmarkOverrideRow = Selectable<BenchmarkOverridesTable>;
export type MediaItemRow = Selectable<MediaItemsTable>;
export type MediaItemUpdate = Updateable<MediaItemsTable>;
export type ContentItemMediaRow = Selectable<ContentItemMediaTable>;
export type NotificationRow = Selectable<NotificationsTable>;
export type ReviewLinkRow = Selectable<ReviewLinksTable>;
export type QueueSlotRow = Selectable<QueueSlotsTable>;
export type ContentCommentRow = Selectable<ContentCommentsTable>;
export type NotificationPreferenceRow = Selectable<NotificationPreferencesTable>;
