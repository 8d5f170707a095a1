import { cleanup, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { MemoryRouter, Outlet, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { lazyPage } from './lazy-page.js';
import { preloadPages } from './route-preload.js';

function Layout() {
  return (
    <section>
      <h1>Workspace</h1>
      <Outlet />
    </section>
  );
}
const Dashboard = () => <p>Needs you today</p>;
const Settings = () => <p>Settings</p>;

/** A route table of three lazy pages whose modules count their fetches, and can fail the first ones. */
function routesWithCountedPages(failures = 0) {
  const fetches = { layout: 0, dashboard: 0, settings: 0 };
  let failuresLeft = failures;
  const module = <T,>(key: keyof typeof fetches, value: T) => {
    fetches[key] += 1;
    if (failuresLeft > 0) {
      failuresLeft -= 1;
      return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    }
    return Promise.resolve(value);
  };
  const LayoutPage = lazyPage(() => module('layout', { Layout }), 'Layout');
  const DashboardPage = lazyPage(() => module('dashboard', { Dashboard }), 'Dashboard');
  const SettingsPage = lazyPage(() => module('settings', { Settings }), 'Settings');
  const routes = (
    <Route path="w/:businessId" element={<LayoutPage />}>
      <Route index element={<DashboardPage />} />
      <Route path="settings" element={<SettingsPage />} />
    </Route>
  );
  return { routes, fetches };
}

function renderAt(path: string, routes: React.ReactNode) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Suspense fallback={<p>Loading…</p>}>
        <Routes>{routes}</Routes>
      </Suspense>
    </MemoryRouter>,
  );
}

afterEach(cleanup);

describe('preloading the pages of a first load', () => {
  it('fetches the layout and the page together, and nothing the address does not show', async () => {
    const { routes, fetches } = routesWithCountedPages();
    const preloaded = preloadPages(routes, '/w/42');
    // Both started before either arrived: not one after the other as each layout renders.
    expect(fetches).toEqual({ layout: 1, dashboard: 1, settings: 0 });
    await preloaded;
    expect(fetches).toEqual({ layout: 1, dashboard: 1, settings: 0 });
  });

  it('renders preloaded pages at once, never showing the fallback', async () => {
    const { routes, fetches } = routesWithCountedPages();
    await preloadPages(routes, '/w/42');
    renderAt('/w/42', routes);
    expect(screen.queryByText('Loading…')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Workspace' })).toBeTruthy();
    expect(screen.getByText('Needs you today')).toBeTruthy();
    expect(fetches.dashboard).toBe(1);
  });

  it('still loads a page it has not preloaded, through the fallback', async () => {
    const { routes, fetches } = routesWithCountedPages();
    await preloadPages(routes, '/w/42');
    renderAt('/w/42/settings', routes);
    expect(screen.getByText('Loading…')).toBeTruthy();
    expect(await screen.findByText('Settings')).toBeTruthy();
    expect(fetches.settings).toBe(1);
  });

  it('settles when a chunk fails, and fetches it again when the page renders', async () => {
    // The layout's chunk is the first fetched, and fails once (a deploy replaced it, the network blinked).
    const { routes, fetches } = routesWithCountedPages(1);
    await expect(preloadPages(routes, '/w/42')).resolves.toBeUndefined();
    renderAt('/w/42', routes);
    expect(await screen.findByText('Needs you today')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Workspace' })).toBeTruthy();
    expect(fetches).toEqual({ layout: 2, dashboard: 1, settings: 0 });
  });
});
