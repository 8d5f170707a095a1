import type { Kysely, TransactionBuilder } from 'kysely';
import type { Dialect } from '../db/database.js';
import type { DB } from '../db/schema.js';
import { AiBudgetReservationRepository } from './ai-budget-reservation.repository.js';
import { AiCallRepository } from './ai-call.repository.js';
import { AiSettingsRepository } from './ai-settings.repository.js';
import { ApiKeyRepository } from './api-key.repository.js';
import { AuditLogRepository } from './audit-log.repository.js';
import { BenchmarkOverrideRepository } from './benchmark-override.repository.js';
import { BusinessRepository } from './business.repository.js';
import { CalendarFeedRepository } from './calendar-feed.repository.js';
import { CampaignRepository } from './campaign.repository.js';
import { CannedReplyRepository } from './canned-reply.repository.js';
import { ConnectorRepository } from './connector.repository.js';
import { ContentCommentRepository } from './content-comment.repository.js';
import { ContentHistoryRepository } from './content-history.repository.js';
import { ContentItemRepository } from './content-item.repository.js';
import { ContentMediaRepository } from './content-media.repository.js';
import { ConversationRepository } from './conversation.repository.js';
import { IdempotencyKeyRepository } from './idempotency-key.repository.js';
import { currentIdempotencyClaim } from './idempotent-write.js';
import { InboundEventRepository } from './inbound-event.repository.js';
import { InboxRuleRepository } from './inbox-rule.repository.js';
import { InvitationRepository } from './invitation.repository.js';
import { JobRepository } from './job.repository.js';
import { KnowledgeRepository } from './knowledge.repository.js';
import { MediaRepository } from './media.repository.js';
import { MembershipRepository } from './membership.repository.js';
import { MessageRepository } from './message.repository.js';
import { MetricRepository } from './metric.repository.js';
import { NetworkAccountRepository } from './network-account.repository.js';
import { NetworkPostRepository } from './network-post.repository.js';
import { NotificationRepository } from './notification.repository.js';
import { NetworkOAuthAppRepository, OAuthFlowRepository } from './oauth.repository.js';
import { PasskeyRepository } from './passkey.repository.js';
import { PasswordResetRepository } from './password-reset.repository.js';
import { PublishAttemptRepository } from './publish-attempt.repository.js';
import { QueueRepository } from './queue.repository.js';
import { RefreshTokenRepository } from './refresh-token.repository.js';
import { ReviewLinkRepository } from './review-link.repository.js';
import { SignUpRequestRepository } from './sign-up-request.repository.js';
import { SimulationRepository } from './simulation.repository.js';
import { StatisticsRepository } from './statistics.repository.js';
import { TwoFactorRepository } from './two-factor.repository.js';
import { UserRepository } from './user.repository.js';
import { WebhookRepository } from './webhook.repository.js';
import { WebhookDeliveryRepository } from './webhook-delivery.repository.js';

/** Every repository, bound to one executor (the database or an open transaction). */
export interface Repositories {
  users: UserRepository;
  refreshTokens: RefreshTokenRepository;
  twoFactor: TwoFactorRepository;
  passkeys: PasskeyRepository;
  passwordResets: PasswordResetRepository;
  signUpRequests: SignUpRequestRepository;
  invitations: InvitationRepository;
  businesses: BusinessRepository;
  memberships: MembershipRepository;
  apiKeys: ApiKeyRepository;
  auditLog: AuditLogRepository;
  aiCalls: AiCallRepository;
  aiSettings: AiSettingsRepository;
  aiBudgetReservations: AiBudgetReservationRepository;
  jobs: JobRepository;
  idempotencyKeys: IdempotencyKeyRepository;
  campaigns: CampaignRepository;
  contentItems: ContentItemRepository;
  contentHistory: ContentHistoryRepository;
  calendarFeeds: CalendarFeedRepository;
  reviewLinks: ReviewLinkRepository;
  contentComments: ContentCommentRepository;
  queues: QueueRepository;
  conversations: ConversationRepository;
  messages: MessageRepository;
  cannedReplies: CannedReplyRepository;
  knowledge: KnowledgeRepository;
  inboxRules: InboxRuleRepository;
  inboundEvents: InboundEventRepository;
  metrics: MetricRepository;
  simulations: SimulationRepository;
  benchmarkOverrides: BenchmarkOverrideRepository;
  connectors: ConnectorRepository;
  publishAttempts: PublishAttemptRepository;
  webhooks: WebhookRepository;
  webhookDeliveries: WebhookDeliveryRepository;
  media: MediaRepository;
  contentMedia: ContentMediaRepository;
  networkAccounts: NetworkAccountRepository;
  networkOAuthApps: NetworkOAuthAppRepository;
  oauthFlows: OAuthFlowRepository;
  networkPosts: NetworkPostRepository;
  notifications: NotificationRepository;
  statistics: StatisticsRepository;
  /**
   * Run `work` atomically: every repository it receives writes inside one transaction. A nested call joins
   * the transaction already open.
   */
  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
  /**
   * Run `hook` once the transaction these repositories write in has committed (never if it rolls back):
   * what must follow the change without being part of it, e.g. queueing the jobs its outbox rows stand
   * for. Outside a transaction, at once.
   */
  afterCommit(hook: () => void): void;
  /**
   * Run `work`'s reads against one snapshot, so a commit between two of its queries cannot show half of
   * itself: a read-only repeatable-read transaction on PostgreSQL (whose default, read committed, takes
   * a new snapshot per statement); on SQLite a transaction, which reads one WAL snapshot throughout.
   */
  snapshot<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
}

/**
 * Bind the repositories to `db`. `commitHooks` collects the `afterCommit` hooks of the transaction `db`
 * is (internal: `transaction` passes it).
 */
export function createRepositories(
  db: Kysely<DB>,
  dialect: Dialect,
  commitHooks?: Array<() => void>,
): Repositories {
  return {
    users: new UserRepository(db, dialect),
    refreshTokens: new RefreshTokenRepository(db),
    twoFactor: new TwoFactorRepository(db),
    passkeys: new PasskeyRepository(db),
    passwordResets: new PasswordResetRepository(db),
    signUpRequests: new SignUpRequestRepository(db),
    invitations: new InvitationRepository(db),
    businesses: new BusinessRepository(db, dialect),
    memberships: new MembershipRepository(db),
    apiKeys: new ApiKeyRepository(db),
    auditLog: new AuditLogRepository(db),
    aiCalls: new AiCallRepository(db),
    aiSettings: new AiSettingsRepository(db),
    aiBudgetReservations: new AiBudgetReservationRepository(db, dialect),
    jobs: new JobRepository(db, dialect),
    idempotencyKeys: new IdempotencyKeyRepository(db),
    campaigns: new CampaignRepository(db),
    contentItems: new ContentItemRepository(db, dialect),
    contentHistory: new ContentHistoryRepository(db),
    calendarFeeds: new CalendarFeedRepository(db),
    reviewLinks: new ReviewLinkRepository(db),
    contentComments: new ContentCommentRepository(db),
    queues: new QueueRepository(db),
    conversations: new ConversationRepository(db, dialect),
    messages: new MessageRepository(db),
    cannedReplies: new CannedReplyRepository(db),
    knowledge: new KnowledgeRepository(db),
    inboxRules: new InboxRuleRepository(db),
    inboundEvents: new InboundEventRepository(db),
    metrics: new MetricRepository(db),
    simulations: new SimulationRepository(db),
    benchmarkOverrides: new BenchmarkOverrideRepository(db),
    connectors: new ConnectorRepository(db),
    publishAttempts: new PublishAttemptRepository(db),
    webhooks: new WebhookRepository(db),
    webhookDeliveries: new WebhookDeliveryRepository(db),
    media: new MediaRepository(db),
    contentMedia: new ContentMediaRepository(db),
    networkAccounts: new NetworkAccountRepository(db),
    networkOAuthApps: new NetworkOAuthAppRepository(db),
    oauthFlows: new OAuthFlowRepository(db),
    networkPosts: new NetworkPostRepository(db),
    notifications: new NotificationRepository(db),
    statistics: new StatisticsRepository(db, dialect),
    transaction: (work) =>
      db.isTransaction
        ? work(createRepositories(db, dialect, commitHooks))
        : runThenHooks(db.transaction(), dialect, work, { marksClaim: true }),
    afterCommit: (hook) => {
      if (commitHooks) commitHooks.push(hook);
      else if (db.isTransaction)
        throw new Error('afterCommit needs a transaction opened by repos.transaction');
      else hook();
    },
    snapshot: (work) =>
      db.isTransaction
        ? work(createRepositories(db, dialect, commitHooks))
        : runThenHooks(
            db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only'),
            dialect,
            work,
            { marksClaim: false },
          ),
  };
}

/**
 * Run `work` in the transaction `builder` opens, then, once it has committed, its `afterCommit` hooks.
 * A writing transaction run for a request with an `Idempotency-Key` also marks the key's claim committed,
 * in the same transaction (see idempotent-write.ts).
 */
async function runThenHooks<T>(
  builder: TransactionBuilder<DB>,
  dialect: Dialect,
  work: (repos: Repositories) => Promise<T>,
  { marksClaim }: { marksClaim: boolean },
): Promise<T> {
  const hooks: Array<() => void> = [];
  const claim = marksClaim ? currentIdempotencyClaim() : undefined;
  const result = await builder.execute(async (trx) => {
    const repos = createRepositories(trx, dialect, hooks);
    const value = await work(repos);
    if (claim) await repos.idempotencyKeys.markCommitted(claim.id, claim.token, claim.now().toISOString());
    return value;
  });
  for (const hook of hooks) hook();
  return result;
}
