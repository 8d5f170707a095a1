import { failureReason } from '#shared/failure-reasons.js';
import { OutboundRefusedError } from '../../guarded-fetch.js';
import { httpFailure, transportFailure } from '../http-failure.js';
import type { NetworkFailure, NetworkResult } from '../provider.js';

// Calls to a Discord webhook (discord.com/developers/docs/resources/webhook): the webhook's id and token
// in the path are its only credential. Errors arrive as `{"message", "code"}` (validation adds an `errors`
// tree); a rate limit answers 429 with `retry_after` in seconds (a fraction) and X-RateLimit-Reset-After.

export const DISCORD = 'Discord';
export const DISCORD_API = 'https://discord.com/api/v10';

/** What the calls share: the guarded fetch, a timeout, a clock, and the API's address (tests: the fake's). */
export interface DiscordHttp {
  fetch: typeof fetch;
  timeoutMs: number;
  now: () => Date;
  baseUrl?: string;
}

/**
 * How long the bucket an answer belongs to is exhausted for, in ms: Discord asks clients to wait out
 * `X-RateLimit-Reset-After` once `X-RateLimit-Remaining` reaches 0, rather than run into the 429. Null
 * while requests remain.
 */
export function exhaustedFor(headers: Headers): number | null {
  if (headers.get('x-ratelimit-remaining')?.trim() !== '0') return null;
  const resetAfter = Number(headers.get('x-ratelimit-reset-after'));
  return Number.isFinite(resetAfter) && resetAfter > 0 ? Math.ceil(resetAfter * 1000) : null;
}

/** Unknown Webhook: the webhook was deleted (or its channel): as good as a revoked token. */
const UNKNOWN_WEBHOOK = 10015;

/**
 * @example
 * const read = await discordCall<Webhook>(http, { method: 'GET', path: `webhooks/${id}/${token}`, secret });
 * if (read.ok) console.log(read.value.body.name);
 */
export async function discordCall<T>(
  http: DiscordHttp,
  call: { method: 'GET' | 'POST'; path: string; body?: object | FormData; secret: string },
): Promise<NetworkResult<{ body: T; headers: Headers }>> {
  const url = `${(http.baseUrl ?? DISCORD_API).replace(/\/+$/, '')}/${call.path}`;
  const init: RequestInit = { method: call.method, signal: AbortSignal.timeout(http.timeoutMs) };
  if (call.body instanceof FormData) init.body = call.body;
  else if (call.body) {
    init.body = JSON.stringify(call.body);
    init.headers = { 'content-type': 'application/json' };
  }
  let response: Response;
  try {
    response = await http.fetch(url, init);
  } catch (error) {
    const failure = transportFailure(DISCORD, error, error instanceof OutboundRefusedError);
    return { ok: false, failure: hiding(failure, call.secret) };
  }
  const text = await response.text().catch(() => '');
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  if (response.ok && json !== null)
    return { ok: true, value: { body: json as T, headers: response.headers } };
  if (response.ok) {
    return {
      ok: false,
      failure: {
        kind: 'retryable',
        message: `${DISCORD} answered HTTP ${response.status} with something that is not JSON`,
        statusCode: response.status,
        retryAt: null,
      },
    };
  }
  return { ok: false, failure: hiding(discordFailure(response, json, http.now()), call.secret) };
}

function discordFailure(response: Response, json: unknown, now: Date): NetworkFailure {
  const body = (json ?? {}) as { message?: unknown; code?: unknown; retry_after?: unknown; errors?: unknown };
  const headers = new Headers(response.headers);
  if (response.status === 429) {
    // The body's `retry_after` and the bucket's reset are fractions of a second; the later one, rounded up.
    const waits = [body.retry_after, Number(headers.get('x-ratelimit-reset-after'))].filter(
      (wait): wait is number => typeof wait === 'number' && Number.isFinite(wait) && wait >= 0,
    );
    if (waits.length > 0) headers.set('retry-after', String(Math.ceil(Math.max(...waits))));
  }
  const reason = reasonOf(body);
  if (response.status === 404 && body.code === UNKNOWN_WEBHOOK) {
    return {
      kind: 'auth_expired',
      message: failureReason('webhookUnknown', {
        network: DISCORD,
        status: 404,
        reason: reason ?? 'Unknown Webhook',
      }),
      statusCode: 404,
      retryAt: null,
    };
  }
  return httpFailure(DISCORD, response.status, headers, reason, now);
}

/** `Invalid Form Body: content: Must be 2000 or fewer in length.` */
function reasonOf(body: { message?: unknown; errors?: unknown }): string | null {
  const message = typeof body.message === 'string' ? body.message : null;
  const details: string[] = [];
  const walk = (node: unknown, path: string[]) => {
    if (!node || typeof node !== 'object' || details.length >= 5) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '_errors' && Array.isArray(value)) {
        for (const error of value as Array<{ message?: unknown }>) {
          if (typeof error.message === 'string')
            details.push(`${path.join('.') || 'body'}: ${error.message}`);
        }
      } else walk(value, [...path, key]);
    }
  };
  walk(body.errors, []);
  const reason = [message, ...details].filter(Boolean).join(': ');
  return reason ? reason.slice(0, 500) : null;
}

/** A webhook URL is a secret: no message may quote it. */
function hiding(failure: NetworkFailure, secret: string): NetworkFailure {
  return secret ? { ...failure, message: failure.message.split(secret).join('<webhook token>') } : failure;
}
