import { QueryClient } from '@tanstack/react-query';
import { isRetryable } from './api-error.js';

/** One query client per app: 4xx answers are final, network failures and 5xx retry with backoff. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) => isRetryable(error) && failureCount < 3,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}
