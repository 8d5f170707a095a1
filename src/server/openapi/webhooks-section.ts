import { z } from 'zod';
import { WEBHOOK_DELIVERY_EVENT_TYPES, type WebhookDeliveryEventType } from '#shared/webhook.schema.js';
import { publishRequestSchema, WEBHOOK_PAYLOAD_SCHEMAS } from '#shared/webhook-events.schema.js';

/** When each event is sent (docs/webhooks.md says the same). */
const WHEN: Record<WebhookDeliveryEventType, string> = {
  'content.published': 'A scheduled content item went out through its connector',
  'content.failed': 'A scheduled content item could not be published (`data.reason` says why)',
  'content.changed': 'Content items were created, edited, moved, deleted or changed status',
  'message.received': 'A customer message arrived in the inbox',
  'job.completed': 'Background work (a calendar, a batch of drafts) finished',
  'job.failed': 'Background work failed (`data.will_retry` says whether it runs again)',
  'webhook.test': 'Sent only by `POST /api/webhooks/{id}/test`, to try a receiver',
};

const HEADERS = [
  ['X-MCC-Signature', 't=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>"> with the webhook secret'],
  ['X-MCC-Event', 'The event type'],
  ['X-MCC-Event-Id', 'The event id (the body’s `id`)'],
  ['X-MCC-Delivery', 'This delivery’s id: the same on a retry of the delivery; dedupe on it'],
] as const;

/** `content.published` → `ContentPublishedEvent` (a component name) and `notifyContentPublished`. */
function pascal(type: string): string {
  return type
    .split(/[._]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

export function webhookSchemaName(type: WebhookDeliveryEventType): string {
  return `${pascal(type)}Event`;
}

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' });
  return rest;
}

/**
 * The document's `webhooks` (OpenAPI 3.1): each event a webhook can receive as the signed `POST` a
 * receiver gets, with its body schema in `components.schemas`.
 */
export function webhooksSection(): {
  webhooks: Record<string, unknown>;
  schemas: Record<string, Record<string, unknown>>;
} {
  const webhooks: Record<string, unknown> = {};
  const schemas: Record<string, Record<string, unknown>> = {};
  for (const type of WEBHOOK_DELIVERY_EVENT_TYPES) {
    const name = webhookSchemaName(type);
    schemas[name] = jsonSchema(WEBHOOK_PAYLOAD_SCHEMAS[type]);
    webhooks[type] = {
      post: {
        operationId: `notify${pascal(type)}`,
        summary: WHEN[type],
        description:
          'Sent to the URL of every enabled webhook subscribed to the event. Verify `X-MCC-Signature` ' +
          'against the raw body and refuse old timestamps (docs/webhooks.md).',
        tags: ['webhooks'],
        // The receiver authenticates the sender by the signature, not by a credential of ours.
        security: [],
        parameters: HEADERS.map(([name, description]) => ({
          name,
          in: 'header',
          required: true,
          description,
          schema: { type: 'string' },
        })),
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } },
        },
        responses: {
          '2XX': { description: 'Received. Answer quickly and do slow work afterwards.' },
          '4XX': {
            description: 'Refused (a bad signature, say): not retried. 408 and 429 are retried like a 5xx.',
          },
          '5XX': {
            description:
              'Retried with exponential backoff (10 s, 20 s, 40 s … at most an hour), 10 attempts in all.',
          },
        },
      },
    };
  }
  schemas.PublishRequest = jsonSchema(publishRequestSchema);
  webhooks['content.publish'] = publishRequestWebhook();
  return { webhooks, schemas };
}

/**
 * What a publishing connector's URL receives (docs/publishing.md): not an event but the item itself, and
 * the receiver's answer decides whether it is published, retried or failed.
 */
function publishRequestWebhook(): Record<string, unknown> {
  const headers = [
    ['X-MCC-Event', 'Always `content.publish`'],
    ['X-MCC-Signature', HEADERS[0][1].replace('the webhook secret', 'the connector’s secret')],
    ['Idempotency-Key', '`<item id>@<scheduled_at>`: the same on every attempt of one publication'],
  ] as const;
  return {
    post: {
      operationId: 'publishToConnector',
      summary: 'A scheduled content item, at its time, to the publishing connector of its channel',
      description:
        'Sent to a webhook publishing connector (`POST /api/connectors`) when an item it publishes is due. ' +
        'Each attached file is a signed link valid for seven days. Verify `X-MCC-Signature` against the raw body.',
      tags: ['webhooks'],
      security: [],
      parameters: headers.map(([name, description]) => ({
        name,
        in: 'header',
        required: true,
        description,
        schema: { type: 'string' },
      })),
      requestBody: {
        required: true,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/PublishRequest' } } },
      },
      responses: {
        '2XX': {
          description:
            'Taken: the item becomes published. JSON with `id` and `url` (or `external_id` and `external_url`) records where it now lives.',
        },
        '4XX': {
          description:
            '401 or 403: the connector needs reconnecting and the item fails at once; 408 and 429 are retried; any other 4xx fails the item (rejected).',
        },
        '5XX': { description: 'Retried with backoff (10 s, 20 s, 40 s, 80 s), 5 attempts in all.' },
      },
    },
  };
}
