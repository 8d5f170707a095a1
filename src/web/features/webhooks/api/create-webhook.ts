import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { API } from '#shared/api-paths.js';
import { type createWebhookBodySchema, webhookWithSecretSchema } from '#shared/webhook.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { webhookKeys } from './query-keys.js';

export type CreateWebhookInput = z.input<typeof createWebhookBodySchema>;

export function createWebhook(body: CreateWebhookInput) {
  return apiRequest(API.webhooks, { method: 'POST', body, schema: webhookWithSecretSchema });
}

/**
 * Registers a webhook; the answer is the only time its signing secret is visible.
 *
 * @example
 * const created = await useCreateWebhook(business.id).mutateAsync({ business_id, url, events });
 */
export function useCreateWebhook(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWebhookInput) => createWebhook(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.list(businessId) }),
  });
}
