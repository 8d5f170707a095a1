import type { ErrorCode } from '#shared/error-codes.js';
import { ApiError, NetworkError } from './api-error.js';

/** One plain sentence per stable error code; the API's own `detail` wins when it has one. */
const MESSAGES: Record<ErrorCode, string> = {
  validation_failed: 'Some fields need another look.',
  malformed_body: 'The app sent a request the server could not read. Reload the page and try again.',
  body_too_large: 'That is more than the server accepts in one go. Try something smaller.',
  unauthenticated: 'Your session has ended. Sign in again to continue.',
  invalid_credentials: 'That email and password do not match an account.',
  invalid_refresh_token: 'Your session has ended. Sign in again to continue.',
  csrf_failed: 'Your session could not be verified. Reload the page and try again.',
  forbidden: 'Your role in this workspace does not allow that.',
  not_found: 'We could not find that. It may have been deleted, or you are not a member.',
  conflict: 'That is already taken.',
  weak_password: 'Choose a stronger password: longer, and not a common one.',
  last_owner: 'A workspace needs at least one owner. Make someone else an owner first.',
  rate_limited: 'Too many attempts. Try again in a moment.',
  budget_exceeded:
    'This workspace has spent its monthly AI budget. An owner or admin can raise it under Settings → AI.',
  ai_provider_error:
    'The AI provider did not give a usable answer. Try again, or switch to the offline writer.',
  ai_unavailable: 'The AI provider is paused after repeated failures. Try again in a minute.',
  version_conflict:
    'Someone else changed this while you were editing. Reload it, then make your change again.',
  invalid_transition: 'That status change is not allowed from where the item is now.',
  over_channel_limit: 'The text is over this network’s limit. Shorten it and save again.',
  url_not_allowed:
    'That address points inside a private network, so the server will not call it. Use a public URL.',
  bulk_failed: 'Nothing was changed: some of the selected items could not be. See which ones below.',
  unsupported_media_type:
    'That type of file is not accepted. Upload JPEG, PNG, WebP, GIF or HEIC images, or MP4 or MOV video.',
  media_too_large: 'That file is too large. Upload a smaller one.',
  quota_exceeded: 'This workspace’s media storage is full. Delete files you no longer need, then try again.',
  range_not_satisfiable: 'The file could not be read from that position. Reload and try again.',
  mail_unavailable: 'This server cannot send email yet. Ask your administrator to set up SMTP.',
  sign_up_closed:
    'This server does not take sign-ups. Ask someone in your team for an invitation, or your administrator for an account.',
  link_expired: 'That link has expired. Ask for a new one.',
  media_check_failed:
    'The attached media does not fit this network yet: check the count, and describe each image (alt text).',
  media_in_use: 'That file is attached to posts. Remove it from them first, then delete it.',
  image_generator_missing: 'This server has no image generator. Make a text card instead.',
  image_refused: 'The image service refused that description. Describe the picture differently.',
  network_refused: 'The network refused it. Check the address and the token, then try again.',
  network_unavailable: 'The network did not answer. Try again in a few minutes.',
  oauth_app_missing: 'Set up the network’s app first (its client ID and secret), then connect.',
  two_factor_required:
    'This workspace requires two-factor sign-in. Turn it on under Profile → Two-factor sign-in, then come back.',
  invalid_two_factor_code: 'That code is not correct, or it was already used. Enter the newest code.',
  two_factor_challenge_expired: 'Signing in took too long. Enter your email and password again.',
  passkey_rejected: 'That passkey could not be verified. Try again, or use a code instead.',
  idempotency_key_reused:
    'That request was already sent with different details. Reload the page and try again.',
  idempotency_key_in_progress:
    'That is still being saved. Wait a moment, then check whether it went through.',
  idempotency_answer_lost:
    'That may already have been saved, but the server lost its answer. Reload the page to check before trying again.',
  queue_full:
    'No free slot in this channel’s queue for the next 90 days. Add slots in Settings → Queue, or pick a time.',
  service_unavailable: 'The server is temporarily unavailable. Try again in a moment.',
  internal_error: 'Something went wrong on our side.',
};

/** A sentence to show a person for any error a request can end with. */
export function describeError(error: unknown): string {
  if (error instanceof NetworkError) return "Can't reach the server. Check your connection and try again.";
  if (!(error instanceof ApiError)) return 'Something went wrong in the app. Reload the page and try again.';
  if (error.code === 'rate_limited' && error.retryAfterSeconds !== undefined) {
    return `Too many attempts, try again in ${error.retryAfterSeconds} s.`;
  }
  // The server sends a 5xx `detail` only when it was written for people (an AI failure); else it hides it.
  if (error.status >= 500 && !error.detail) {
    const quote = error.requestId ? ` If it keeps happening, quote request id ${error.requestId}.` : '';
    return `${MESSAGES[error.code] ?? MESSAGES.internal_error}${quote}`;
  }
  return error.detail ?? MESSAGES[error.code] ?? error.title;
}
