import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { LiveEvent } from '../../shared/events.schema.js';
import { refreshSession } from '../lib/auth/refresh-session.js';
import { getAccessToken, subscribeToSession } from '../lib/auth/session-store.js';
import { RealtimeClient, type RealtimeStatus, realtimeUrl } from '../lib/realtime.js';
import { isWorkspaceQuery, staleQueryPrefixes } from '../lib/realtime-invalidation.js';

/**
 * Live updates for the open workspace: one WebSocket while the workspace pages are shown, refreshing the
 * queries each event makes stale, and handing each event to `onEvent` (toasts). Returns the connection
 * state for an indicator.
 */
export function useLiveUpdates(
  businessId: string | undefined,
  onEvent?: (event: LiveEvent) => void,
): RealtimeStatus {
  const queryClient = useQueryClient();
  // The socket outlives renders; it calls whichever handler is current.
  const eventHandler = useRef(onEvent);
  eventHandler.current = onEvent;
  const [client] = useState(
    () =>
      new RealtimeClient({
        url: realtimeUrl(window.location),
        getToken: getAccessToken,
        onSessionChange: subscribeToSession,
        refreshToken: refreshSession,
        onEvent: (event) => {
          for (const queryKey of staleQueryPrefixes(event)) void queryClient.invalidateQueries({ queryKey });
          eventHandler.current?.(event);
        },
        onResync: (id) =>
          void queryClient.invalidateQueries({ predicate: (query) => isWorkspaceQuery(query.queryKey, id) }),
      }),
  );
  useEffect(() => {
    client.start();
    return () => client.stop();
  }, [client]);
  useEffect(() => client.setWorkspace(businessId), [client, businessId]);
  return useSyncExternalStore(
    (listener) => client.subscribeToStatus(listener),
    () => client.getStatus(),
  );
}
