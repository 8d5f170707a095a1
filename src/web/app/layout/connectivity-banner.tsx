import { useSyncExternalStore } from 'react';
import { getConnectivity, subscribeToConnectivity } from '#web/lib/connectivity.js';
import './connectivity-banner.css';
import { useTranslation } from 'react-i18next';

/** Appears while the server is unreachable and disappears by itself once a health check succeeds. */
export function ConnectivityBanner() {
  const connectivity = useSyncExternalStore(subscribeToConnectivity, getConnectivity);
  const { t } = useTranslation();
  return (
    <div className="connectivity" role="status" aria-live="polite">
      {connectivity === 'unreachable' && (
        <p className="connectivity__message">
          <span className="connectivity__dot" aria-hidden="true" />
          {t('shell.offline')}
        </p>
      )}
    </div>
  );
}
