import { isValidElement, type ReactNode } from 'react';
import { createRoutesFromChildren, matchRoutes } from 'react-router';
import type { LazyPage } from './lazy-page.js';

/**
 * Fetch together every lazy page (layouts and the page itself) that `routes` render for `pathname`, rather
 * than one after the other as each layout renders the next. Settles once all are in or have failed, so the
 * first render can wait for it: a failed chunk is fetched again, with its retry, when it renders.
 *
 * @example
 * await preloadPages(<Route path="w/:id" element={<WorkspaceLayout />} />, location.pathname);
 */
export async function preloadPages(routes: ReactNode, pathname: string): Promise<void> {
  const matches = matchRoutes(createRoutesFromChildren(routes), pathname) ?? [];
  await Promise.all(matches.map(({ route }) => lazyPageOf(route.element)?.preload()));
}

function lazyPageOf(element: ReactNode): LazyPage | undefined {
  if (!isValidElement(element) || typeof element.type !== 'function') return undefined;
  return 'preload' in element.type ? (element.type as LazyPage) : undefined;
}
