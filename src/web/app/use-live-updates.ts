import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { LiveEvent } from '#shared/events.schema.js';
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
  const handedOver = useRef(new RecentIds());
  const [client] = useState(
    () =>
      new RealtimeClient({
        url: realtimeUrl(window.location),
        getToken: getAccessToken,
        onSessionChange: subscribeToSession,
        refreshToken: refreshSession,
        onEvent: (event) => {
          for (const queryKey of staleQueryPrefixes(event)) void queryClient.invalidateQueries({ queryKey });
          // Once per event id, so nothing is announced twice if an event is ever delivered again.
          if (handedOver.current.add(event.id)) eventHandler.current?.(event);
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

/** The last few hundred event ids seen. */
class RecentIds {
  private readonly ids = new Set<string>();

  /** False when `id` was seen already. */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > 500) {
      const oldest = this.ids.values().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
    return true;
  }
}
