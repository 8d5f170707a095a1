import { z } from 'zod';
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
