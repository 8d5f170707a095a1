import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { failureReason } from '#shared/failure-reasons.js';
import type { OutboundGuard } from './outbound-guard.js';
import { fetchTransport, type HopTransport, pinnedTransport } from './signed-delivery-transport.js';

export type { OutboundGuard } from './outbound-guard.js';

/** Redirects followed per delivery; each hop is checked by the guard like the first URL. */
export const MAX_REDIRECTS = 3;
/** How far a signature's timestamp may be from the verifier's clock, by default. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

const USER_AGENT = `mcc-webhooks/${
  (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string })
    .version
}`;

/**
 * The `X-MCC-Signature` value: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. Signing the
 * time with the body lets receivers refuse replays of an old delivery.
 *
 * @example
 * signatureHeader('whsec_…', '{"id":"…"}', 1767225600); // 't=1767225600,v1=5f0c…'
 */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const t = Math.floor(unixSeconds);
  return `t=${t},v1=${hmacHex(secret, `${t}.${body}`)}`;
}

/**
 * Whether `header` signs `body` with `secret`, within `toleranceSeconds` of `nowUnixSeconds`. Compares in
 * constant time; accepts any of several `v1=` values (a sender may sign with two secrets while rotating).
 *
 * @example
 * verifySignatureHeader(secret, rawBody, request.headers['x-mcc-signature'], Date.now() / 1000); // true
 */
export function verifySignatureHeader(
  secret: string,
  body: string,
  header: string,
  nowUnixSeconds: number,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): boolean {
  const parts = header.split(',').map((part) => part.trim().split('='));
  const t = parts.find(([key]) => key === 't')?.[1];
  if (!t || !/^\d{1,12}$/.test(t)) return false;
  if (Math.abs(nowUnixSeconds - Number(t)) > toleranceSeconds) return false;
  const expected = Buffer.from(hmacHex(secret, `${t}.${body}`), 'hex');
  return parts
    .filter(([key, value]) => key === 'v1' && value !== undefined && /^[0-9a-f]{64}$/i.test(value))
    .some(([, value]) => timingSafeEqual(Buffer.from(value ?? '', 'hex'), expected));
}

/** retryable: try again later; rejected: the receiver refused it (4xx); blocked: the guard refused the URL. */
export type DeliveryFailureKind = 'retryable' | 'rejected' | 'blocked';

/** What happened to one delivery attempt, for the deliveries log. */
export interface DeliveryOutcome {
  /** The final answer was 2xx. */
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  /** The safe subset of the final answer's headers (content type, length, retry-after, request id). */
  responseHeaders: Record<string, string> | null;
  /**
   * The first ≤ 1 KiB of the final answer's body, for the caller's own parsing (a connector's `{id, url}`).
   * Never store or show it: a receiver allow-listed inside could be an internal service.
   */
  responseBody: string | null;
  failure?: { kind: DeliveryFailureKind; message: string };
}

export interface SignedDeliveryOptions {
  url: string;
  secret: string;
  /** The exact JSON string that is signed and sent. */
  body: string;
  /** Extra headers, e.g. `X-MCC-Event`, `X-MCC-Delivery`. */
  headers?: Record<string, string>;
  /** For the whole attempt, redirects and reading the answer included. */
  timeoutMs: number;
  now: () => Date;
  guard: OutboundGuard;
  /** Test seam only: it bypasses the address pinning (the guard still checks each hop's URL). */
  fetch?: typeof fetch;
}

/**
 * POST a signed JSON body, following up to MAX_REDIRECTS redirects with the same signed POST (a webhook
 * receiver that moved still gets the event; a GET would report success without delivering). Every hop's
 * URL is resolved and checked by the guard, and the connection goes to the checked address. Never throws:
 * every way it can end is a `DeliveryOutcome`.
 *
 * @example
 * const outcome = await deliverSigned({ url, secret, body: JSON.stringify(event), timeoutMs: 10_000, now, guard });
 * if (outcome.failure?.kind === 'retryable') throw new Error(outcome.failure.message); // let the job retry
 */
export async function deliverSigned(options: SignedDeliveryOptions): Promise<DeliveryOutcome> {
  const startedAt = performance.now();
  const transport: HopTransport = options.fetch ? fetchTransport(options.fetch) : pinnedTransport;
  const headers = {
    ...options.headers,
    'content-type': 'application/json',
    'user-agent': USER_AGENT,
    'x-mcc-signature': signatureHeader(options.secret, options.body, options.now().getTime() / 1000),
  };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  const end = (outcome: Omit<DeliveryOutcome, 'durationMs'>): DeliveryOutcome => ({
    ...outcome,
    durationMs: Math.round(performance.now() - startedAt),
  });
  const failed = (kind: DeliveryFailureKind, message: string, statusCode: number | null = null) =>
    end({ ok: false, statusCode, responseHeaders: null, responseBody: null, failure: { kind, message } });

  try {
    let url = options.url;
    for (let hop = 0; ; hop += 1) {
      const verdict = await options.guard.check(url);
      if (!verdict.ok) {
        const where = hop === 0 ? '' : ` (redirected to ${url})`;
        return failed(verdict.reason === 'blocked' ? 'blocked' : 'retryable', `${verdict.problem}${where}`);
      }
      if (controller.signal.aborted) return failed('retryable', timeoutMessage(options.timeoutMs));
      const response = await transport(verdict.target, { headers, body: options.body }, controller.signal);
      const { status } = response;
      if (status >= 300 && status < 400 && response.location) {
        if (hop >= MAX_REDIRECTS) {
          return failed('rejected', failureReason('tooManyRedirects', { max: MAX_REDIRECTS }), status);
        }
        url = new URL(response.location, verdict.target.url).toString();
        continue;
      }
      const answer = { responseHeaders: response.headers, responseBody: response.body || null };
      if (status >= 200 && status < 300) return end({ ok: true, statusCode: status, ...answer });
      const kind = status === 408 || status === 429 || status >= 500 ? 'retryable' : 'rejected';
      return end({
        ok: false,
        statusCode: status,
        ...answer,
        failure: { kind, message: failureReason('receiverAnswered', { status }) },
      });
    }
  } catch (error) {
    if (controller.signal.aborted) return failed('retryable', timeoutMessage(options.timeoutMs));
    return failed('retryable', networkMessage(error));
  } finally {
    clearTimeout(timer);
  }
}

function hmacHex(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload, 'utf8').digest('hex');
}

function timeoutMessage(timeoutMs: number): string {
  return failureReason('receiverSilent', { ms: timeoutMs });
}

/** `connect ECONNREFUSED 127.0.0.1:9` rather than fetch's bare "fetch failed". */
function networkMessage(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const message = cause instanceof Error ? cause.message : String(cause);
  return failureReason('receiverUnreachable', { error: message }).slice(0, 500);
}
