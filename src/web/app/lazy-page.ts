import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import { reportUnreachable, whenReachable } from '../lib/connectivity.js';

/**
 * `React.lazy` for modules with named exports: each page becomes its own chunk, fetched on first visit.
 * If the chunk cannot be fetched (the server is restarting), the connectivity banner takes over and the
 * import is retried once the server answers; a second failure reaches the route error boundary.
 *
 * @example
 * const SignInPage = lazyPage(() => import('./pages/sign-in-page.js'), 'SignInPage');
 */
export function lazyPage<M extends Record<K, ComponentType>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<M[K]> {
  return lazy(async () => {
    try {
      return { default: (await load())[name] };
    } catch {
      // A health probe tells a server outage (wait and retry) from a missing chunk (retry fails, boundary shows).
      reportUnreachable();
      await whenReachable();
      return { default: (await load())[name] };
    }
  });
}
