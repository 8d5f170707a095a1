import type { ErrorCode } from '#shared/error-codes.js';
import type { FieldError } from '#shared/problem.schema.js';
import type { ProblemFacts } from '#shared/problem-facts.js';

/** The one map from an error code to its HTTP status and a human title. */
export const ERROR_STATUS: Record<ErrorCode, { status: number; title: string }> = {
  validation_failed: { status: 400, title: 'The request is not valid' },
  malformed_body: { status: 400, title: 'The request body could not be read' },
  body_too_large: { status: 413, title: 'The request body is too large' },
  unauthenticated: { status: 401, title: 'Sign in to continue' },
  invalid_credentials: { status: 401, title: 'Email or password is incorrect' },
  invalid_refresh_token: { status: 401, title: 'Your session has ended; sign in again' },
  csrf_failed: { status: 403, title: 'The request is missing its CSRF token' },
  forbidden: { status: 403, title: 'Your role does not allow this' },
  not_found: { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'That already exists' },
  weak_password: { status: 400, title: 'Choose a stronger password' },
  last_owner: { status: 409, title: 'A workspace needs at least one owner' },
  rate_limited: { status: 429, title: 'Too many requests' },
  budget_exceeded: { status: 402, title: 'The monthly AI budget is spent' },
  ai_provider_error: { status: 502, title: 'The AI provider did not give a usable answer' },
  ai_unavailable: { status: 503, title: 'The AI provider is paused after repeated failures' },
  version_conflict: { status: 409, title: 'Someone else changed this in the meantime' },
  invalid_transition: { status: 409, title: 'That status change is not allowed' },
  over_channel_limit: { status: 422, title: 'The text breaks the channel’s limits' },
  bulk_failed: { status: 422, title: 'Nothing changed: some items could not be changed' },
  url_not_allowed: { status: 422, title: 'The server may not call that address' },
  unsupported_media_type: { status: 415, title: 'That type of file is not accepted' },
  media_too_large: { status: 413, title: 'The file is too large' },
  quota_exceeded: { status: 413, title: 'The workspace’s media storage is full' },
  range_not_satisfiable: { status: 416, title: 'The requested range is outside the file' },
  link_expired: { status: 410, title: 'The link has expired' },
  mail_unavailable: { status: 503, title: 'This server cannot send email' },
  sign_up_closed: { status: 403, title: 'Sign-up is closed on this server' },
  media_check_failed: { status: 422, title: 'The media does not meet the network’s rules' },
  media_in_use: { status: 409, title: 'The media is attached to content' },
  image_generator_missing: { status: 409, title: 'No image generator is configured' },
  image_refused: { status: 422, title: 'The image service refused the prompt' },
  network_refused: { status: 422, title: 'The network refused the request' },
  network_unavailable: { status: 502, title: 'The network did not answer' },
  oauth_app_missing: { status: 409, title: 'No OAuth app is set up for this network' },
  two_factor_required: { status: 403, title: 'This workspace requires two-factor sign-in' },
  invalid_two_factor_code: { status: 401, title: 'The code is not correct' },
  two_factor_challenge_expired: { status: 401, title: 'The sign-in took too long; sign in again' },
  passkey_rejected: { status: 400, title: 'The passkey could not be verified' },
  idempotency_key_reused: { status: 409, title: 'This idempotency key was used for another request' },
  idempotency_key_in_progress: { status: 409, title: 'A request with this idempotency key is in progress' },
  idempotency_answer_lost: { status: 409, title: 'The first answer for this idempotency key was lost' },
  queue_full: { status: 409, title: 'The channel’s queue has no free slot' },
  service_unavailable: { status: 503, title: 'The service is temporarily unavailable' },
  internal_error: { status: 500, title: 'Something went wrong on our side' },
};

/**
 * The error services throw. It carries a stable code (never an HTTP class); the error handler turns it
 * into an RFC 9457 problem.
 *
 * @example
 * throw new AppError('not_found', 'No such workspace');
 */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly options: {
      errors?: FieldError[];
      /** What `detail` says as data, for clients that word it in another language. */
      facts?: ProblemFacts;
      retryAfterSeconds?: number;
      /**
       * The technical account (schema paths, a provider's status) for the AI ledger and the logs; never
       * sent to a client, whose `detail` is the sentence above.
       */
      diagnostics?: string;
      /** For `ai_provider_error` from the provider itself: how it failed (`rejected` is a 4xx refusal). */
      providerFailure?: string;
    } = {},
  ) {
    super(detail ?? ERROR_STATUS[code].title);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code].status;
  }
}

/** Whether `error` is an `AppError` with the given code. */
export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
