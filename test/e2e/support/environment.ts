import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchBrowser } from './browser.js';
import { type BuiltServer, RUN_SERVER_ENV, startBuiltServer } from './server.js';

/** The built server and Chromium that a browser test file shares across its tests. */
export interface E2eEnvironment {
  readonly server: { readonly url: string };
  readonly browser: Browser;
}

/** A file's own server, which it may stop and start again. */
export interface OwnE2eEnvironment extends E2eEnvironment {
  readonly server: BuiltServer;
}

/**
 * The run's built server (started once by global-browser.ts, with `RUN_SERVER_ENV`) and Chromium, for the
 * file's tests; read them from the returned object inside tests (they exist once `beforeAll` has run). Each
 * file seeds its own people and workspaces, so what other files did there is out of its sight. Run outside
 * that set-up, the file starts a server of its own with the same settings.
 *
 * @example
 * const env = sharedServerAndBrowser();
 * it('…', async () => { const context = await newContext(env.browser, env.server.url); });
 */
export function sharedServerAndBrowser(): E2eEnvironment {
  const env = {} as { server: { url: string }; browser: Browser };
  let own: BuiltServer | undefined;
  beforeAll(async () => {
    const url = inject('runServerUrl');
    if (url) env.server = { url };
    else env.server = own = await startBuiltServer(RUN_SERVER_ENV);
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await own?.dispose();
  });
  return env;
}

/**
 * A server of the file's own, for a file that restarts it or needs other settings: `options.env` adds
 * settings, `options.localhost` serves on `localhost` (see `startBuiltServer`). Costs a server start (a few
 * seconds), so only where the shared one cannot do.
 */
export function ownServerAndBrowser(
  options: { env?: Record<string, string>; localhost?: boolean } = {},
): OwnE2eEnvironment {
  const env = {} as { server: BuiltServer; browser: Browser };
  beforeAll(async () => {
    env.server = await startBuiltServer(options.env, { localhost: options.localhost ?? false });
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.dispose();
  });
  return env;
}
