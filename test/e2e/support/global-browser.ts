import type { TestProject } from 'vitest/node';
import { launchBrowserServer } from './browser.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The WebSocket endpoint of the one Chromium every browser test file connects to. */
    chromiumWsEndpoint: string;
  }
}

/**
 * Vitest global set-up for the browser project: one Chromium for the whole run (starting it costs a few
 * seconds of two busy cores); each file connects to it and gets its own contexts, so files stay isolated.
 */
export default async function startOneBrowser(project: TestProject): Promise<() => Promise<void>> {
  const server = await launchBrowserServer();
  project.provide('chromiumWsEndpoint', server.wsEndpoint());
  return () => server.close();
}
