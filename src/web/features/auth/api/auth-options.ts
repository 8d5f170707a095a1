import { useQuery } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { authOptionsSchema } from '#shared/auth.schema.js';
import { apiRequest } from '#web/lib/api-client.js';

/** How sign-up and email work on this server (the operator's `SIGN_UP`, and whether mail leaves it). */
export function useAuthOptions() {
  return useQuery({
    queryKey: ['auth', 'options'],
    queryFn: () => apiRequest(API.authOptions, { schema: authOptionsSchema }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
