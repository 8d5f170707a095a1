import { z } from 'zod';
import { idSchema, listOf, pageOf, pageQuerySchema, timestampSchema } from './common.schema.js';

// Outbound webhooks: a workspace registers URLs for events; each event becomes a signed delivery that is
// retried with backoff and logged with its status code, attempts and timing.

/** The events a webhook can subscribe to (live events of the same names, sent as signed JSON). */
export const WEBHOOK_EVENT_TYPES = [
  'content.published',
  'content.failed',
  'content.changed',
  'message.received',
  'job.completed',
  'job.failed',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
export const webhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);

/** What a delivery carries: a subscribed event, or the test event sent on request to one webhook. */
export const WEBHOOK_DELIVERY_EVENT_TYPES = [...WEBHOOK_EVENT_TYPES, 'webhook.test'] as const;
export type WebhookDeliveryEventType = (typeof WEBHOOK_DELIVERY_EVENT_TYPES)[number];

/**
 * `pending`: queued, not tried yet; `retrying`: failed and tried again after a backoff; `succeeded`: the
 * receiver answered 2xx; `failed`: given up (a 4xx, a refused address, or the last attempt failed).
 */
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'retrying', 'succeeded', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** The body POSTed to a receiver, signed in `X-MCC-Signature`; `id` is the same on every redelivery. */
export const webhookEventPayloadSchema = z.object({
  id: idSchema,
  type: z.enum(WEBHOOK_DELIVERY_EVENT_TYPES),
  business_id: idSchema,
  created_at: timestampSchema,
  data: z.record(z.string(), z.unknown()),
});
export type WebhookEventPayload = z.infer<typeof webhookEventPayloadSchema>;

/** Shape only: whether the server may call it (no private addresses) is checked after DNS, answering 422. */
const webhookUrlSchema = z.url({ protocol: /^https?$/, message: 'Use an http(s) address' }).max(2048);

const eventsSchema = z
  .array(webhookEventTypeSchema)
  .min(1, { message: 'Pick at least one event' })
  .max(WEBHOOK_EVENT_TYPES.length)
  .refine((events) => new Set(events).size === events.length, { message: 'Each event once' });

export const webhookSchema = z.object({
  id: idSchema,
  business_id: idSchema,
  url: z.string(),
  description: z.string(),
  events: z.array(webhookEventTypeSchema),
  enabled: z.boolean(),
  created_by: idSchema.nullable(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type Webhook = z.infer<typeof webhookSchema>;
export const webhookListSchema = listOf(webhookSchema);

/** `POST /api/webhooks`. */
export const createWebhookBodySchema = z.strictObject({
  business_id: idSchema,
  url: webhookUrlSchema,
  description: z.string().trim().max(200).default(''),
  events: eventsSchema,
  enabled: z.boolean().default(true),
});
export type CreateWebhookBody = z.infer<typeof createWebhookBodySchema>;

/** `PATCH /api/webhooks/{id}`: any field. */
export const updateWebhookBodySchema = z
  .strictObject({
    url: webhookUrlSchema.optional(),
    description: z.string().trim().max(200).optional(),
    events: eventsSchema.optional(),
    enabled: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'Change at least one field' });
export type UpdateWebhookBody = z.infer<typeof updateWebhookBodySchema>;

/** The answers that carry the signing secret: creation and rotation, never anything else. */
export const webhookWithSecretSchema = z.object({
  webhook: webhookSchema,
  secret: z.string().describe('The signing secret (whsec_…); shown only in this answer'),
});
export type WebhookWithSecret = z.infer<typeof webhookWithSecretSchema>;

export const webhookListQuerySchema = z.strictObject({ business_id: idSchema });
export const webhookParamsSchema = z.strictObject({ id: idSchema });
export const webhookDeliveryParamsSchema = z.strictObject({ id: idSchema, deliveryId: idSchema });

/** One try of a delivery: the status code (null when none came back), the outcome and how long it took. */
export const webhookDeliveryAttemptSchema = z.object({
  attempt: z.number().int(),
  outcome: z.enum(['succeeded', 'retryable', 'rejected', 'blocked']),
  status_code: z.number().int().nullable(),
  error: z.string().nullable(),
  duration_ms: z.number().int(),
  created_at: timestampSchema,
});

/**
 * The headers kept from a receiver's answer (content-type, content-length, retry-after, a request id),
 * by lower-case name. Bodies are never kept or shown.
 */
export const responseHeadersSchema = z
  .record(z.string(), z.string())
  .describe('A few headers of the answer (content-type, content-length, retry-after, request id)');

export const webhookDeliverySchema = z.object({
  id: idSchema,
  webhook_id: idSchema,
  event_type: z.enum(WEBHOOK_DELIVERY_EVENT_TYPES),
  event_id: idSchema,
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.number().int(),
  last_status_code: z.number().int().nullable(),
  last_error: z.string().nullable(),
  last_duration_ms: z.number().int().nullable(),
  /** A few headers of the receiver's last answer; never its body (it could be an internal service's). */
  response_headers: responseHeadersSchema.nullable(),
  /** When a retrying delivery is tried again (about; the queue decides). */
  next_attempt_at: timestampSchema.nullable(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
  delivered_at: timestampSchema.nullable(),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;
export const webhookDeliveryPageSchema = pageOf(webhookDeliverySchema);

/** One delivery with what was sent and every attempt. */
export const webhookDeliveryDetailSchema = webhookDeliverySchema.extend({
  payload: webhookEventPayloadSchema,
  attempt_log: z.array(webhookDeliveryAttemptSchema),
});
export type WebhookDeliveryDetail = z.infer<typeof webhookDeliveryDetailSchema>;

/** `GET /api/webhooks/{id}/deliveries`: newest first, optionally one status. */
export const webhookDeliveryListQuerySchema = pageQuerySchema.extend({
  status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional(),
});
export type WebhookDeliveryListQuery = z.infer<typeof webhookDeliveryListQuerySchema>;
