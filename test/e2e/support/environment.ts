import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.js';
import { type BuiltServer, startBuiltServer } from './server.js';

/** The built server and Chromium that a browser test file shares across its tests. */
export interface E2eEnvironment {
  readonly server: BuiltServer;
  readonly browser: Browser;
}

/**
 * Start the built server and Chromium before the file's tests and stop both after; read them from the
 * returned object inside tests (they exist once `beforeAll` has run). `options.env` adds server settings;
 * `options.localhost` serves on `localhost` (see `startBuiltServer`).
 *
 * @example
 * const env = sharedServerAndBrowser();
 * it('…', async () => { const context = await newContext(env.browser, env.server.url); });
 */
export function sharedServerAndBrowser(
  options: { env?: Record<string, string>; localhost?: boolean } = {},
): E2eEnvironment {
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
