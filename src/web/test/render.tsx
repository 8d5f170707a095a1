import type { QueryClient } from '@tanstack/react-query';
import { cleanup, configure, type RenderResult, render } from '@testing-library/react';
import { type UserEvent, userEvent } from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import type { User } from '#shared/auth.schema.js';
import { setWorkspaceRegion } from '#web/lib/workspace-format.js';
import { AppProviders } from '../app/providers.js';
import { clearSession, storeSession } from '../lib/auth/session-store.js';
import { createQueryClient } from '../lib/query-client.js';
import './dom-gaps.js';
import { FakeApi } from './fake-api.js';
import { aSession, aUser } from './fixtures.js';

// Lazy pages are compiled on first use and the machine may be busy: wait for screens longer than 1 s,
// and give a test longer than the wait.
configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 15_000 });

// Every component test starts from nothing: no DOM, no session, no storage, the network faked.
let currentApi: FakeApi | undefined;

beforeEach(() => {
  currentApi = undefined;
  vi.stubGlobal('fetch', () => Promise.reject(new Error('Call fakeApi() before rendering')));
  vi.stubGlobal('WebSocket', SilentWebSocket);
});

afterEach(() => {
  cleanup();
  const unhandled = currentApi?.unhandled ?? [];
  currentApi = undefined;
  vi.unstubAllGlobals();
  clearSession();
  localStorage.clear();
  setWorkspaceRegion(undefined);
  expect(unhandled, 'requests the test gave no answer for').toEqual([]);
});

/**
 * The API for this test, faked at `fetch` (see FakeApi). Any request it has no answer for fails the test.
 *
 * @example
 * const api = fakeApi().on('GET', API.members(id), json({ items: [] }));
 */
export function fakeApi(): FakeApi {
  const api = new FakeApi();
  currentApi = api;
  vi.stubGlobal('fetch', api.fetch);
  return api;
}

/**
 * Live updates stay silent: the socket never opens, so screens show what the (fake) API answered and no
 * test reaches for the network.
 */
class SilentWebSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  readonly readyState = 0;
  onopen = null;
  onmessage = null;
  onclose = null;
  send(): void {}
  close(): void {}
}

/** The app's query client with retries off, so a failure shows at once. */
export function testQueryClient(): QueryClient {
  const client = createQueryClient();
  const defaults = client.getDefaultOptions();
  client.setDefaultOptions({
    queries: { ...defaults.queries, retry: false, refetchOnWindowFocus: false },
    mutations: { ...defaults.mutations, retry: false },
  });
  return client;
}

/** Signs `person` in (in memory, as after login); returns them. */
export function signIn(person: User = aUser()): User {
  storeSession(aSession(person));
  return person;
}

interface RenderOptions {
  /** The address the router starts at. */
  url?: string;
  /** The route pattern the element is mounted on, so `useParams` works (`/w/:businessId/jobs`). */
  route?: string;
  /** Who is signed in; `null` for a visitor. A signed-in person by default. */
  signedIn?: User | null;
  /**
   * The workspace whose locale and clock dates and numbers are written in, as on its pages (the workspace
   * layout sets it there); the browser's without it.
   */
  workspace?: { locale: string; time_zone: string };
}

export interface Rendered extends RenderResult {
  /** user-event, set up for this render. */
  user: UserEvent;
  /** Where the app is now (`/w/…/jobs?state=dead`). */
  location: () => string;
}

/**
 * Renders `ui` inside the app's providers (query client, toasts) and a memory router. Other routes render
 * nothing, so a test sees a navigation through `location()`.
 *
 * @example
 * const { user, location } = renderWithProviders(<JobList businessId={id} canManage />, {
 *   url: `/w/${id}/jobs`, route: '/w/:businessId/jobs',
 * });
 */
export function renderWithProviders(ui: ReactNode, options: RenderOptions = {}): Rendered {
  const { url = '/', route = url.split('?')[0] ?? '/', signedIn = aUser(), workspace } = options;
  setWorkspaceRegion(workspace);
  if (signedIn) signIn(signedIn);
  else clearSession();
  const router = createMemoryRouter(
    [
      { path: route, element: ui },
      { path: '*', element: null },
    ],
    { initialEntries: [url] },
  );
  return mount(<RouterProvider router={router} />, () => {
    const { pathname, search } = router.state.location;
    return `${pathname}${search}`;
  });
}

/** Mounts a tree inside the app's providers; shared by the component and the whole-app renders. */
export function mount(tree: ReactNode, location: () => string): Rendered {
  const user = userEvent.setup();
  const result = render(<AppProviders queryClient={testQueryClient()}>{tree}</AppProviders>);
  return { ...result, user, location };
}
