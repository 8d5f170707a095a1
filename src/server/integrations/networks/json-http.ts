import { OutboundRefusedError } from '../guarded-fetch.js';
import { httpFailure, transportFailure } from './http-failure.js';
import type { NetworkFailure, NetworkResult } from './provider.js';

// One call to a network's JSON REST API with its answer parsed or mapped onto a failure, for the networks
// reached with plain `fetch` (LinkedIn, Pinterest, Google Business Profile) and every OAuth token endpoint
// (oauth-token.ts). Each network names itself and says where its error bodies keep their reason; the status
// decides the failure kind (http-failure.ts). Graph's and X's calls have their own (error codes and
// rate-limit headers of their own), but every provider's HTTP needs are this file's `NetworkHttp`.

/** What the calls share: the guarded fetch (every request passes the outbound guard), a timeout, a clock. */
export interface NetworkHttp {
  fetch: typeof fetch;
  timeoutMs: number;
  now: () => Date;
}

/** How one network's API speaks. */
export interface JsonApi {
  /** As people know it, in messages ("LinkedIn"). */
  name: string;
  /** The network's own words in an error body; null when it has none. */
  reason: (body: unknown) => string | null;
  /** A failure the network means differently from its status (an OAuth `invalid_grant`: reconnect). */
  classify?: (status: number, body: unknown, headers: Headers, now: Date) => NetworkFailure | null;
}

/** One request: a JSON body, a form, or raw bytes (an upload). */
export interface JsonRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string | URL;
  /** Sent as `Authorization: Bearer …`. */
  token?: string | null;
  headers?: Record<string, string>;
  json?: unknown;
  form?: URLSearchParams;
  bytes?: { data: Uint8Array; contentType: string };
}

export interface JsonAnswer<T> {
  status: number;
  headers: Headers;
  /** Null for an empty answer (201/204 without a body, an upload's 200). */
  body: T | null;
}

/**
 * @example
 * const answer = await jsonCall<{ sub: string }>(http, LINKEDIN_API, { method: 'GET', url, token });
 */
export async function jsonCall<T>(
  http: NetworkHttp,
  api: JsonApi,
  request: JsonRequest,
): Promise<NetworkResult<JsonAnswer<T>>> {
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  let body: string | Uint8Array | undefined;
  if (request.json !== undefined) {
    body = JSON.stringify(request.json);
    headers['content-type'] = 'application/json';
  } else if (request.form) {
    body = request.form.toString();
    headers['content-type'] = 'application/x-www-form-urlencoded';
  } else if (request.bytes) {
    body = request.bytes.data;
    headers['content-type'] = request.bytes.contentType;
  }
  let response: Response;
  try {
    response = await http.fetch(request.url, {
      method: request.method,
      headers,
      ...(body === undefined ? {} : { body }),
      signal: AbortSignal.timeout(http.timeoutMs),
    });
  } catch (error) {
    return { ok: false, failure: transportFailure(api.name, error, error instanceof OutboundRefusedError) };
  }
  const text = await response.text().catch(() => '');
  let parsed: unknown = null;
  let readable = true;
  if (text.trim() !== '') {
    try {
      parsed = JSON.parse(text);
    } catch {
      readable = false;
    }
  }
  if (!response.ok) {
    const now = http.now();
    const special = api.classify?.(response.status, parsed, response.headers, now);
    if (special) return { ok: false, failure: special };
    return {
      ok: false,
      failure: httpFailure(api.name, response.status, response.headers, bounded(api.reason(parsed)), now),
    };
  }
  if (!readable) {
    return {
      ok: false,
      failure: {
        kind: 'retryable',
        message: `${api.name} answered HTTP ${response.status} with something that is not JSON`,
        statusCode: response.status,
        retryAt: null,
      },
    };
  }
  return {
    ok: true,
    value: { status: response.status, headers: response.headers, body: parsed as T | null },
  };
}

/** A failure for an answer that parsed but lacks what the API reference promises. */
export function unexpectedAnswer(
  network: string,
  what: string,
  status: number | null = null,
): NetworkFailure {
  return {
    kind: 'retryable',
    message: `${network} answered without ${what}`,
    statusCode: status,
    retryAt: null,
  };
}

/** A failure that is the post's own (found before anything was sent): refused, never retried. */
export function refused(message: string): NetworkFailure {
  return { kind: 'rejected', message, statusCode: null, retryAt: null };
}

function bounded(reason: string | null): string | null {
  return reason ? reason.slice(0, 500) : null;
}

/** The field's text when `body` is an object that holds one, else null. */
export function textField(body: unknown, ...path: string[]): string | null {
  let value: unknown = body;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return null;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** A non-negative whole count, or 0 for anything else (a missing or malformed figure). */
export function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

/** A count the network reports, or null where it reports none. */
export function countOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.floor(value)) : null;
}

/** An http(s) address, bounded; null otherwise (never a `javascript:` link into the app). */
export function httpUrl(value: unknown): string | null {
  return typeof value === 'string' && /^https?:\/\//i.test(value) ? value.slice(0, 2048) : null;
}

/** The first http(s) link in a post's text (the link a Pin or a local post's button leads to). */
export function firstLink(text: string): string | null {
  const match = /https?:\/\/[^\s<>"]+/i.exec(text);
  if (!match) return null;
  // Sentence punctuation right after a link belongs to the sentence.
  return match[0].replace(/[.,;:!?)\]'"]+$/, '');
}
