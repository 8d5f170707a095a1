import { z } from 'zod';
import { CHANNEL_IDS } from './channel-ids.js';
import { idSchema, listOf, shortText, timestampSchema } from './common.schema.js';
import { NETWORK_IDS } from './network.schema.js';
import { responseHeadersSchema } from './webhook.schema.js';

// Publishing connectors: where a workspace's scheduled content goes at its time, and every attempt to
// send it there. The first kind is a signed webhook; native network APIs become further kinds.

export const CONNECTOR_KINDS = ['webhook'] as const;
export type ConnectorKind = (typeof CONNECTOR_KINDS)[number];

/** What an item can go out through: a connector of some kind, or a connected network account. */
export const PUBLISH_ROUTES = [...CONNECTOR_KINDS, ...NETWORK_IDS] as const;
export type PublishRoute = (typeof PUBLISH_ROUTES)[number];

/**
 * Why a publish attempt did not succeed. `retryable`: try again later (5xx, timeout, network);
 * `auth_expired`: the receiver refused our credentials (401/403), reconnect it; `rejected`: the receiver
 * refused the item (another 4xx) or the URL is not allowed; `no_connector`: nothing publishes this channel.
 */
export const PUBLISH_FAILURE_KINDS = ['retryable', 'auth_expired', 'rejected', 'no_connector'] as const;
export type PublishFailureKind = (typeof PUBLISH_FAILURE_KINDS)[number];

/** `retrying`: failed, and the job tries again after a backoff; `failed`: the last word on this schedule. */
export const PUBLISH_OUTCOMES = ['succeeded', 'retrying', 'failed'] as const;
export type PublishOutcome = (typeof PUBLISH_OUTCOMES)[number];

/** A webhook connector: the item is POSTed as signed JSON to `url`. */
export const webhookSettingsSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/, message: 'Use an http(s) address' }).max(2048),
});
export type WebhookSettings = z.infer<typeof webhookSettingsSchema>;

/** The channels a connector publishes; null (or omitted) means every channel. */
const channelsSchema = z
  .array(z.enum(CHANNEL_IDS))
  .min(1)
  .max(CHANNEL_IDS.length)
  .refine((channels) => new Set(channels).size === channels.length, { message: 'Each channel once' })
  .nullable();

export const connectorSchema = z.object({
  id: idSchema,
  business_id: idSchema,
  kind: z.enum(CONNECTOR_KINDS),
  name: z.string(),
  settings: webhookSettingsSchema,
  channels: z.array(z.enum(CHANNEL_IDS)).nullable(),
  enabled: z.boolean(),
  created_by: idSchema.nullable(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export const connectorListSchema = listOf(connectorSchema);

/** `POST /api/connectors`: one member per kind. */
export const createConnectorBodySchema = z.discriminatedUnion('kind', [
  z.strictObject({
    business_id: idSchema,
    kind: z.literal('webhook'),
    name: shortText(100),
    settings: webhookSettingsSchema,
    channels: channelsSchema.default(null),
    enabled: z.boolean().default(true),
  }),
]);

/** `PATCH /api/connectors/{id}`; `rotate_secret` issues a new signing secret, shown once in the answer. */
export const updateConnectorBodySchema = z
  .strictObject({
    name: shortText(100).optional(),
    settings: webhookSettingsSchema.optional(),
    channels: channelsSchema.optional(),
    enabled: z.boolean().optional(),
    rotate_secret: z.literal(true).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'Change at least one field' });

/** The answers that carry the signing secret: creation and rotation, never anything else. */
export const connectorWithSecretSchema = z.object({
  connector: connectorSchema,
  secret: z.string().nullable().describe('The signing secret; shown only when created or rotated'),
});

export const connectorListQuerySchema = z.strictObject({ business_id: idSchema });
export const connectorParamsSchema = z.strictObject({ id: idSchema });

/** `POST /api/connectors/{id}/test`: a signed test payload was sent; how it went. */
export const connectorTestResultSchema = z.object({
  ok: z.boolean(),
  status_code: z.number().int().nullable(),
  duration_ms: z.number().int(),
  failure_kind: z.enum(PUBLISH_FAILURE_KINDS).nullable(),
  error: z.string().nullable(),
  /** A few headers of the receiver's answer; never its body (it could be an internal service's). */
  response_headers: responseHeadersSchema.nullable(),
});

/** One attempt to publish an item, as `GET /api/content/{id}/publish-attempts` lists it. */
export const publishAttemptSchema = z.object({
  id: idSchema,
  content_item_id: idSchema,
  connector_id: idSchema.nullable(),
  /** The connector's kind, or the network when the item went through a connected account. */
  connector_kind: z.enum(PUBLISH_ROUTES).nullable(),
  /** The network account it went through (see network.schema.ts); null for a connector. */
  account_id: idSchema.nullable(),
  job_id: z.string(),
  scheduled_at: timestampSchema,
  attempt: z.number().int(),
  outcome: z.enum(PUBLISH_OUTCOMES),
  failure_kind: z.enum(PUBLISH_FAILURE_KINDS).nullable(),
  status_code: z.number().int().nullable(),
  error: z.string().nullable(),
  duration_ms: z.number().int(),
  external_id: z.string().nullable(),
  external_url: z.string().nullable(),
  created_at: timestampSchema,
});
export const publishAttemptListSchema = listOf(publishAttemptSchema);

export type Connector = z.infer<typeof connectorSchema>;
export type CreateConnectorBody = z.infer<typeof createConnectorBodySchema>;
export type UpdateConnectorBody = z.infer<typeof updateConnectorBodySchema>;
export type ConnectorWithSecret = z.infer<typeof connectorWithSecretSchema>;
export type ConnectorTestResult = z.infer<typeof connectorTestResultSchema>;
export type PublishAttempt = z.infer<typeof publishAttemptSchema>;
