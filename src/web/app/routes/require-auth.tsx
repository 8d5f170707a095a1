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

/** The sign-in and sign-up pages: a signed-in visitor is sent on to the app. */
export function GuestOnly() {
  const session = useSession();
  const { t } = useTranslation();
  if (session.status === 'restoring') return <PageSpinner label={t('session.restoring')} />;
  if (session.status === 'authenticated') return <Navigate to="/" replace />;
  return <Outlet />;
}
