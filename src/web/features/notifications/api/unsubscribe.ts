import { useMutation, useQuery } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { unsubscribeResultSchema } from '#shared/notifications.schema.js';
import { apiRequest } from '#web/lib/api-client.js';

/** What an email's unsubscribe link is for (asking changes nothing). */
export function useUnsubscribeLink(token: string) {
  return useQuery({
    queryKey: ['unsubscribe', token],
    queryFn: () => apiRequest(API.unsubscribe, { query: { token }, schema: unsubscribeResultSchema }),
    enabled: token !== '',
    retry: false,
  });
}

/** Turns that email off; no sign-in needed, the link's token says whose and which. */
export function useUnsubscribe(token: string) {
  return useMutation({
    mutationFn: () =>
      apiRequest(API.unsubscribe, {
        method: 'POST',
        query: { token },
        body: {},
        schema: unsubscribeResultSchema,
      }),
  });
}
