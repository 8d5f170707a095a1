import type { TestProject } from 'vitest/node';
import { launchBrowserServer } from './browser.js';
import { RUN_SERVER_ENV, startBuiltServer } from './server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The WebSocket endpoint of the one Chromium every browser test file connects to. */
    chromiumWsEndpoint: string;
    /** The built server the browser files share (see `sharedServerAndBrowser`). */
    runServerUrl: string;
  }
}

/**
 * Vitest global set-up for the browser project: one Chromium and one built server for the whole run.
 * Starting either costs seconds of two busy cores (the server about four: it loads and migrates), and
 * each file brings its own people and workspaces, so sharing them keeps files isolated all the same.
 */
export default async function startRunEnvironment(project: TestProject): Promise<() => Promise<void>> {
  const [browser, server] = await Promise.all([launchBrowserServer(), startBuiltServer(RUN_SERVER_ENV)]);
  project.provide('chromiumWsEndpoint', browser.wsEndpoint());
  project.provide('runServerUrl', server.url);
  return async () => {
    await Promise.all([browser.close(), server.dispose()]);
  };
}
