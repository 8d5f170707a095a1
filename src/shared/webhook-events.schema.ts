import { z } from 'zod';
import { CHANNEL_IDS, CONTENT_FORMATS } from './channel-ids.js';
import { idSchema, timestampSchema } from './common.schema.js';
import { liveEventSchema } from './events.schema.js';
import { WEBHOOK_DELIVERY_EVENT_TYPES, type WebhookDeliveryEventType } from './webhook.schema.js';

// The body of each outgoing webhook, per event type: the envelope every delivery has
// (`webhookEventPayloadSchema`) with the `data` of the live event of the same name. The OpenAPI
// document's `webhooks` section is built from these.

/** `data` of `webhook.test`, the event `POST /api/webhooks/{id}/test` sends. */
export const webhookTestDataSchema = z.object({ webhook_id: idSchema, message: z.string() });

function dataOf(type: WebhookDeliveryEventType): z.ZodType {
  if (type === 'webhook.test') return webhookTestDataSchema;
  const event = liveEventSchema.options.find((option) => option.shape.type.value === type);
  if (!event) throw new Error(`No live event carries the data of webhook event ${type}`);
  return event.shape.data;
}

/** The body a receiver gets for an event of `type`. */
export function webhookPayloadSchemaOf(type: WebhookDeliveryEventType) {
  return z.object({
    id: idSchema.describe('The event id: the same on every retry and redelivery, so dedupe on it'),
    type: z.literal(type),
    business_id: idSchema,
    created_at: timestampSchema,
    data: dataOf(type),
  });
}

/** Every event's body schema, by type. */
export const WEBHOOK_PAYLOAD_SCHEMAS = Object.fromEntries(
  WEBHOOK_DELIVERY_EVENT_TYPES.map((type) => [type, webhookPayloadSchemaOf(type)]),
) as Record<WebhookDeliveryEventType, ReturnType<typeof webhookPayloadSchemaOf>>;

/** One attached file in a publish request: a signed link that needs no sign-in, until `expires_at`. */
export const publishRequestMediaSchema = z.object({
  id: idSchema,
  kind: z.enum(['image', 'video']),
  name: z.string().describe('The file name, with the extension of what the link serves'),
  mime_type: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  alt_text: z.string(),
  url: z.string().describe('Absolute when the server has PUBLIC_URL, else a path on the server'),
  expires_at: timestampSchema,
});

/**
 * What a publishing connector's URL receives at an item's time (`X-MCC-Event: content.publish`): the item
 * to post, with its media prepared for the channel. Not a webhook event: it has no envelope, and the answer
 * decides the item's fate (docs/publishing.md).
 */
export const publishRequestSchema = z.object({
  type: z.literal('content.publish'),
  id: idSchema.describe('The content item'),
  business_id: idSchema,
  campaign_id: idSchema.nullable(),
  channel: z.enum(CHANNEL_IDS),
  format: z.enum(CONTENT_FORMATS),
  title: z.string(),
  body: z.string(),
  thread: z.array(z.string()).describe('The further posts of a thread, after `body`'),
  hashtags: z.array(z.string()),
  call_to_action: z.string(),
  media_brief: z.string(),
  media: z.array(publishRequestMediaSchema),
  preheader: z.string(),
  pillar: z.string().nullable(),
  scheduled_at: timestampSchema,
  version: z.number().int(),
  attempt: z.number().int().min(1).describe('1 on the first try; the same Idempotency-Key on every one'),
  sent_at: timestampSchema,
});
export type PublishRequest = z.infer<typeof publishRequestSchema>;
