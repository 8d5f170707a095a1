/**
 * Stable, documented error codes. The server maps each to an HTTP status; the web app maps each to a
 * friendly sentence. Codes are part of the public API: add, never rename.
 */
export const ERROR_CODES = [
  /** The request body, query or params failed validation; `errors[]` lists each field. */
  'validation_failed',
  /** The body is not valid JSON or has the wrong content type. */
  'malformed_body',
  /** The body is larger than the configured limit (1 MiB by default). */
  'body_too_large',
  /** No valid credentials: missing, expired, tampered or revoked token. */
  'unauthenticated',
  /** Email and password do not match an account (same answer for an unknown email). */
  'invalid_credentials',
  /** The refresh token is missing, expired, or was already used (its whole family is then revoked). */
  'invalid_refresh_token',
  /** A cookie-authenticated request lacked a matching `x-csrf-token` header. */
  'csrf_failed',
  /** Authenticated, but the role in this workspace does not allow the action. */
  'forbidden',
  /** Nothing here, or it belongs to a workspace you are not a member of. */
  'not_found',
  /** A unique value (such as an email) is already taken. */
  'conflict',
  /** The password does not meet the policy (length, common passwords). */
  'weak_password',
  /** A workspace must keep at least one owner. */
  'last_owner',
  /** Too many requests; `Retry-After` says when to try again. */
  'rate_limited',
  /** The workspace has spent its monthly AI budget; an owner or admin can raise it in settings. */
  'budget_exceeded',
  /** The AI provider failed (error, timeout or an answer that stayed invalid after one repair). */
  'ai_provider_error',
  /** The AI provider failed repeatedly and is paused for a moment (circuit breaker open). */
  'ai_unavailable',
  /** Someone changed the item since you read it (its `version` moved on); reload, then apply your change. */
  'version_conflict',
  /** A status change the workflow does not allow from the current status; `detail` names the allowed moves. */
  'invalid_transition',
  /** The text breaks a channel's rules (length, hashtags, links); `errors[]` names each limit and the count. */
  'over_channel_limit',
  /** A bulk change was refused as a whole; `errors[]` lists each item (`body.ids.N`) that could not change. */
  'bulk_failed',
  /**
   * The server will not call that URL: it resolves to a loopback, private, link-local or reserved address
   * (or is not http/https). `errors[]` names the field; an operator can allow hosts with OUTBOUND_ALLOWED_HOSTS.
   */
  'url_not_allowed',
  /** The uploaded file's bytes are not a type the media library accepts; `detail` lists the accepted ones. */
  'unsupported_media_type',
  /** An upload is over the size limit for its kind, or an image decodes to more pixels than allowed. */
  'media_too_large',
  /** The upload would take the workspace's media library past its storage quota. */
  'quota_exceeded',
  /** A `Range` header asked for bytes past the end of the file. */
  'range_not_satisfiable',
  /** A signed media link whose time is up; ask for a new one. */
  'link_expired',
  /** The feature sends email and this server has no SMTP configured (SMTP_URL); an administrator can set it. */
  'mail_unavailable',
  /** Sign-up is closed on this server (`SIGN_UP=closed`): accounts come from invitations or an administrator. */
  'sign_up_closed',
  /**
   * The attached media breaks the network's rules (too many images, media required, alt text missing
   * before scheduling); `errors[]` names each rule, `body.media.N.alt_text` for an image without alt text.
   */
  'media_check_failed',
  /** The media item is attached to content; `detail` says where. Remove it from those items first. */
  'media_in_use',
  /** No image model is configured (`AI_IMAGE_MODEL` with an OpenAI-compatible endpoint); make a text card instead. */
  'image_generator_missing',
  /** The image endpoint refused the prompt (its content policy); `detail` quotes its reason. */
  'image_refused',
  /** The network refused the credentials or the request; `detail` quotes its reason (a bad token, …). */
  'network_refused',
  /** The network did not answer, or answered with an error of its own; try again later. */
  'network_unavailable',
  /**
   * The network is connected through OAuth and neither the instance (`MCC_OAUTH_<NETWORK>_CLIENT_ID`) nor the
   * workspace (Settings → Channels) has an app on it yet.
   */
  'oauth_app_missing',
  /**
   * The workspace requires two-factor sign-in and the account has not turned it on (Profile → Two-factor sign-in);
   * also when an owner who has not turned it on tries to require it.
   */
  'two_factor_required',
  /** The two-factor code (or recovery code) is wrong, expired, or was already used. */
  'invalid_two_factor_code',
  /** The sign-in step between password and code timed out (5 minutes); sign in again. */
  'two_factor_challenge_expired',
  /**
   * The passkey's answer did not verify: another origin or relying party, a challenge that is unknown,
   * expired, already used or another account's, a bad signature, an unknown passkey, or a signature
   * counter that did not grow (a cloned authenticator). Start again with new options.
   */
  'passkey_rejected',
  /**
   * The `Idempotency-Key` was already used in the last 24 hours with another request (another body, path or
   * query); send a new key for a new request.
   */
  'idempotency_key_reused',
  /** A request with this `Idempotency-Key` is still running; `Retry-After` says when to ask again. */
  'idempotency_key_in_progress',
  /**
   * The first request with this `Idempotency-Key` made its change but its answer was not kept (the server
   * stopped before it could be); look the result up rather than sending a new key.
   */
  'idempotency_answer_lost',
  /**
   * "Add to queue" found no free posting slot on the item's channel in the next 90 days; add slots
   * (Settings → Queue) or pick a time by hand.
   */
  'queue_full',
  /** The database or another dependency is not reachable. */
  'service_unavailable',
  /** An unexpected error; the response carries the request id to quote when reporting it. */
  'internal_error',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
