import { createMemoryRouter, RouterProvider } from 'react-router';
import { API } from '#shared/api-paths.js';
import type { User } from '#shared/auth.schema.js';
import type { Business } from '#shared/business.schema.js';
import { AppRoutes } from '../app/app-routes.js';
import { clearSession } from '../lib/auth/session-store.js';
import { type FakeApi, json } from './fake-api.js';
import { anAttention } from './fixtures.js';
import { mount, type Rendered, signIn } from './render.js';

/**
 * Renders the whole app (its route table, guards, shell and lazy pages) at `url`, as a person who opened
 * that address: signed in as `signedIn`, or a visitor when it is null.
 *
 * @example
 * const { user, location } = renderApp('/sign-in?next=%2Fprofile', { signedIn: null });
 */
export function renderApp(url: string, { signedIn }: { signedIn: User | null }): Rendered {
  if (signedIn) signIn(signedIn);
  else clearSession();
  const router = createMemoryRouter([{ path: '*', element: <AppRoutes /> }], { initialEntries: [url] });
  return mount(<RouterProvider router={router} />, () => {
    const { pathname, search } = router.state.location;
    return `${pathname}${search}`;
  });
}

/**
 * Answers what the signed-in frame asks for around a workspace page: the workspace (with my role in it),
 * the list the workspace switcher shows, the bell's unread count (none), and the dashboard's summary (a
 * workspace with nothing in it yet).
 */
export function serveWorkspace(api: FakeApi, business: Business): FakeApi {
  return api
    .on('GET', API.business(business.id), json(business))
    .on('GET', API.businesses, json({ items: [business] }))
    .on('GET', API.notificationsUnreadCount(business.id), json({ unread: 0 }))
    .on('GET', API.attention(business.id), json(anAttention({ business_id: business.id })));
}
