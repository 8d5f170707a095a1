import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { ToastProvider } from '../components/ui/toast.js';
import { getConnectivity, subscribeToConnectivity } from '../lib/connectivity.js';

/** App-wide context: server state and toasts. Also refetches what failed while the server was away. */
export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  useEffect(
    () =>
      subscribeToConnectivity(() => {
        if (getConnectivity() === 'reachable') {
          queryClient.invalidateQueries({ predicate: (query) => query.state.status === 'error' });
        }
      }),
    [queryClient],
  );
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>{children}</ToastProvider>
    </QueryClientProvider>
  );
}
