import type { z } from 'zod';
import { NetworkError } from './api-error.js';
import { refreshSession } from './auth/refresh-session.js';
import { getAccessToken } from './auth/session-store.js';
import { reportReachable, reportUnreachable } from './connectivity.js';
import { toApiError } from './problem.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface RequestOptions<S extends z.ZodType | undefined> {
  method?: Method;
  body?: unknown;
  /** Validates the answer against the shared contract; omit for 204 answers. */
  schema?: S;
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
}

type Result<S> = S extends z.ZodType ? z.output<S> : undefined;

/**
 * Calls the API with the in-memory access token and returns the validated answer. Failures are typed:
 * `ApiError` for problem+json answers, `NetworkError` when the server cannot be reached. A 401 is retried
 * once after refreshing the session, so an expired token never surfaces as an error.
 *
 * @example
 * const { items } = await apiRequest(API.businesses, { schema: businessListSchema });
 */
export async function apiRequest<S extends z.ZodType | undefined = undefined>(
  path: string,
  options: RequestOptions<S> = {},
): Promise<Result<S>> {
  const response = await withSessionRetry(() => send(path, options));
  if (!options.schema || response.status === 204) return undefined as Result<S>;
  return options.schema.parse(await response.json()) as Result<S>;
}

/**
 * A file the API serves to members only (a media item, one of its renditions) as a Blob, with the same
 * token, refresh and errors as `apiRequest`: an <img src> cannot carry the Bearer token.
 */
export async function apiBlob(path: string, options: { signal?: AbortSignal } = {}): Promise<Blob> {
  const response = await withSessionRetry(() => send(path, { ...options, accept: '*/*' }));
  return response.blob();
}

/**
 * Run `attempt`; a 401 for an expired token is retried once after refreshing the session, so it never
 * surfaces as an error. Any other failure is thrown as an `ApiError`.
 */
export async function withSessionRetry(attempt: () => Promise<Response>): Promise<Response> {
  let response = await attempt();
  if (response.status === 401 && getAccessToken() !== undefined) {
    const error = await toApiError(response);
    // Wrong credentials (a bad current password, say) are the person's error, not an expired token.
    if (error.code !== 'unauthenticated') throw error;
    if (!(await refreshSession())) throw error;
    response = await attempt();
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

async function send(
  path: string,
  options: RequestOptions<z.ZodType | undefined> & { accept?: string },
): Promise<Response> {
  const headers: Record<string, string> = { accept: options.accept ?? 'application/json' };
  const token = getAccessToken();
  if (token) headers.authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  try {
    const response = await fetch(withQuery(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
    reportReachable();
    return response;
  } catch (error) {
    if (options.signal?.aborted) throw error;
    reportUnreachable();
    throw new NetworkError(`Could not reach the server for ${path}`, { cause: error });
  }
}

export function withQuery(path: string, query: RequestOptions<undefined>['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
