import { Outlet } from 'react-router';
import { ConnectivityBanner } from './connectivity-banner.js';

/** Wraps every page: the skip link first in tab order, then the connectivity banner, then the page. */
export function RootLayout() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <ConnectivityBanner />
      <Outlet />
    </>
  );
}
