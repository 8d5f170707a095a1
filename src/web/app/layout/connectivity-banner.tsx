import { useSyncExternalStore } from 'react';
import { getConnectivity, subscribeToConnectivity } from '#web/lib/connectivity.js';
import './connectivity-banner.css';

/** Appears while the server is unreachable and disappears by itself once a health check succeeds. */
export function ConnectivityBanner() {
  const connectivity = useSyncExternalStore(subscribeToConnectivity, getConnectivity);
  return (
    <div className="connectivity" role="status" aria-live="polite">
      {connectivity === 'unreachable' && (
        <p className="connectivity__message">
          <span className="connectivity__dot" aria-hidden="true" />
          Can't reach the server — retrying… Your changes are not lost; try again in a moment.
        </p>
      )}
    </div>
  );
}
