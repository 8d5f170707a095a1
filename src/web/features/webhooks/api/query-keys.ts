import type { WebhookDeliveryStatus } from '#shared/webhook.schema.js';

/**
 * Query keys for webhooks, `['webhooks', businessId, …]`: live job events (deliveries run as jobs) refresh
 * a workspace's webhooks and deliveries by that prefix (see lib/realtime-invalidation.ts).
 */
export const webhookKeys = {
  workspace: (businessId: string) => ['webhooks', businessId] as const,
  list: (businessId: string) => [...webhookKeys.workspace(businessId), 'list'] as const,
  deliveries: (businessId: string, webhookId: string) =>
    [...webhookKeys.workspace(businessId), 'deliveries', webhookId] as const,
  deliveryList: (businessId: string, webhookId: string, status: WebhookDeliveryStatus | undefined) =>
    [...webhookKeys.deliveries(businessId, webhookId), 'list', { status: status ?? 'all' }] as const,
  delivery: (businessId: string, webhookId: string, deliveryId: string) =>
    [...webhookKeys.deliveries(businessId, webhookId), 'detail', deliveryId] as const,
};
