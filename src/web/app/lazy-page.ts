import { type ComponentType, createElement, type FunctionComponent, lazy, useState } from 'react';
import { getI18n } from 'react-i18next';
import { reportUnreachable, whenReachable } from '../lib/connectivity.js';

/** A page that is its own chunk, and can be fetched before it is first rendered. */
export interface LazyPage extends FunctionComponent<object> {
  /** Fetch the page's code and strings now; settles (never rejects) once they are in or have failed. */
  preload(): Promise<void>;
}

/**
 * A page for modules with named exports: each page becomes its own chunk, fetched on first visit or earlier
 * through `preload()` (see route-preload.ts). A page whose code is already in when it mounts renders at once;
 * otherwise it suspends (`React.lazy`). That matters on a first load: React shows a revealed Suspense boundary
 * no sooner than 300 ms after its fallback, so three nested pages found one after the other cost about a
 * second, and fetched together beforehand, nothing.
 * If the chunk cannot be fetched (the server is restarting), the connectivity banner takes over and the
 * import is retried once the server answers; a second failure reaches the route error boundary.
 * `namespaces` are the page's strings (src/web/locales), fetched alongside its code rather than after it.
 *
 * @example
 * const SignInPage = lazyPage(() => import('./pages/sign-in-page.js'), 'SignInPage', ['auth']);
 */
export function lazyPage<M extends Record<K, ComponentType>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
  namespaces: readonly string[] = [],
): LazyPage {
  let loaded: ComponentType | undefined;
  let loading: Promise<ComponentType> | undefined;
  const fetchPage = (): Promise<ComponentType> => {
    loading ??= Promise.all([load(), getI18n()?.loadNamespaces([...namespaces])]).then(
      ([module]) => {
        loaded = module[name];
        return loaded;
      },
      (error: unknown) => {
        // Not kept: the next render or preload tries again.
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  const Suspending = lazy(async () => {
    try {
      return { default: await fetchPage() };
    } catch {
      // A health probe tells a server outage (wait and retry) from a missing chunk (retry fails, boundary shows).
      reportUnreachable();
      await whenReachable();
      return { default: await fetchPage() };
    }
  });
  // biome-ignore lint/correctness/noComponentHookFactories: made once per page when the route table loads, as React.lazy makes its component.
  function Page(props: object) {
    // Chosen once per mount: switching a mounted page from one to the other would remount it and lose its state.
    const [ready] = useState(() => loaded);
    return createElement(ready ?? Suspending, props);
  }
  Page.displayName = name;
  Page.preload = () =>
    fetchPage().then(
      () => undefined,
      () => undefined,
    );
  return Page;
}
