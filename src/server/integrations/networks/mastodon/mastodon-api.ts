import { OutboundRefusedError } from '../../guarded-fetch.js';
import { httpFailure, transportFailure } from '../http-failure.js';
import type { NetworkHttp } from '../json-http.js';
import type { NetworkResult } from '../provider.js';

// One authenticated call to a Mastodon instance's REST API (docs.joinmastodon.org/methods/), with its
// answer parsed or mapped onto a failure. Errors arrive as `{"error": "…"}`; that text is what people see.

export const MASTODON = 'Mastodon';

/** One request; `body`: JSON (an object) or multipart (FormData). */
export interface MastodonCall {
  method: 'GET' | 'POST';
  baseUrl: string;
  path: string;
  token: string | null;
  body?: object | FormData;
  headers?: Record<string, string>;
}

/** The answer's JSON and status, or the failure it means. */
export async function mastodonCall<T>(
  http: NetworkHttp,
  call: MastodonCall,
): Promise<NetworkResult<{ status: number; body: T; headers: Headers }>> {
  const headers: Record<string, string> = { accept: 'application/json', ...call.headers };
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  let body: string | FormData | undefined;
  if (call.body instanceof FormData) body = call.body;
  else if (call.body) {
    body = JSON.stringify(call.body);
    headers['content-type'] = 'application/json';
  }
  let response: Response;
  try {
    response = await http.fetch(new URL(call.path, withSlash(call.baseUrl)), {
      method: call.method,
      headers,
      ...(body === undefined ? {} : { body }),
      signal: AbortSignal.timeout(http.timeoutMs),
    });
  } catch (error) {
    return { ok: false, failure: transportFailure(MASTODON, error, error instanceof OutboundRefusedError) };
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) {
    return {
      ok: false,
      failure: httpFailure(MASTODON, response.status, response.headers, errorText(text), http.now()),
    };
  }
  try {
    return {
      ok: true,
      value: { status: response.status, body: JSON.parse(text) as T, headers: response.headers },
    };
  } catch {
    return {
      ok: false,
      failure: {
        kind: 'retryable',
        message: `${MASTODON} answered HTTP ${response.status} with something that is not JSON`,
        statusCode: response.status,
        retryAt: null,
      },
    };
  }
}

/** `https://host/path` → `https://host/path/`, so relative API paths keep a sub-path install. */
function withSlash(baseUrl: string): string {
  return baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
}

/** Mastodon's `error` (and `error_description` for OAuth errors), bounded; null when the body has none. */
function errorText(text: string): string | null {
  try {
    const parsed = JSON.parse(text) as { error?: unknown; error_description?: unknown };
    const parts = [parsed.error, parsed.error_description].filter(
      (part): part is string => typeof part === 'string' && part.length > 0,
    );
    return parts.length > 0 ? parts.join(': ').slice(0, 500) : null;
  } catch {
    return null;
  }
}
