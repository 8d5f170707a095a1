import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

/**
 * `React.lazy` for modules with named exports: each page becomes its own chunk, fetched on first visit.
 *
 * @example
 * const SignInPage = lazyPage(() => import('./pages/sign-in-page.js'), 'SignInPage');
 */
export function lazyPage<M extends Record<K, ComponentType>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<M[K]> {
  return lazy(async () => ({ default: (await load())[name] }));
}
