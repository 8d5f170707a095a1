import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import type { ChannelId } from '#shared/channel-ids.js';
import { channelQueueSchema, type PutQueueSlotsBody, queuesSchema } from '#shared/queues.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { publishingKeys } from './query-keys.js';

/**
 * Every channel's posting slots and best times in the workspace.
 *
 * @example
 * const queues = useQueues(business.id);
 */
export function useQueues(businessId: string) {
  return useQuery({
    queryKey: publishingKeys.queues(businessId),
    queryFn: () => apiRequest(API.queues(businessId), { schema: queuesSchema }),
  });
}

/** Replaces one channel's slots (an empty list goes back to the network's times). */
export function useReplaceQueueSlots(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ channel, body }: { channel: ChannelId; body: PutQueueSlotsBody }) =>
      apiRequest(API.queueChannel(businessId, channel), { method: 'PUT', body, schema: channelQueueSchema }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: publishingKeys.queues(businessId) }),
  });
}
