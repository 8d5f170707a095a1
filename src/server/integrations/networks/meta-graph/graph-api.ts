import { failureReason } from '#shared/failure-reasons.js';
import { OutboundRefusedError } from '../../guarded-fetch.js';
import { retryAtOf, transportFailure } from '../http-failure.js';
import type { NetworkHttp } from '../json-http.js';
import type { NetworkFailure } from '../provider.js';

// One call to a Meta Graph API (Facebook's graph.facebook.com, which Instagram's API with Facebook Login
// shares, and Threads' graph.threads.net), with its answer parsed or mapped onto a failure. Graph errors
// are `{"error": {"message", "type", "code", "error_subcode", "is_transient"}}` and their `code` says
// more than the HTTP status: rate limits arrive as 400 or 403, an expired token as 400 with code 190.

/** One request; `form`: URL-encoded fields (or multipart, for a file) of a POST. */
export interface GraphCall {
  method: 'GET' | 'POST';
  /** The API address with its version (`https://graph.facebook.com/v21.0`). */
  apiUrl: string;
  /** Under the version: `me/accounts`, `{page-id}/feed`. */
  path: string;
  /** Sent as a bearer header, never in the URL (where proxies and logs would keep it). */
  token: string | null;
  query?: Record<string, string>;
  form?: Record<string, string> | FormData;
}

/** The error object of a Graph answer. */
export interface GraphError {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  is_transient?: boolean;
  error_user_title?: string;
  error_user_msg?: string;
}

/**
 * How one call went; a failure keeps Graph's error too, for callers that tell its codes apart (a missing
 * permission on one edge that the rest of a reading can do without).
 */
export type GraphResult<T> =
  | { ok: true; value: T }
  | { ok: false; failure: NetworkFailure; graphError: GraphError | null };

/** Application and Page (business use case) throttling: Graph's codes for "too many calls". */
const RATE_LIMIT_CODES = new Set([4, 17, 32, 613, 80001, 80002, 80003, 80004, 80005, 80006, 80008, 80014]);
/** "An unknown error", "Service temporarily unavailable": Graph's own hiccups. */
const TRANSIENT_CODES = new Set([1, 2]);
/**
 * Code 10's subcodes for an answer sent after Meta's 24-hour standard messaging window closed: Messenger's
 * and Instagram's ("This message is sent outside of allowed window").
 */
const OUTSIDE_WINDOW_SUBCODES = new Set([2018278, 2534022]);
/** The furthest a usage header may push a retry (it names minutes; a day is already implausible). */
const MAX_WAIT_MINUTES = 24 * 60;

/** The answer's JSON, or the failure it means. */
export async function graphCall<T>(
  http: NetworkHttp,
  network: string,
  call: GraphCall,
): Promise<GraphResult<T>> {
  const url = new URL(`${call.apiUrl.replace(/\/+$/, '')}/${call.path}`);
  for (const [name, value] of Object.entries(call.query ?? {})) url.searchParams.set(name, value);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  let body: string | FormData | undefined;
  if (call.form instanceof FormData) body = call.form;
  else if (call.form) {
    body = new URLSearchParams(call.form).toString();
    headers['content-type'] = 'application/x-www-form-urlencoded';
  }
  let response: Response;
  try {
    response = await http.fetch(url, {
      method: call.method,
      headers,
      ...(body === undefined ? {} : { body }),
      signal: AbortSignal.timeout(http.timeoutMs),
    });
  } catch (error) {
    return {
      ok: false,
      failure: transportFailure(network, error, error instanceof OutboundRefusedError),
      graphError: null,
    };
  }
  const text = await response.text().catch(() => '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const error = errorOf(parsed);
  if (!response.ok || error) {
    return {
      ok: false,
      failure: graphFailure(network, response.status, response.headers, error, http.now()),
      graphError: error,
    };
  }
  if (parsed === undefined) {
    return {
      ok: false,
      failure: {
        kind: 'retryable',
        message: `${network} answered HTTP ${response.status} with something that is not JSON`,
        statusCode: response.status,
        retryAt: null,
      },
      graphError: null,
    };
  }
  return { ok: true, value: parsed as T };
}

/** A refused token, naming Graph's error code when it gave one, else the HTTP status. */
function tokenRefused(
  network: string,
  status: number,
  code: number | undefined,
  reason: string | null,
): string {
  if (code === undefined) {
    return reason
      ? failureReason('tokenRefusedBecause', { network, status, reason })
      : failureReason('tokenRefused', { network, status });
  }
  return reason
    ? failureReason('tokenRefusedCodeBecause', { network, code, reason })
    : failureReason('tokenRefusedCode', { network, code });
}

/**
 * The failure a Graph error answer means: code 190 (or a 401) is a token that no longer works; the
 * throttling codes and 429 come back when the usage headers say access returns (else Retry-After);
 * 5xx and transient errors come back later; anything else is a refusal, in Graph's words.
 *
 * @example
 * graphFailure('Facebook', 400, headers, { message: 'Error validating access token', code: 190 }, now);
 * // { kind: 'auth_expired', message: 'Facebook refused the token (code 190): Error validating …', … }
 */
export function graphFailure(
  network: string,
  status: number,
  headers: Headers,
  error: GraphError | null,
  now: Date,
): NetworkFailure {
  const reason = reasonOf(error);
  const why = reason ? `: ${reason}` : '';
  const code = error?.code;
  const what = code === undefined ? `HTTP ${status}` : `code ${code}`;
  if (code === 190 || status === 401) {
    return {
      kind: 'auth_expired',
      message: tokenRefused(network, status, code, reason),
      statusCode: status,
      retryAt: null,
    };
  }
  const rateLimited = status === 429 || (code !== undefined && RATE_LIMIT_CODES.has(code));
  if (rateLimited) {
    const retryAt = regainAccessAt(headers, now) ?? retryAtOf(headers, now);
    const when = retryAt ? `; try again after ${retryAt.toISOString()}` : '';
    return {
      kind: 'retryable',
      message: `${network} rate-limited us (${what})${why}${when}`,
      statusCode: status,
      retryAt,
      rateLimited: true,
    };
  }
  if (code === 10 && error?.error_subcode !== undefined && OUTSIDE_WINDOW_SUBCODES.has(error.error_subcode)) {
    return {
      kind: 'rejected',
      message: outsideMessagingWindow(network),
      statusCode: status,
      retryAt: null,
    };
  }
  if (
    status >= 500 ||
    status === 408 ||
    error?.is_transient ||
    (code !== undefined && TRANSIENT_CODES.has(code))
  ) {
    const retryAt = retryAtOf(headers, now, { rateLimited: false });
    return {
      kind: 'retryable',
      message: `${network} could not take it just now (${what})${why}`,
      statusCode: status,
      retryAt,
    };
  }
  return {
    kind: 'rejected',
    message: `${network} refused it (${what})${why}`,
    statusCode: status,
    retryAt: null,
  };
}

/**
 * Meta's refusal of an answer after its 24-hour standard messaging window, as a person reads it; the
 * providers say the same when they see the window closed before sending.
 */
export function outsideMessagingWindow(network: string): string {
  return `${network} only allows answers within 24 hours of the customer's last message: this answer was not sent (answer them another way, or when they write again)`;
}

/**
 * Whether Graph refused the call for a permission the token lacks (`(#10)`, `(#200)`…`(#299)`, or `(#3)`
 * for a capability the app has not been given), as opposed to a bad request, a dead token or a limit.
 * The window's own code 10 subcodes are not permissions.
 */
export function lacksPermission(error: GraphError | null): boolean {
  const code = error?.code;
  if (code === undefined) return false;
  if (code === 10) return !OUTSIDE_WINDOW_SUBCODES.has(error?.error_subcode ?? -1);
  return code === 3 || (code >= 200 && code <= 299);
}

/**
 * When the usage headers say the throttled app or Page may call again: `X-Business-Use-Case-Usage` (per
 * business, a list of usages each with `estimated_time_to_regain_access` in minutes) or `X-App-Usage`;
 * the latest of them wins. Null when none names a time (the app-level header usually only has percentages).
 */
export function regainAccessAt(headers: Headers, now: Date): Date | null {
  let minutes: number | null = null;
  const consider = (value: unknown) => {
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
      minutes = Math.max(minutes ?? 0, Math.min(value, MAX_WAIT_MINUTES));
    }
  };
  for (const name of ['x-business-use-case-usage', 'x-app-usage']) {
    const raw = headers.get(name);
    if (!raw) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      continue;
    }
    if (!parsed || typeof parsed !== 'object') continue;
    consider((parsed as Record<string, unknown>).estimated_time_to_regain_access);
    for (const usages of Object.values(parsed)) {
      if (!Array.isArray(usages)) continue;
      for (const usage of usages) {
        if (usage && typeof usage === 'object')
          consider((usage as Record<string, unknown>).estimated_time_to_regain_access);
      }
    }
  }
  return minutes === null ? null : new Date(now.getTime() + (minutes as number) * 60_000);
}

function errorOf(parsed: unknown): GraphError | null {
  if (!parsed || typeof parsed !== 'object') return null;
  const error = (parsed as { error?: unknown }).error;
  return error && typeof error === 'object' ? (error as GraphError) : null;
}

/** Graph's message, with the one meant for people where it gave one; bounded. */
function reasonOf(error: GraphError | null): string | null {
  if (!error) return null;
  const parts = [error.message, error.error_user_msg].filter(
    (part): part is string => typeof part === 'string' && part.trim().length > 0,
  );
  return parts.length > 0 ? [...new Set(parts)].join(' — ').slice(0, 500) : null;
}
