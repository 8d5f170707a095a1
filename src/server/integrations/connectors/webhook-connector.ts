import { type WebhookSettings, webhookSettingsSchema } from '#shared/connector.schema.js';
import { failureReason } from '#shared/failure-reasons.js';
import type { PublishRequest } from '#shared/webhook-events.schema.js';
import type { OutboundGuard } from '../outbound-guard.js';
import { type DeliveryOutcome, deliverSigned } from '../signed-delivery.js';
import type {
  ConnectorCredentials,
  ConnectorFailureKind,
  PublishableItem,
  PublishingConnector,
  PublishResult,
} from './connector.js';

/** What the webhook connector needs from the app. */
export interface WebhookConnectorDeps {
  guard: OutboundGuard;
  /** For one whole attempt (redirects included). */
  timeoutMs: number;
  now: () => Date;
  /** Test seam; see `deliverSigned`. */
  fetch?: typeof fetch;
}

/** The `X-MCC-Event` of a publication and of a test. */
export const PUBLISH_EVENT = 'content.publish';
export const TEST_EVENT = 'connector.test';

/**
 * Publishes by POSTing the item as JSON, signed with `X-MCC-Signature` (see signed-delivery.ts), so
 * Zapier, n8n, Make or the user's own code can take it anywhere. 5xx, 408, 429, timeouts and network
 * errors are retryable; 401/403 mean the receiver no longer accepts us (auth expired); any other 4xx, or
 * a URL the outbound guard refuses, is a rejection. A 2xx answer of `{"id": …, "url": …}` is recorded as
 * where the item now lives.
 *
 * @example
 * const webhook = createWebhookConnector({ guard, timeoutMs: 10_000, now: () => new Date() });
 * await webhook.publish(item, { connector: { id, settings: { url }, secret }, attempt: 1, idempotencyKey });
 */
export function createWebhookConnector(deps: WebhookConnectorDeps): PublishingConnector<WebhookSettings> {
  const send = (
    connector: ConnectorCredentials<WebhookSettings>,
    event: string,
    payload: object,
    headers: Record<string, string> = {},
  ) =>
    deliverSigned({
      url: connector.settings.url,
      secret: connector.secret,
      body: JSON.stringify(payload),
      headers: { 'x-mcc-event': event, ...headers },
      timeoutMs: deps.timeoutMs,
      now: deps.now,
      guard: deps.guard,
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    }).then(toPublishResult);

  return {
    kind: 'webhook',

    async validateSettings(settings) {
      const parsed = webhookSettingsSchema.safeParse(settings);
      if (!parsed.success) {
        return {
          ok: false,
          notAllowed: false,
          problems: parsed.error.issues.map((issue) => ({
            field: issue.path.join('.') || 'url',
            message: issue.message,
            code: issue.code,
          })),
        };
      }
      const verdict = await deps.guard.check(parsed.data.url);
      if (!verdict.ok) {
        const hint =
          verdict.reason === 'blocked'
            ? ' An operator can allow private hosts with OUTBOUND_ALLOWED_HOSTS.'
            : '';
        return {
          ok: false,
          notAllowed: true,
          problems: [{ field: 'url', message: `${verdict.problem}.${hint}`, code: verdict.reason }],
        };
      }
      return { ok: true, settings: parsed.data };
    },

    publish(item, context) {
      return send(context.connector, PUBLISH_EVENT, publishPayload(item, context.attempt, deps.now()), {
        'idempotency-key': context.idempotencyKey,
      });
    },

    sendTest(connector, businessId) {
      return send(connector, TEST_EVENT, {
        type: TEST_EVENT,
        connector_id: connector.id,
        business_id: businessId,
        sent_at: deps.now().toISOString(),
      });
    },
  };
}

/** The JSON a receiver gets: the item flat, plus which attempt this is. */
export function publishPayload(item: PublishableItem, attempt: number, now: Date): PublishRequest {
  return {
    type: PUBLISH_EVENT,
    id: item.id,
    business_id: item.business_id,
    campaign_id: item.campaign_id,
    channel: item.channel,
    format: item.format,
    title: item.title,
    body: item.body,
    thread: item.thread,
    hashtags: item.hashtags,
    call_to_action: item.call_to_action,
    media_brief: item.media_brief,
    media: item.media,
    preheader: item.preheader,
    pillar: item.pillar,
    scheduled_at: item.scheduled_at,
    version: item.version,
    attempt,
    sent_at: now.toISOString(),
  };
}

/** A delivery outcome in the publisher's terms. */
export function toPublishResult(outcome: DeliveryOutcome): PublishResult {
  const common = {
    statusCode: outcome.statusCode,
    durationMs: outcome.durationMs,
    responseHeaders: outcome.responseHeaders,
  };
  if (outcome.ok) return { ...common, ok: true, ...externalRef(outcome.responseBody) };
  const failure = outcome.failure ?? { kind: 'retryable', message: failureReason('deliveryFailed', {}) };
  return {
    ...common,
    ok: false,
    failure: { kind: failureKind(failure.kind, outcome.statusCode), message: failure.message },
  };
}

function failureKind(kind: string, statusCode: number | null): ConnectorFailureKind {
  if (kind === 'retryable') return 'retryable';
  if (statusCode === 401 || statusCode === 403) return 'auth_expired';
  // A URL the guard refuses will not become acceptable by retrying: like a 4xx, it needs a person.
  return 'rejected';
}

/** `{"id": …, "url": …}` (or `external_id`/`external_url`) from a JSON answer; nulls otherwise. */
function externalRef(body: string | null): { externalId: string | null; externalUrl: string | null } {
  const none = { externalId: null, externalUrl: null };
  if (!body?.trimStart().startsWith('{')) return none;
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    const text = (value: unknown) =>
      typeof value === 'string' || typeof value === 'number' ? String(value).slice(0, 500) : null;
    const url = text(parsed.external_url ?? parsed.url);
    return {
      externalId: text(parsed.external_id ?? parsed.id),
      externalUrl: url && /^https?:\/\//i.test(url) ? url : null,
    };
  } catch {
    return none;
  }
}
