import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { PageSpinner } from '#web/components/ui/spinner.js';
import { useSession } from '#web/lib/auth/use-session.js';

/**
 * Renders its child routes for signed-in people; everyone else goes to sign in and comes back after,
 * except after signing out: the page they left is not where the next person should land.
 */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (session.status === 'restoring') return <PageSpinner label={t('session.restoring')} />;
  if (session.status === 'anonymous') {
    const next = `${location.pathname}${location.search}`;
    if (session.signedOut || next === '/') return <Navigate to="/sign-in" replace />;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

/**
 * The sign-in and sign-up pages: a visitor who arrives signed in is sent on to the app. Someone who signs
 * in here is not: the page sends them on itself, to the page they asked for (sign-in-page.tsx), and going
 * home first would race it, loading the home page's requests and sometimes landing there.
 */
export function GuestOnly() {
  const session = useSession();
  const { t } = useTranslation();
  const shownToGuest = useRef(false);
  useEffect(() => {
    if (session.status === 'anonymous') shownToGuest.current = true;
  }, [session.status]);
  if (session.status === 'restoring') return <PageSpinner label={t('session.restoring')} />;
  if (session.status === 'authenticated' && !shownToGuest.current) return <Navigate to="/" replace />;
  return <Outlet />;
}
