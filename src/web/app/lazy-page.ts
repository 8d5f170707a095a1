import { type LazyExoticComponent, lazy } from 'react';
import { getI18n } from 'react-i18next';
import { reportUnreachable, whenReachable } from '../lib/connectivity.js';

/** A component whatever its props: what `React.lazy` accepts. */
type LazyComponent = Awaited<ReturnType<Parameters<typeof lazy>[0]>>['default'];

/**
 * `React.lazy` for modules with named exports: each page becomes its own chunk, fetched on first visit.
 * If the chunk cannot be fetched (the server is restarting), the connectivity banner takes over and the
 * import is retried once the server answers; a second failure reaches the route error boundary.
 * `namespaces` are the page's strings (src/web/locales), fetched alongside its code rather than after it.
 *
 * @example
 * const SignInPage = lazyPage(() => import('./pages/sign-in-page.js'), 'SignInPage', ['auth']);
 */
export function lazyPage<M extends Record<K, LazyComponent>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
  namespaces: readonly string[] = [],
): LazyExoticComponent<M[K]> {
  return lazy(async () => {
    try {
      const [module] = await Promise.all([load(), getI18n()?.loadNamespaces([...namespaces])]);
      return { default: module[name] };
    } catch {
      // A health probe tells a server outage (wait and retry) from a missing chunk (retry fails, boundary shows).
      reportUnreachable();
      await whenReachable();
      return { default: (await load())[name] };
    }
  });
}
