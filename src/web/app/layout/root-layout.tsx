import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { ConnectivityBanner } from './connectivity-banner.js';

/** Wraps every page: the skip link first in tab order, then the connectivity banner, then the page. */
export function RootLayout() {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <ConnectivityBanner />
      <Outlet />
    </>
  );
}
