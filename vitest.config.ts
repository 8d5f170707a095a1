import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // `#shared/...` and `#web/...` resolve to the TypeScript sources (package.json "imports", condition `source`).
  resolve: { conditions: ['source', ...defaultClientConditions] },
  // Server code resolves packages as Node does: without Vite's bundler-only `module` condition, which
  // picks the AWS SDK's extensionless ESM builds that Node cannot load.
  ssr: {
    resolve: {
      conditions: ['source', ...defaultServerConditions.filter((condition) => condition !== 'module')],
    },
  },
  test: {
    // Two files at a time (the default leaves one of two cores idle): most integration files wait on
    // PostgreSQL, Redis or child processes, and each creates its own database and uses its own ports and Redis prefix.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/architecture/**/*.test.ts'],
          environment: 'node',
          // The web app's plain functions that speak (describeError) use the global English i18n instance.
          setupFiles: ['src/web/test/setup-i18n.ts'],
          // Files in one worker share their modules, as at the integration level: importing them again for
          // each file took longer than the tests themselves. No unit test mocks modules; timers and globals a
          // test fakes are put back after it (and stubs undone here, in case one forgets).
          isolate: false,
          unstubGlobals: true,
          unstubEnvs: true,
        },
      },
      {
        extends: true,
        test: {
          // The web app's components in a simulated DOM (React Testing Library on happy-dom).
          name: 'components',
          include: ['src/web/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['src/web/test/setup-i18n.ts'],
          // Each file in its own VM context on a reused worker, rather than a fresh process per file: the DOM
          // and the app's modules are set up per file all the same (no state crosses files), in well under
          // the time (57 s instead of 150 s for this project on the same loaded machine).
          pool: 'vmThreads',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/deploy/**/*.test.ts'],
          environment: 'node',
          // Migrations run once per run, into a PostgreSQL template and a SQLite image (test/support/global-databases.ts).
          globalSetup: ['test/support/global-databases.ts'],
          // Files in one worker share the modules they import: each file built the whole app from source
          // again (about a third of this level's time). Nothing here mocks modules, stubs globals or
          // changes process.env; each test builds its own app, database and Redis prefix.
          isolate: false,
          // The MCP SDK's HTTP client imports eventsource-parser, whose `source` export is TypeScript:
          // workers run with `--conditions source`, so Node would load that .ts itself. Through Vite it
          // is transformed like our own sources (only that client module, so the SDK stays one copy).
          server: {
            deps: {
              inline: [/@modelcontextprotocol\/sdk\/dist\/esm\/client\/streamableHttp/, /eventsource-parser/],
            },
          },
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // Browser tests run after the other projects, so Chromium and the server get both cores.
          sequence: { groupOrder: 1 },
          environment: 'node',
          // One Chromium and one built server for every browser file (each connects to them and seeds its own
          // people): see test/e2e/support/global-browser.ts.
          globalSetup: ['test/e2e/support/global-browser.ts'],
          // Files in one worker share their modules (Playwright's client, the support code): each file
          // imported them again, about a second apiece. Each file connects to the browser and closes it.
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 90_000,
          // Two files at a time: a browser journey mostly waits (on the page, the server, its jobs), so one
          // file alone left most of both cores idle.
          fileParallelism: true,
        },
      },
    ],
  },
});
