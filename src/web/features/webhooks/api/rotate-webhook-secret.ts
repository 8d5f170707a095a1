import { useMutation } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { webhookWithSecretSchema } from '#shared/webhook.schema.js';
import { apiRequest } from '#web/lib/api-client.js';

export function rotateWebhookSecret(webhookId: string) {
  return apiRequest(API.webhookRotateSecret(webhookId), { method: 'POST', schema: webhookWithSecretSchema });
}

/**
 * Issues a new signing secret at once (the old one stops verifying); the answer shows it this one time.
 *
 * @example
 * const { secret } = await useRotateWebhookSecret().mutateAsync(webhook.id);
 */
export function useRotateWebhookSecret() {
  return useMutation({ mutationFn: (webhookId: string) => rotateWebhookSecret(webhookId) });
}
