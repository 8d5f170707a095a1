import { OutboundRefusedError } from '../../guarded-fetch.js';
import { httpFailure, transportFailure } from '../http-failure.js';
import type { NetworkHttp } from '../json-http.js';
import type { NetworkResult } from '../provider.js';

// One authenticated call to the X API v2 (docs.x.com/x-api), its answer parsed or mapped onto a failure.
// X answers errors as problem JSON (`title`, `detail`, sometimes `errors[].message`); the detail is what
// people see. Its rate limits reset at `x-rate-limit-reset`, in epoch seconds.

export const X = 'X';

export interface XCall {
  method: 'GET' | 'POST';
  /** The API's address (https://api.x.com, or a test fake's). */
  baseUrl: string;
  /** From the root, with its query: `/2/users/me?user.fields=…`. */
  path: string;
  token: string;
  body?: object | FormData;
}

/** X's body: `data`, and `errors` for parts of a request it could not do (a deleted post, …). */
export interface XAnswer<T> {
  data?: T;
  includes?: { users?: XUser[] };
  meta?: { newest_id?: string; oldest_id?: string; result_count?: number; next_token?: string };
  errors?: Array<{ message?: string; detail?: string; title?: string }>;
}

export interface XUser {
  id: string;
  name: string;
  username: string;
  profile_image_url?: string;
}

/**
 * @example
 * const me = await xCall<XUser>(http, { method: 'GET', baseUrl, path: '/2/users/me', token });
 */
export async function xCall<T>(http: NetworkHttp, call: XCall): Promise<NetworkResult<XAnswer<T>>> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    authorization: `Bearer ${call.token}`,
  };
  let body: string | FormData | undefined;
  if (call.body instanceof FormData) body = call.body;
  else if (call.body) {
    body = JSON.stringify(call.body);
    headers['content-type'] = 'application/json';
  }
  let response: Response;
  try {
    response = await http.fetch(new URL(call.path, call.baseUrl), {
      method: call.method,
      headers,
      ...(body === undefined ? {} : { body }),
      signal: AbortSignal.timeout(http.timeoutMs),
    });
  } catch (error) {
    return { ok: false, failure: transportFailure(X, error, error instanceof OutboundRefusedError) };
  }
  const text = await response.text().catch(() => '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!response.ok) {
    return { ok: false, failure: xFailure(response.status, response.headers, parsed, http.now()) };
  }
  if (parsed === undefined || parsed === null || typeof parsed !== 'object') {
    return {
      ok: false,
      failure: {
        kind: 'retryable',
        message: `${X} answered HTTP ${response.status} with something that is not JSON`,
        statusCode: response.status,
        retryAt: null,
      },
    };
  }
  return { ok: true, value: parsed as XAnswer<T> };
}

/**
 * The failure an X error answer means: 401 a token gone, 429 (until `x-rate-limit-reset`) and 5xx later,
 * other 4xx a refusal in X's words.
 *
 * @example
 * xFailure(403, headers, { detail: 'You are not allowed to create a Tweet with duplicate content.' }, now);
 */
export function xFailure(status: number, headers: Headers, body: unknown, now: Date) {
  // http-failure reads the common spellings of a reset header; X's has a dash more.
  const reset = headers.get('x-rate-limit-reset');
  const known = new Headers(headers);
  if (reset && !known.has('x-ratelimit-reset')) known.set('x-ratelimit-reset', reset);
  return httpFailure(X, status, known, reasonOf(body), now);
}

/** The problem's `detail` and the first of its `errors`, bounded; null when the body says nothing. */
export function reasonOf(body: unknown): string | null {
  if (!body || typeof body !== 'object') return null;
  const problem = body as XAnswer<unknown> & { detail?: unknown; title?: unknown };
  const first = problem.errors?.[0];
  const parts = [
    typeof problem.detail === 'string'
      ? problem.detail
      : typeof problem.title === 'string'
        ? problem.title
        : null,
    first?.message ?? first?.detail ?? null,
  ].filter((part): part is string => typeof part === 'string' && part.length > 0);
  return parts.length > 0 ? [...new Set(parts)].join(': ').slice(0, 500) : null;
}
