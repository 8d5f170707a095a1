import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Registry } from 'prom-client';
import type { AiTaskName } from '../shared/ai-tasks.schema.js';
import { createAiMetrics } from './ai/ai-metrics.js';
import { CircuitBreakers } from './ai/circuit-breaker.js';
import { runDeadlineMs } from './ai/engine.js';
import { PriceTable } from './ai/prices.js';
import { createResponseCache } from './ai/redis-response-cache.js';
import type { RetryPolicy } from './ai/retry.js';
import type { AnyAiTask } from './ai/task.js';
import { AI_TASKS } from './ai/tasks/index.js';
import { ForecastRunner } from './analytics/forecast-runner.js';
import type { Config } from './config/config.js';
import type { Database } from './db/database.js';
import { createConnectorRegistry, DEFAULT_CONNECTOR_TIMEOUT_MS } from './integrations/connectors/index.js';
import { createPublishMetrics } from './integrations/connectors/publish-metrics.js';
import { createGuardedFetch } from './integrations/guarded-fetch.js';
import { createMailer } from './integrations/mail/create-mailer.js';
import type { Mailer } from './integrations/mail/mailer.js';
import { createNetworkRegistry, type NetworkRegistry } from './integrations/networks/index.js';
import { createOutboundGuard, EVERY_ADDRESS, type HostResolver } from './integrations/outbound-guard.js';
import { createObjectStore } from './integrations/storage/create-object-store.js';
import type { ObjectStore } from './integrations/storage/object-store.js';
import { createWebhookMetrics } from './integrations/webhook-metrics.js';
import { createJobQueue } from './jobs/create-job-queue.js';
import type { JobHandlerDeps } from './jobs/handlers.js';
import type { AppJobDefinitions } from './jobs/job-definitions.js';
import type { JobQueue } from './jobs/job-types.js';
import { createEventBus } from './realtime/create-event-bus.js';
import type { EventBus } from './realtime/event-bus.js';
import { createBusErrorCounter } from './realtime/realtime-metrics.js';
import { createSessionRevocationFeed } from './realtime/session-revocation-feed.js';
import { createRepositories } from './repositories/index.js';
import { AccountMails } from './services/access/account-mails.js';
import { ApiKeyService } from './services/access/api-key.service.js';
import { AuthService } from './services/access/auth.service.js';
import { IdempotencyService } from './services/access/idempotency.service.js';
import { PasskeyService } from './services/access/passkey.service.js';
import { relyingPartyFor } from './services/access/passkey-ceremony.js';
import { PasskeySignIn } from './services/access/passkey-sign-in.js';
import { PasswordResetService } from './services/access/password-reset.service.js';
import { SecondFactor } from './services/access/second-factor.js';
import { AccessTokens } from './services/access/security/access-tokens.js';
import { ActiveSessions } from './services/access/security/active-sessions.js';
import { createLoginThrottle, type LoginThrottle } from './services/access/security/login-throttle.js';
import { PasswordHasher } from './services/access/security/passwords.js';
import { RefreshTokenChain } from './services/access/security/refresh-token-chain.js';
import { SecretBox } from './services/access/security/secret-box.js';
import { Totp } from './services/access/security/totp.js';
import { TwoFactorChallenges } from './services/access/security/two-factor-challenges.js';
import { SignUpService } from './services/access/sign-up.service.js';
import { TwoFactorService } from './services/access/two-factor.service.js';
import { AiService } from './services/ai/ai.service.js';
import { AiBudgetGuard } from './services/ai/ai-budget.js';
import { AiConnectionTestService } from './services/ai/ai-connection-test.service.js';
import { AiProviderResolver, type ProviderFactory } from './services/ai/ai-provider-resolver.js';
import { AiSettingsService } from './services/ai/ai-settings.service.js';
import { AiUsageService } from './services/ai/ai-usage.service.js';
import { AnalyticsMetricsService } from './services/analytics/analytics-metrics.service.js';
import { AnalyticsReportService } from './services/analytics/analytics-report.service.js';
import { ForecastService } from './services/analytics/forecast.service.js';
import { CalendarService } from './services/content/calendar.service.js';
import { CampaignService } from './services/content/campaign.service.js';
import { ComposeService } from './services/content/compose.service.js';
import { ContentService } from './services/content/content.service.js';
import { ContentCommentService } from './services/content/content-comment.service.js';
import { ContentExportService } from './services/content/content-export.service.js';
import { ContentMediaService } from './services/content/content-media.service.js';
import { ContentStudioService } from './services/content/content-studio.service.js';
import { ContentWorkflowService } from './services/content/content-workflow.service.js';
import { ReviewLinkService } from './services/content/review-link.service.js';
import { InboxService } from './services/inbox/inbox.service.js';
import { InboxImportService } from './services/inbox/inbox-import.service.js';
import { InboxInboundService } from './services/inbox/inbox-inbound.service.js';
import { InboxLibraryService } from './services/inbox/inbox-library.service.js';
import { InboxReplyService } from './services/inbox/inbox-reply.service.js';
import { InboxRuleService } from './services/inbox/inbox-rule.service.js';
import { InboxTriageService } from './services/inbox/inbox-triage.service.js';
import { AltTextService } from './services/media/alt-text.service.js';
import { TextCardService } from './services/media/cards/text-card.service.js';
import { ImageGenerationService } from './services/media/image-generation.service.js';
import { MediaService } from './services/media/media.service.js';
import { SignedMediaLinks } from './services/media/signed-media-links.js';
import { AccountRateGate } from './services/networks/account-rate-gate.js';
import { NetworkAccountService } from './services/networks/network-account.service.js';
import { NetworkAvatarService } from './services/networks/network-avatar.service.js';
import { signedMediaUrlOf } from './services/networks/network-media.js';
import { NetworkPublisher } from './services/networks/network-publisher.js';
import { NetworkReadScheduler } from './services/networks/network-read-scheduler.js';
import { NetworkSyncService } from './services/networks/network-sync.service.js';
import { OAuthAppsService } from './services/networks/oauth-apps.service.js';
import { OAuthConnectService } from './services/networks/oauth-connect.service.js';
import { createRateHolds } from './services/networks/rate-holds.js';
import { NotificationService } from './services/notifications/notification.service.js';
import { NotificationCenterService } from './services/notifications/notification-center.service.js';
import { NotificationMailService } from './services/notifications/notification-mail.service.js';
import { NotificationPreferenceService } from './services/notifications/notification-preference.service.js';
import { UnsubscribeTokens } from './services/notifications/unsubscribe-tokens.js';
import { WeeklyDigestService } from './services/notifications/weekly-digest.service.js';
import { ConnectorService } from './services/publishing/connector.service.js';
import { PastPublications } from './services/publishing/past-publications.js';
import { PublishScheduleService } from './services/publishing/publish-schedule.service.js';
import { PublishedMediaLinks } from './services/publishing/published-media-links.js';
import { PublishingService } from './services/publishing/publishing.service.js';
import { QueueService } from './services/publishing/queue.service.js';
import { WebhookService } from './services/webhooks/webhook.service.js';
import { WebhookDispatcher } from './services/webhooks/webhook-dispatcher.js';
import { WebhookOutboxRelay } from './services/webhooks/webhook-outbox-relay.js';
import { WebhookSender } from './services/webhooks/webhook-sender.js';
import { AttentionService } from './services/workspace/attention.service.js';
import { AuditService } from './services/workspace/audit.service.js';
import { InvitationService } from './services/workspace/invitation.service.js';
import { JobService } from './services/workspace/job.service.js';
import { MemberService } from './services/workspace/member.service.js';
import { WorkspaceService } from './services/workspace/workspace.service.js';

/** What the services need from the outside world; wired once in `buildApp`. */
export interface ServiceDeps {
  database: Database;
  config: Config;
  /** Resolved signing secret (see `resolveSecret`). */
  secret: string;
  /** The app's Prometheus registry; services add their metrics to it. */
  metricsRegistry: Registry;
  now?: () => Date;
  /** Test seams: another task registry, another way to build model providers. */
  aiTasks?: Record<AiTaskName, AnyAiTask>;
  providerFactory?: ProviderFactory;
  aiRetry?: RetryPolicy;
  /** Test seam: how the outbound guards resolve host names (DNS by default). */
  resolveHost?: HostResolver;
  /** The job queue; built from `config.redis` and `config.jobs` when omitted. `startServer` closes it. */
  jobQueue?: JobQueue<AppJobDefinitions>;
  /** Live updates; built from `config.redis` when omitted. The app closes it when it closes. */
  events?: EventBus;
  /**
   * Where forecasts run (inline, shared with a warm worker thread, or on one above 50,000 trials); a test
   * seam for other limits. The app stops its worker threads when it closes.
   */
  forecastRunner?: ForecastRunner;
  /** Failed sign-ins; built from `config.redis` when omitted (a test seam for other delays). */
  loginThrottle?: LoginThrottle;
  /** Where media files live; built from `config.media.storage` when omitted. */
  mediaStore?: ObjectStore & { close?(): void };
  /** Test seam: the ffprobe binary media uploads are probed with. */
  ffprobe?: string;
  /** Test seam: the ffmpeg binary that removes videos' metadata. */
  ffmpeg?: string;
  /**
   * Test seam: where uploads are spooled before processing. The default is one directory for every process
   * on the machine, which is right for one clock; a test whose clock runs ahead would sweep other tests'
   * uploads from it while they are processed.
   */
  mediaSpoolDirectory?: string;
  /** Test seam: the network providers (a shorter wait between looks at media still processing). */
  networks?: NetworkRegistry;
  /** How email leaves; built from `config.mail` when omitted (SMTP, the dev outbox, or none). */
  mailer?: Mailer;
  /** Where the dev outbox says a message was written (never the message: links are credentials). */
  mailLog?: (line: string) => void;
}

/** Every service, constructed once per app. */
export type Services = ReturnType<typeof createServices>;

/**
 * The services the job handlers call (jobs/handlers.ts), wired in this one place for the server, the
 * worker, the tests and the benchmarks.
 *
 * @example
 * await startJobRuntime({ queue: services.jobQueue, handlerDeps: jobHandlerDeps(services), … });
 */
export function jobHandlerDeps(services: Services): Omit<JobHandlerDeps, 'queue' | 'now'> {
  return {
    auth: services.auth,
    calendar: services.calendar,
    webhooks: services.webhookSender,
    publishing: services.publishing,
    queues: services.queues,
    inboxTriage: services.inboxTriage,
    media: services.media,
    idempotency: services.idempotency,
    content: services.content,
    networkReadings: {
      queueReadings: () => services.networkReadScheduler.queueReadings(),
      readDue: (businessId, accountId) => services.networkSync.readDue(businessId, accountId),
    },
    accountMail: {
      sendResetLink: (payload) => services.passwordResets.sendResetLink(payload),
      sendSignUpConfirmation: (payload) => services.signUp.sendConfirmation(payload),
      sendInvitation: (payload, businessId) => services.invitations.send(payload, businessId),
      sendAddedNotice: (payload, businessId) => services.invitations.sendAddedNotice(payload, businessId),
      purgeExpired: async () =>
        (await services.passwordResets.purgeExpired()) + (await services.signUp.purgeExpired()),
    },
    notifications: {
      sendEmail: (payload, businessId) => services.notificationMail.send(payload, businessId),
      schedule: () => services.weeklyDigest.schedule(),
      sendDigest: (payload, businessId) => services.weeklyDigest.send(payload, businessId),
      jobDied: (job) => services.notifications.jobDied(job),
    },
  };
}

/**
 * Close what the services hold open besides the database (the caller's): Redis and SMTP connections,
 * worker threads, the media store. Every process that builds the services calls it, or would not exit.
 */
export async function closeServices(services: Services): Promise<void> {
  await Promise.all([
    services.events.close(),
    services.sessions.close(),
    services.aiCache.close(),
    services.forecastRunner.close(),
    services.loginThrottle.close(),
    services.networkHolds.close(),
  ]);
  services.mediaStore.close?.();
  services.mailer.close();
}

/** How long sign-in waits between the password and the code. */
const TWO_FACTOR_CHALLENGE_TTL_SECONDS = 300;

/** Build the services from their dependencies. */
export function createServices(deps: ServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const { config } = deps;
  const repos = createRepositories(deps.database.db, deps.database.dialect);
  const accessTokens = new AccessTokens(deps.secret, config.auth.accessTokenTtlSeconds, () =>
    now().getTime(),
  );
  const secretBox = new SecretBox(deps.secret);
  const aiRetry = deps.aiRetry ?? { retries: config.ai.maxRetries, budgetMs: config.ai.retryBudgetMs };
  const aiRunDeadlineMs = runDeadlineMs(aiRetry, config.ai.timeoutMs);
  const budget = new AiBudgetGuard(repos, now, aiRunDeadlineMs);
  const jobQueue =
    deps.jobQueue ??
    createJobQueue(config, {
      jobs: repos.jobs,
      ping: () => deps.database.ping(),
      metricsRegistry: deps.metricsRegistry,
    });
  const busErrors = createBusErrorCounter(deps.metricsRegistry);
  const bus = deps.events ?? createEventBus(config.redis, { onError: () => busErrors.inc() });
  // Every request checks its session; revocations reach the other instances through the same Redis.
  const sessions = new ActiveSessions({
    lookup: (sessionId) => repos.refreshTokens.isFamilyLive(sessionId, now().toISOString()),
    feed: createSessionRevocationFeed(config.redis, { onError: () => busErrors.inc() }),
    ttlMs: config.auth.sessionCacheTtlMs,
    now: () => now().getTime(),
    onError: () => busErrors.inc(),
  });
  const webhookMetrics = createWebhookMetrics(deps.metricsRegistry);
  const webhookOutbox = new WebhookOutboxRelay({
    repos,
    queue: jobQueue,
    metrics: webhookMetrics,
    ...(config.testHooks.killBeforeWebhookRelay
      ? { beforeRelay: () => process.kill(process.pid, 'SIGKILL') }
      : {}),
  });
  // Services publish through the dispatcher, so every event a webhook subscribes to becomes a delivery once.
  const events = new WebhookDispatcher(bus, { repos, relay: webhookOutbox, now, metrics: webhookMetrics });
  // One guard for every call to a URL a user gave (webhooks, publishing connectors, AI endpoints).
  const resolve = deps.resolveHost;
  const outboundGuard = createOutboundGuard({
    allowedHosts: config.outbound.allowedHosts,
    ...(resolve ? { resolve } : {}),
  });
  // A workspace's AI endpoint may be private only if the operator says so (a local Ollama); either way
  // each call connects to the address checked and follows no redirect.
  const aiEndpointGuard = config.ai.allowPrivateBaseUrls
    ? createOutboundGuard({ allowedHosts: EVERY_ADDRESS, ...(resolve ? { resolve } : {}) })
    : outboundGuard;
  const webhookSecrets = new SecretBox(deps.secret, 'mcc webhook secrets');
  const connectorSecrets = new SecretBox(deps.secret, 'mcc publishing connector secrets');
  const connectors = createConnectorRegistry({
    guard: outboundGuard,
    timeoutMs: DEFAULT_CONNECTOR_TIMEOUT_MS,
    now,
  });
  // Native networks: every call through the same guard; tokens sealed under their own purpose label.
  const networks: NetworkRegistry =
    deps.networks ??
    createNetworkRegistry({ guard: outboundGuard, timeoutMs: DEFAULT_CONNECTOR_TIMEOUT_MS, now });
  const networkSecrets = new SecretBox(deps.secret, 'mcc network account tokens');
  // Avatars are read through the same guard as every network call, and served from our origin.
  const networkAvatars = new NetworkAvatarService({ repos, fetch: createGuardedFetch(outboundGuard), now });
  const networkAccounts = new NetworkAccountService(repos, networks, networkSecrets, now, networkAvatars);
  const mailer = deps.mailer ?? createMailer(config, { now, ...(deps.mailLog ? { log: deps.mailLog } : {}) });
  // Links in emails lead to the web app: PUBLIC_URL (required with SMTP in production), or this machine.
  const baseUrl = (config.server.publicUrl ?? `http://localhost:${config.server.port}`).replace(/\/+$/, '');
  // OAuth networks: the apps accounts connect (and renew their tokens) with, and the connect flow.
  const oauthSecrets = new SecretBox(deps.secret, 'mcc network oauth');
  const oauthApps = new OAuthAppsService({
    repos,
    networks,
    secretBox: oauthSecrets,
    instanceApps: config.oauthApps,
    publicBaseUrl: baseUrl,
    now,
  });
  const oauthConnect = new OAuthConnectService({
    repos,
    networks,
    accounts: networkAccounts,
    apps: oauthApps,
    secretBox: oauthSecrets,
    http: {
      fetch: createGuardedFetch(outboundGuard),
      timeoutMs: DEFAULT_CONNECTOR_TIMEOUT_MS,
      now,
    },
    publicBaseUrl: baseUrl,
    now,
  });
  // Services tell people through this one notifier; it alone knows recipients, preferences and email.
  const notifications = new NotificationService({
    repos,
    events,
    queue: jobQueue,
    mailMode: mailer.mode,
    now,
  });
  const unsubscribeTokens = new UnsubscribeTokens(deps.secret);
  // Content edits and workflow moves keep each scheduled item's publish job in step with it.
  const publishSchedule = new PublishScheduleService(repos, jobQueue, events, now, notifications);
  const content = new ContentService(repos, now, events, publishSchedule);
  const queues = new QueueService({ repos, now, events, publishing: publishSchedule, queue: jobQueue });
  const workspaces = new WorkspaceService(repos, now);
  const campaigns = new CampaignService(repos, now);
  const aiMetrics = createAiMetrics(deps.metricsRegistry);
  const aiCache = createResponseCache<{ output: unknown; model: string }>({
    ttlMs: config.ai.cacheTtlMs,
    redis: config.redis,
    onError: () => aiMetrics.cacheErrors.inc(),
  });
  const aiProviders = new AiProviderResolver(
    repos,
    config.ai,
    secretBox,
    deps.providerFactory,
    createGuardedFetch(aiEndpointGuard),
  );
  // Shared by text tasks and generated images: one endpoint's health, one price table.
  const aiBreakers = new CircuitBreakers(config.ai.circuitFailures, config.ai.circuitCooldownMs, () =>
    now().getTime(),
  );
  const aiPrices = new PriceTable(config.ai.prices);
  const ai = new AiService({
    repos,
    tasks: deps.aiTasks ?? AI_TASKS,
    resolver: aiProviders,
    budget,
    breakers: aiBreakers,
    retry: aiRetry,
    prices: aiPrices,
    cache: aiCache,
    metrics: aiMetrics,
    events,
    notifier: notifications,
    now,
    maxOutputTokens: config.ai.maxOutputTokens,
    runDeadlineMs: aiRunDeadlineMs,
  });
  // The inbox: replies leave through the publishing connectors, so they share their secrets and guard.
  const inbox = new InboxService({ repos, queue: jobQueue, events, now });
  const inboxReplies = new InboxReplyService({
    repos,
    inbox,
    ai,
    events,
    connectorSecrets,
    guard: outboundGuard,
    timeoutMs: DEFAULT_CONNECTOR_TIMEOUT_MS,
    now,
    networkReplies: { networks, secretBox: networkSecrets, now, oauthApps },
  });
  const forecastRunner = deps.forecastRunner ?? new ForecastRunner();
  const networkHolds = createRateHolds(config.redis, now);
  const loginThrottle = deps.loginThrottle ?? createLoginThrottle(config.redis);
  const mediaStore = deps.mediaStore ?? createObjectStore(config.media.storage);
  const mediaLinks = new SignedMediaLinks(deps.secret);
  const media = new MediaService({
    repos,
    store: mediaStore,
    links: mediaLinks,
    settings: {
      ...config.media,
      spoolDirectory: deps.mediaSpoolDirectory ?? path.join(tmpdir(), 'mcc-media-uploads'),
      publicUrl: config.server.publicUrl,
    },
    now,
    ...(deps.ffprobe ? { ffprobe: deps.ffprobe } : {}),
    ...(deps.ffmpeg ? { ffmpeg: deps.ffmpeg } : {}),
  });
  const passwords = new PasswordHasher(config.auth.passwordHashProfile);
  const totp = new Totp(now);
  const twoFactorSecrets = new SecretBox(deps.secret, 'mcc two-factor secrets');
  const secondFactor = new SecondFactor({
    repos,
    secretBox: twoFactorSecrets,
    totp,
    throttle: loginThrottle,
    now,
  });
  // Passkeys belong to PUBLIC_URL's host name (this machine's `localhost` in development).
  const relyingParty = relyingPartyFor(config.server.publicUrl, config.server.port);
  const auth = new AuthService({
    repos,
    accessTokens,
    throttle: loginThrottle,
    passwords,
    sessions,
    secondFactor,
    passkeySignIn: new PasskeySignIn({ repos, relyingParty, throttle: loginThrottle, now }),
    challenges: new TwoFactorChallenges(deps.secret, TWO_FACTOR_CHALLENGE_TTL_SECONDS, now),
    refreshTokenChain: new RefreshTokenChain(deps.secret),
    refreshTokenTtlDays: config.auth.refreshTokenTtlDays,
    refreshGraceMs: config.auth.refreshGraceSeconds * 1000,
    now,
  });
  const mails = new AccountMails(baseUrl);
  const mailDeps = { repos, queue: jobQueue, mailer, mails, now };
  const invitations = new InvitationService({ ...mailDeps, auth, events });
  const analyticsReports = new AnalyticsReportService(repos, now);
  return {
    events,
    /** How email leaves (SMTP, the dev outbox, or none); the app closes its connections. */
    mailer,
    /** The AI response cache; the app closes it with the event bus. */
    aiCache,
    /** The forecasts' worker threads; the app stops them with the event bus. */
    forecastRunner,
    /** Failed sign-ins per address and account, shared by every instance; the app closes its connection. */
    loginThrottle,
    /** Network accounts a rate limit holds, shared by every instance; the app closes its connection. */
    networkHolds,
    outboundGuard,
    accessTokens,
    /** Whether an access token's session is still signed in; the app closes it with the event bus. */
    sessions,
    auth,
    /** Two-factor sign-in for one's own account: enrolment, recovery codes, turning it off. */
    twoFactor: new TwoFactorService({
      repos,
      passwords,
      secretBox: twoFactorSecrets,
      totp,
      secondFactor,
      auth,
      now,
    }),
    /** Passkeys as a second factor for one's own account: adding, listing, removing. */
    passkeys: new PasskeyService({ repos, relyingParty, passwords, secondFactor, auth, now }),
    /** Forgotten passwords; also the `mail.password_reset` job's handler. */
    passwordResets: new PasswordResetService({ ...mailDeps, passwords, sessions }),
    /** Registration (confirmed by email with SMTP); also the `mail.sign_up` job's handler. */
    signUp: new SignUpService({ ...mailDeps, auth, invitations, mode: config.auth.signUp }),
    /** Pending invitations; also the `mail.invitation` and `mail.member_added` jobs' handler. */
    invitations,
    workspaces,
    members: new MemberService(repos, now, events, {
      invitations,
      ...(mailer.mode === 'none'
        ? {}
        : {
            notifyAdded: (businessId: string, userId: string, addedBy: string | null) =>
              jobQueue.enqueue({
                name: 'mail.member_added',
                businessId,
                payload: { user_id: userId, added_by: addedBy },
              }),
          }),
    }),
    apiKeys: new ApiKeyService(repos, now),
    /** `Idempotency-Key` on creating requests; its expired keys are swept with the sessions (JobHandlerDeps). */
    idempotency: new IdempotencyService({
      repos,
      secretBox: new SecretBox(deps.secret, 'mcc idempotent answers'),
      now,
    }),
    audit: new AuditService(repos),
    ai,
    aiSettings: new AiSettingsService(repos, budget, secretBox, config.ai, now, aiEndpointGuard),
    aiUsage: new AiUsageService(repos, budget, now),
    aiConnectionTest: new AiConnectionTestService(repos, aiProviders, now),
    /** Enqueue background work from services and features: `jobQueue.enqueue({ name, businessId, payload })`. */
    jobQueue,
    jobs: new JobService(repos, jobQueue),
    campaigns,
    forecasts: new ForecastService(repos, campaigns, forecastRunner, now),
    analyticsMetrics: new AnalyticsMetricsService(repos, now),
    analyticsReports,
    /** The dashboard's summary of what needs a person in a workspace. */
    attention: new AttentionService(repos, { reports: analyticsReports, budget }, now),
    content,
    contentStudio: new ContentStudioService(content),
    /** The composer: one post, a variant per network, created together. */
    compose: new ComposeService({
      repos,
      now,
      nextFreeSlot: (trx, businessId, channel) => queues.nextFreeSlotOf(trx, businessId, channel),
      events,
      publishing: publishSchedule,
      notifier: notifications,
    }),
    contentWorkflow: new ContentWorkflowService(repos, now, events, publishSchedule, notifications),
    contentMedia: new ContentMediaService(repos, now, events, publishSchedule),
    contentExport: new ContentExportService(repos, now, content, baseUrl),
    reviewLinks: new ReviewLinkService(repos, now),
    /** Posting slots, add to queue, duplicate; also the `content.requeue_evergreen` job's handler. */
    queues,
    contentComments: new ContentCommentService(repos, now, notifications, events),
    calendar: new CalendarService({ repos, ai, content, workspaces, queue: jobQueue }),
    connectors: new ConnectorService(repos, connectors, connectorSecrets, now),
    /** The `content.publish` job's handler (see JobHandlerDeps). */
    publishing: new PublishingService({
      repos,
      connectors,
      secretBox: connectorSecrets,
      events,
      metrics: createPublishMetrics(deps.metricsRegistry),
      networks: new NetworkPublisher({
        repos,
        networks,
        secretBox: networkSecrets,
        store: mediaStore,
        mediaUrl: signedMediaUrlOf(mediaLinks, config.server.publicUrl, now),
        now,
        oauthApps,
        gate: new AccountRateGate(now, networkHolds),
      }),
      mediaLinks: new PublishedMediaLinks({
        repos,
        links: mediaLinks,
        publicUrl: config.server.publicUrl,
        now,
      }),
      notifier: notifications,
      afterPublished: (item) => queues.afterPublished(item),
      now,
    }),
    /** Publications of the past (the demo workspace's posts with results); no route writes them. */
    pastPublications: new PastPublications({ repos, events, now }),
    networkAccounts,
    /** Connected accounts' avatars, served from our origin. */
    networkAvatars,
    /** OAuth networks: whose app connects them, and the connect flow (Settings → Channels). */
    oauthApps,
    oauthConnect,
    /** The hourly `networks.queue_readings` job's handler (see JobHandlerDeps). */
    networkReadScheduler: new NetworkReadScheduler({ repos, queue: jobQueue, now }),
    /** Reads results and mentions back: `Sync now`, and the `networks.read_account` job's handler. */
    networkSync: new NetworkSyncService({
      repos,
      networks,
      secretBox: networkSecrets,
      accounts: networkAccounts,
      avatars: networkAvatars,
      queue: jobQueue,
      events,
      now,
      oauthApps,
    }),
    inbox,
    inboxReplies,
    /** The `message.classify` job's handler (see JobHandlerDeps). */
    inboxTriage: new InboxTriageService({
      repos,
      ai,
      replies: inboxReplies,
      events,
      notifier: notifications,
      now,
    }),
    inboxImport: new InboxImportService({ repos, queue: jobQueue, events, now }),
    inboxInbound: new InboxInboundService({
      repos,
      queue: jobQueue,
      events,
      secretBox: new SecretBox(deps.secret, 'mcc inbound webhook secrets'),
      now,
    }),
    inboxLibrary: new InboxLibraryService(repos, now),
    inboxRules: new InboxRuleService(repos, now),
    webhooks: new WebhookService({
      repos,
      secretBox: webhookSecrets,
      guard: outboundGuard,
      relay: webhookOutbox,
      now,
    }),
    /** Where media files live; the app closes its connections (S3) with the event bus. */
    mediaStore,
    /** The media library; also the `media.sweep_orphans` job's handler (see JobHandlerDeps). */
    media,
    /** Branded text cards drawn on this server, taken into the library like uploads. */
    textCards: new TextCardService({ repos, media }),
    /** Alt text suggestions for library items (the `suggestAltText` task). */
    altText: new AltTextService({ media, ai, resolver: aiProviders }),
    /** Images from the configured image endpoint (the `generateImage` ledger task), taken into the library. */
    imageGeneration: new ImageGenerationService({
      repos,
      media,
      resolver: aiProviders,
      budget,
      breakers: aiBreakers,
      prices: aiPrices,
      metrics: aiMetrics,
      events,
      now,
    }),
    /** Creates notifications (services reach it as their `Notifier`); the dead-job hook's handler. */
    notifications,
    /** One person's notifications: the list, the unread count, marking read. */
    notificationCenter: new NotificationCenterService(repos, events, now),
    /** Email choices per person, workspace and kind; unsubscribe links. */
    notificationPreferences: new NotificationPreferenceService(repos, unsubscribeTokens, mailer.mode, now),
    /** The `notifications.email` job's handler. */
    notificationMail: new NotificationMailService({ repos, mailer, tokens: unsubscribeTokens, baseUrl }),
    /** The `notifications.schedule` and `notifications.weekly_digest` jobs' handler. */
    weeklyDigest: new WeeklyDigestService({
      repos,
      notifications,
      reports: analyticsReports,
      queue: jobQueue,
      now,
    }),
    /** Queues webhook deliveries left in the outbox; swept by every job runtime (see startJobRuntime). */
    webhookOutbox,
    /** The `webhook.deliver` job's handler (see JobHandlerDeps). */
    webhookSender: new WebhookSender({
      repos,
      secretBox: webhookSecrets,
      guard: outboundGuard,
      metrics: webhookMetrics,
      now,
    }),
  };
}
