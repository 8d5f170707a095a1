import { useQuery } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { outboxSchema } from '#shared/dev-outbox.schema.js';
import { apiRequest } from '#web/lib/api-client.js';

/** The development outbox, newest first; polled, so a reset link appears without a reload. */
export function useDevOutbox() {
  return useQuery({
    queryKey: ['dev', 'outbox'],
    queryFn: async () => {
      const outbox = await apiRequest(API.devOutbox, { schema: outboxSchema });
      return [...outbox.items].reverse();
    },
    refetchInterval: 5_000,
    retry: false,
  });
}
