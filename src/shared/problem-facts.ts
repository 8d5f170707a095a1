import type { CampaignStatus } from './campaign.schema.js';
import type { ContentStatus } from './content-statuses.js';
import type { MediaKind } from './media.schema.js';
import type { NetworkId } from './network.schema.js';
import type { Role } from './roles.js';

/**
 * What a refusal's `detail` says, as data: a `reason` code and the values the sentence names, sent beside
 * the English `detail` as the problem's `facts` (and a bulk change's per-item field errors' `facts`), so an
 * API client can branch on it and the web app can say it in the reader's language
 * (`src/web/lib/problem-facts-text.ts`). Only refusals whose detail tells the person something the error
 * code cannot carry them: which moves an item may make, which file types are accepted, the limit passed.
 */
export type ProblemFacts =
  // invalid_transition
  | { reason: 'content_move'; from: ContentStatus; to: ContentStatus; allowed: ContentStatus[] }
  | { reason: 'content_set_by_publishing'; to: ContentStatus }
  | { reason: 'campaign_move'; from: CampaignStatus; to: CampaignStatus; allowed: CampaignStatus[] }
  | { reason: 'published_item_locked'; action: PublishedItemAction }
  | { reason: 'past_publication_not_approved'; status: ContentStatus }
  // unsupported_media_type
  | { reason: 'media_type_refused'; found: string | null }
  | { reason: 'multipart_required' }
  // media_too_large
  | { reason: 'media_file_too_large'; kind: MediaKind; limit_bytes: number }
  | { reason: 'image_over_pixel_limit'; width: number; height: number; limit_pixels: number }
  // media_in_use
  | { reason: 'media_attached'; name: string; items: number }
  | { reason: 'media_just_attached'; name: string }
  // ai_provider_error
  | { reason: 'ai_provider_failed'; failure: AiProviderFailure }
  | { reason: 'ai_answer_unusable'; faults: AiAnswerFault[] }
  // network_refused, network_unavailable
  | {
      reason: 'network_failed';
      network: NetworkId;
      failure: NetworkFailureFact;
      /** The HTTP status the network answered with; null when it did not answer over HTTP. */
      status: number | null;
      /** The network's own words (its error message, in its language), or null when it gave none. */
      said: string | null;
    }
  // forbidden (a role that lacks a permission and nothing more is the code's own sentence)
  | { reason: 'role_cannot'; role: Role; action: RoleRefusedAction; to: ContentStatus | null }
  | { reason: 'comment_author_only' }
  | { reason: 'api_key_not_a_person'; scope: 'accounts' | 'comments' | 'notifications' }
  | { reason: 'owner_only'; change: 'two_factor_requirement' | 'owner_role' }
  // conflict
  | { reason: 'email_taken' }
  | { reason: 'already_member' }
  | { reason: 'already_invited' }
  | { reason: 'passkey_registered' }
  | { reason: 'two_factor_not_started' }
  | { reason: 'two_factor_setup_unreadable' }
  | { reason: 'two_factor_off' }
  | { reason: 'two_factor_on' }
  | { reason: 'job_not_retryable' }
  | { reason: 'job_finished' }
  | { reason: 'no_model_configured' };

/**
 * How a call to the AI provider failed: the provider's own answer (slow down, its error, a refusal, an
 * unreadable answer), the way to it (no connection, an address the server may not call), or time.
 */
export type AiProviderFailure =
  | 'rate_limited'
  | 'server_error'
  | 'connection'
  | 'timeout'
  | 'rejected'
  | 'bad_response'
  | 'cancelled'
  | 'address_refused'
  | 'deadline';

/**
 * What was wrong with a model's answer that stayed unusable after a repair, as people would say it (up to
 * two, then `other`); none when nothing could be named.
 */
export const AI_ANSWER_FAULTS = [
  'times',
  'dates',
  'channels',
  'formats',
  'hashtags',
  'item_count',
  'channel_rules',
  'no_data',
  'dates_outside',
  'channels_not_asked',
  'variant_count',
  'avoided_words',
  'own_instructions',
  'other',
] as const;
export type AiAnswerFault = (typeof AI_ANSWER_FAULTS)[number];

/**
 * How a network refused or failed a request made for the person (connecting an account): the credentials
 * refused, asked to slow down, unavailable for now, no answer at all, an address this server may not call,
 * an answer it could not use, or the request itself refused.
 */
export const NETWORK_FAILURE_FACTS = [
  'credentials',
  'rate_limited',
  'unavailable',
  'no_answer',
  'address_refused',
  'bad_answer',
  'refused',
] as const;
export type NetworkFailureFact = (typeof NETWORK_FAILURE_FACTS)[number];

/**
 * What a role was refused: content deleted, restored, edited (its campaign), moved or set to a status (`to`)
 * in bulk, a scheduled item moved, an item scheduled.
 */
export type RoleRefusedAction =
  | 'delete_content'
  | 'restore_content'
  | 'edit_content'
  | 'move_content'
  | 'set_content_status'
  | 'move_scheduled_item'
  | 'schedule_item';

/** What was asked of a published item, which no longer changes: edit it, move its date, queue it again. */
export type PublishedItemAction = 'edit' | 'move' | 'queue';

export type ProblemReason = ProblemFacts['reason'];

/** The facts of one reason. */
export type FactsOf<R extends ProblemReason> = Extract<ProblemFacts, { reason: R }>;

/** Every reason, for the tests that hold each to having words in every language. */
export const PROBLEM_REASONS = [
  'content_move',
  'content_set_by_publishing',
  'campaign_move',
  'published_item_locked',
  'past_publication_not_approved',
  'media_type_refused',
  'multipart_required',
  'media_file_too_large',
  'image_over_pixel_limit',
  'media_attached',
  'media_just_attached',
  'email_taken',
  'already_member',
  'already_invited',
  'passkey_registered',
  'two_factor_not_started',
  'two_factor_setup_unreadable',
  'two_factor_off',
  'two_factor_on',
  'job_not_retryable',
  'job_finished',
  'no_model_configured',
  'ai_provider_failed',
  'ai_answer_unusable',
  'network_failed',
  'role_cannot',
  'comment_author_only',
  'api_key_not_a_person',
  'owner_only',
] as const satisfies readonly ProblemReason[];

/** A list that misses a reason fails `npm run typecheck` here, naming it. */
type ReasonsNotListed = Exclude<ProblemReason, (typeof PROBLEM_REASONS)[number]>;
export const EVERY_REASON_IS_LISTED: [ReasonsNotListed] extends [never] ? true : ReasonsNotListed = true;

/** Whether `facts` (a problem's or a field error's, as received) names one of the reasons above. */
export function isProblemFacts(facts: unknown): facts is ProblemFacts {
  if (typeof facts !== 'object' || facts === null) return false;
  const { reason } = facts as { reason?: unknown };
  return typeof reason === 'string' && (PROBLEM_REASONS as readonly string[]).includes(reason);
}
