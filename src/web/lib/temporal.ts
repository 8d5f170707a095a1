import type { Temporal as TemporalApi } from 'temporal-polyfill';

// In the web build, `temporal-polyfill` resolves to this module (vite.config.ts): a browser with Temporal of
// its own (Chromium 144 and later, Firefox 139 and later) uses it and never downloads the 60 kB polyfill;
// on the others, main.tsx installs the polyfill as the global before the first render (ensureTemporal).
// The server and the tests import the polyfill itself, which patches no globals.

const installed = (globalThis as { Temporal?: typeof TemporalApi }).Temporal;
if (!installed)
  throw new Error('Temporal is not installed: main.tsx awaits ensureTemporal() before rendering');

export const Temporal: typeof TemporalApi = installed;
