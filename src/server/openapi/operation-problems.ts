import type { ErrorCode } from '#shared/error-codes.js';
import type { OperationId } from './operation-ids.js';

/**
 * The problems an operation can answer beyond those its shape implies (`problem-responses.ts` derives
 * those: input → 400, a credential → 401/403, an id → 404, a rate limit → 429, and so on): the rules of
 * its service. Read from the services' `AppError`s; when a service learns a new refusal, add its code here.
 */
export const DOMAIN_PROBLEMS: Partial<Record<OperationId, readonly ErrorCode[]>> = {
  registerAccount: ['conflict', 'weak_password', 'link_expired', 'mail_unavailable', 'sign_up_closed'],
  confirmRegistration: ['link_expired', 'sign_up_closed'],
  describeInvitation: ['link_expired'],
  requestPasswordReset: ['mail_unavailable'],
  checkPasswordResetLink: ['link_expired'],
  resetPassword: ['link_expired', 'weak_password'],
  signIn: ['invalid_credentials'],
  completeTwoFactorSignIn: ['invalid_two_factor_code', 'two_factor_challenge_expired'],
  startTwoFactorSetup: ['conflict'],
  enableTwoFactor: ['conflict', 'invalid_two_factor_code'],
  regenerateRecoveryCodes: ['conflict', 'invalid_credentials'],
  disableTwoFactor: ['conflict', 'invalid_credentials', 'invalid_two_factor_code'],
  startPasskeySignIn: ['two_factor_challenge_expired', 'passkey_rejected'],
  completePasskeySignIn: ['two_factor_challenge_expired', 'passkey_rejected'],
  addPasskey: ['conflict', 'passkey_rejected'],
  removePasskey: ['invalid_credentials', 'invalid_two_factor_code'],
  refreshSession: ['invalid_refresh_token', 'csrf_failed'],
  signOut: ['csrf_failed'],
  updateCurrentUser: ['conflict'],
  changePassword: ['invalid_credentials', 'weak_password'],

  getCalendarFeed: ['not_found'],
  getSharedReview: ['not_found'],
  // A bad signature or a timestamp too far off.
  receiveInboundMessage: ['unauthenticated'],
  getSignedMediaFile: ['link_expired', 'range_not_satisfiable'],
  listOutboxEmails: ['not_found'],

  addMember: ['conflict', 'mail_unavailable'],
  changeMemberRole: ['last_owner'],
  removeMember: ['last_owner'],
  resendInvitation: ['mail_unavailable'],

  runAiTask: ['budget_exceeded', 'ai_provider_error', 'ai_unavailable'],
  generateContent: ['budget_exceeded', 'ai_provider_error', 'ai_unavailable'],
  rewriteContentItem: ['budget_exceeded', 'ai_provider_error', 'ai_unavailable'],
  suggestReplies: ['budget_exceeded', 'ai_provider_error', 'ai_unavailable'],
  suggestAltText: ['budget_exceeded', 'ai_provider_error', 'ai_unavailable'],
  testAiProvider: ['conflict', 'ai_provider_error'],

  retryJob: ['conflict'],
  cancelJob: ['conflict'],

  updateCampaign: ['invalid_transition', 'version_conflict'],
  createContentItem: ['over_channel_limit'],
  updateContentItem: ['version_conflict', 'invalid_transition', 'over_channel_limit'],
  bulkChangeContentItems: ['bulk_failed', 'version_conflict'],
  composePost: ['queue_full'],
  setContentItemMedia: ['invalid_transition', 'media_check_failed'],
  transitionContentItem: ['version_conflict', 'invalid_transition', 'media_check_failed'],
  importContentCsv: ['bulk_failed'],
  queueContentItem: ['version_conflict', 'invalid_transition', 'media_check_failed', 'queue_full'],
  importMetricsCsv: ['bulk_failed'],
  importMessages: ['bulk_failed'],

  createConnector: ['url_not_allowed'],
  updateConnector: ['url_not_allowed'],
  createWebhook: ['url_not_allowed'],
  updateWebhook: ['url_not_allowed'],
  connectNetworkAccount: ['network_refused', 'network_unavailable'],
  reconnectNetworkAccount: ['network_refused', 'network_unavailable'],
  startOAuth: ['oauth_app_missing'],
  getOAuthPick: ['link_expired'],
  completeOAuthPick: ['link_expired', 'network_refused', 'network_unavailable'],

  uploadMedia: ['quota_exceeded'],
  createTextCard: ['quota_exceeded'],
  generateImage: [
    'quota_exceeded',
    'image_generator_missing',
    'image_refused',
    'budget_exceeded',
    'ai_provider_error',
    'ai_unavailable',
  ],
  deleteMediaItem: ['media_in_use'],
  getMediaFile: ['range_not_satisfiable'],
  getMediaRendition: ['range_not_satisfiable'],
};
