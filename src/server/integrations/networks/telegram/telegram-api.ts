import { OutboundRefusedError } from '../../guarded-fetch.js';
import { httpFailure, transportFailure } from '../http-failure.js';
import type { NetworkResult } from '../provider.js';

// One call to the Telegram Bot API (core.telegram.org/bots/api): `POST {base}/bot<token>/<method>` with a
// JSON or multipart body. Every answer is `{ok, result}` or `{ok: false, error_code, description,
// parameters}`; a flood limit says its wait in `parameters.retry_after` (seconds), not in a header.

export const TELEGRAM = 'Telegram';
export const TELEGRAM_API = 'https://api.telegram.org';

/** What the calls share: the guarded fetch, a timeout, a clock, and the API's address (tests: the fake's). */
export interface TelegramHttp {
  fetch: typeof fetch;
  timeoutMs: number;
  now: () => Date;
  baseUrl?: string;
}

interface TelegramAnswer<T> {
  ok: boolean;
  result?: T;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

/**
 * @example
 * const me = await telegramCall<User>(http, token, 'getMe');
 */
export async function telegramCall<T>(
  http: TelegramHttp,
  token: string,
  method: string,
  body?: object | FormData,
): Promise<NetworkResult<T>> {
  const url = `${(http.baseUrl ?? TELEGRAM_API).replace(/\/+$/, '')}/bot${token}/${method}`;
  const init: RequestInit = { method: 'POST', signal: AbortSignal.timeout(http.timeoutMs) };
  if (body instanceof FormData) init.body = body;
  else if (body) {
    init.body = JSON.stringify(body);
    init.headers = { 'content-type': 'application/json' };
  }
  let response: Response;
  try {
    response = await http.fetch(url, init);
  } catch (error) {
    // The URL holds the token: a transport error's text may quote it, so it is cut out before anyone sees it.
    return {
      ok: false,
      failure: withoutToken(transportFailure(TELEGRAM, error, error instanceof OutboundRefusedError), token),
    };
  }
  const text = await response.text().catch(() => '');
  let answer: TelegramAnswer<T> | null = null;
  try {
    answer = JSON.parse(text) as TelegramAnswer<T>;
  } catch {
    answer = null;
  }
  if (response.ok && answer?.ok === true && answer.result !== undefined) {
    return { ok: true, value: answer.result };
  }
  const status = answer?.error_code ?? (response.ok ? 502 : response.status);
  const headers = new Headers(response.headers);
  const retryAfter = answer?.parameters?.retry_after;
  if (typeof retryAfter === 'number' && retryAfter >= 0)
    headers.set('retry-after', String(Math.ceil(retryAfter)));
  const reason = typeof answer?.description === 'string' ? answer.description.slice(0, 500) : null;
  return {
    ok: false,
    failure: withoutToken(httpFailure(TELEGRAM, status, headers, reason, http.now()), token),
  };
}

function withoutToken<F extends { message: string }>(failure: F, token: string): F {
  return { ...failure, message: failure.message.split(token).join('<bot token>') };
}
