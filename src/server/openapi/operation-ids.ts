/**
 * The `operationId` of every operation in the OpenAPI document, keyed by method and documented path.
 * Generated SDKs name their methods after these, so they are part of the public API: add, never rename.
 * A new route needs a line here (test/integration/openapi-contract.test.ts fails without one).
 *
 * Ids are camelCase, verb first (`listCampaigns`, `createCampaign`, `getCampaign`): `list` a collection,
 * `get` one thing, `create`/`update`/`delete` it, and a plain verb for anything else.
 */
export const OPERATION_IDS = {
  'GET /healthz': 'getHealth',
  'GET /readyz': 'getReadiness',

  'GET /api/auth/options': 'getAuthOptions',
  'POST /api/auth/register': 'registerAccount',
  'POST /api/auth/register/confirm': 'confirmRegistration',
  'POST /api/auth/invitation': 'describeInvitation',
  'POST /api/auth/password/forgot': 'requestPasswordReset',
  'POST /api/auth/password/reset/check': 'checkPasswordResetLink',
  'POST /api/auth/password/reset': 'resetPassword',
  'POST /api/auth/login': 'signIn',
  'POST /api/auth/login/two-factor': 'completeTwoFactorSignIn',
  'GET /api/auth/two-factor': 'getTwoFactorStatus',
  'POST /api/auth/two-factor/setup': 'startTwoFactorSetup',
  'POST /api/auth/two-factor/enable': 'enableTwoFactor',
  'POST /api/auth/two-factor/recovery-codes': 'regenerateRecoveryCodes',
  'POST /api/auth/two-factor/disable': 'disableTwoFactor',
  'POST /api/auth/refresh': 'refreshSession',
  'POST /api/auth/logout': 'signOut',
  'GET /api/auth/me': 'getCurrentUser',
  'PATCH /api/auth/me': 'updateCurrentUser',
  'POST /api/auth/password': 'changePassword',

  'GET /api/content/calendar.ics': 'getCalendarFeed',
  'POST /api/inbound/{workspaceId}/{source}': 'receiveInboundMessage',
  'GET /api/media/signed/{business_id}/{id}/{variant}': 'getSignedMediaFile',
  'GET /api/dev/outbox': 'listOutboxEmails',
  'POST /api/telemetry': 'reportTelemetry',

  'GET /api/business': 'listWorkspaces',
  'POST /api/business': 'createWorkspace',
  'GET /api/business/{id}': 'getWorkspace',
  'PATCH /api/business/{id}': 'updateWorkspace',
  'DELETE /api/business/{id}': 'deleteWorkspace',
  'GET /api/business/{id}/members': 'listMembers',
  'POST /api/business/{id}/members': 'addMember',
  'PATCH /api/business/{id}/members/{userId}': 'changeMemberRole',
  'DELETE /api/business/{id}/members/{userId}': 'removeMember',
  'GET /api/business/{id}/invitations': 'listInvitations',
  'POST /api/business/{id}/invitations/{invitationId}/resend': 'resendInvitation',
  'DELETE /api/business/{id}/invitations/{invitationId}': 'revokeInvitation',
  'GET /api/business/{id}/api-keys': 'listApiKeys',
  'POST /api/business/{id}/api-keys': 'createApiKey',
  'DELETE /api/business/{id}/api-keys/{keyId}': 'revokeApiKey',
  'GET /api/business/{id}/audit-log': 'listAuditEntries',

  'POST /api/ai/tasks/{task}': 'runAiTask',
  'POST /api/ai/strategy/generate-calendar': 'generateCalendar',
  'GET /api/ai/usage': 'getAiUsage',
  'GET /api/ai/calls': 'listAiCalls',
  'GET /api/business/{id}/ai-budget': 'getAiBudget',
  'PUT /api/business/{id}/ai-budget': 'setAiBudget',
  'GET /api/business/{id}/ai-provider': 'getAiProvider',
  'PUT /api/business/{id}/ai-provider': 'setAiProvider',
  'DELETE /api/business/{id}/ai-provider': 'removeAiProvider',
  'POST /api/business/{id}/ai-provider/test': 'testAiProvider',

  'GET /api/jobs': 'listJobs',
  'GET /api/jobs/{id}': 'getJob',
  'POST /api/jobs/{id}/retry': 'retryJob',
  'POST /api/jobs/{id}/cancel': 'cancelJob',

  'GET /api/campaign': 'listCampaigns',
  'POST /api/campaign': 'createCampaign',
  'GET /api/campaign/{id}': 'getCampaign',
  'PATCH /api/campaign/{id}': 'updateCampaign',
  'DELETE /api/campaign/{id}': 'deleteCampaign',

  'POST /api/content/generate': 'generateContent',
  'GET /api/content': 'listContentItems',
  'POST /api/content': 'createContentItem',
  'POST /api/content/bulk': 'bulkChangeContentItems',
  'GET /api/content/{id}': 'getContentItem',
  'PATCH /api/content/{id}': 'updateContentItem',
  'DELETE /api/content/{id}': 'deleteContentItem',
  'PUT /api/content/{id}/media': 'setContentItemMedia',
  'POST /api/content/{id}/rewrite': 'rewriteContentItem',
  'POST /api/content/{id}/transition': 'transitionContentItem',
  'GET /api/content/{id}/history': 'listContentItemHistory',
  'GET /api/content/{id}/publish-attempts': 'listPublishAttempts',
  'GET /api/content/export.csv': 'exportContentCsv',
  'POST /api/content/import': 'importContentCsv',
  'GET /api/business/{id}/calendar-feed': 'listCalendarFeeds',
  'POST /api/business/{id}/calendar-feed': 'createCalendarFeed',
  'DELETE /api/business/{id}/calendar-feed/{feedId}': 'revokeCalendarFeed',

  'POST /api/analytics/simulate': 'runForecast',
  'GET /api/analytics/simulations/{id}': 'getForecast',
  'POST /api/analytics/metrics': 'recordMetrics',
  'POST /api/analytics/metrics/import': 'importMetricsCsv',
  'GET /api/analytics/overview': 'getAnalyticsOverview',
  'GET /api/analytics/overview.csv': 'exportAnalyticsOverviewCsv',
  'GET /api/analytics/campaign/{id}': 'getCampaignReport',
  'GET /api/analytics/campaign/{id}/report.csv': 'exportCampaignReportCsv',
  'GET /api/analytics/benchmarks': 'listBenchmarks',
  'PUT /api/analytics/benchmarks': 'setBenchmarks',

  'GET /api/connectors': 'listConnectors',
  'POST /api/connectors': 'createConnector',
  'PATCH /api/connectors/{id}': 'updateConnector',
  'DELETE /api/connectors/{id}': 'deleteConnector',
  'POST /api/connectors/{id}/test': 'testConnector',

  'GET /api/network-accounts': 'listNetworkAccounts',
  'POST /api/network-accounts': 'connectNetworkAccount',
  'PUT /api/network-accounts/{id}/credentials': 'reconnectNetworkAccount',
  'DELETE /api/network-accounts/{id}': 'disconnectNetworkAccount',
  'POST /api/network-accounts/{id}/sync': 'syncNetworkAccount',

  'GET /api/webhooks': 'listWebhooks',
  'POST /api/webhooks': 'createWebhook',
  'PATCH /api/webhooks/{id}': 'updateWebhook',
  'DELETE /api/webhooks/{id}': 'deleteWebhook',
  'POST /api/webhooks/{id}/rotate-secret': 'rotateWebhookSecret',
  'POST /api/webhooks/{id}/test': 'sendTestWebhook',
  'GET /api/webhooks/{id}/deliveries': 'listWebhookDeliveries',
  'GET /api/webhooks/{id}/deliveries/{deliveryId}': 'getWebhookDelivery',
  'POST /api/webhooks/{id}/deliveries/{deliveryId}/redeliver': 'redeliverWebhookDelivery',

  'GET /api/messages': 'listConversations',
  'POST /api/messages': 'ingestMessage',
  'POST /api/messages/import': 'importMessages',
  'GET /api/messages/{id}': 'getConversation',
  'PATCH /api/messages/{id}': 'updateConversation',
  'POST /api/messages/{id}/ai-reply': 'suggestReplies',
  'POST /api/messages/{id}/reply': 'sendReply',
  'GET /api/inbox/canned-replies': 'listCannedReplies',
  'POST /api/inbox/canned-replies': 'createCannedReply',
  'PATCH /api/inbox/canned-replies/{id}': 'updateCannedReply',
  'DELETE /api/inbox/canned-replies/{id}': 'deleteCannedReply',
  'GET /api/inbox/knowledge': 'listKnowledgeEntries',
  'POST /api/inbox/knowledge': 'createKnowledgeEntry',
  'PATCH /api/inbox/knowledge/{id}': 'updateKnowledgeEntry',
  'DELETE /api/inbox/knowledge/{id}': 'deleteKnowledgeEntry',
  'GET /api/inbox/rules': 'listInboxRules',
  'POST /api/inbox/rules': 'createInboxRule',
  'PATCH /api/inbox/rules/{id}': 'updateInboxRule',
  'DELETE /api/inbox/rules/{id}': 'deleteInboxRule',
  'GET /api/inbox/inbound-secret': 'getInboundSecretStatus',
  'POST /api/inbox/inbound-secret': 'rotateInboundSecret',

  'POST /api/media': 'uploadMedia',
  'GET /api/media': 'listMedia',
  'GET /api/media/{id}': 'getMediaItem',
  'PATCH /api/media/{id}': 'updateMediaItem',
  'DELETE /api/media/{id}': 'deleteMediaItem',
  'GET /api/media/{id}/file': 'getMediaFile',
  'GET /api/media/{id}/renditions/{rendition}': 'getMediaRendition',
  'POST /api/media/{id}/signed-url': 'createSignedMediaUrl',
  'POST /api/media/cards': 'createTextCard',
  'POST /api/media/generate': 'generateImage',
  'POST /api/media/{id}/alt-text/suggest': 'suggestAltText',
} as const satisfies Record<string, string>;

export type OperationId = (typeof OPERATION_IDS)[keyof typeof OPERATION_IDS];

/** `GET /api/campaign` for a method and a documented path. */
export function operationKey(method: string, documentPath: string): string {
  return `${method.toUpperCase()} ${documentPath}`;
}

/** The id of an operation, if it has one. */
export function operationIdOf(method: string, documentPath: string): OperationId | undefined {
  return (OPERATION_IDS as Record<string, OperationId>)[operationKey(method, documentPath)];
}
