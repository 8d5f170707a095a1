import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import type { OutputBundle, OutputChunk } from 'rolldown';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';
import { SIGNED_IN_PAGE } from './src/shared/spa-pages.js';

/** Maximum-compression `.br` and `.gz` copies of a built text file, for `@fastify/static`'s `preCompressed`. */
function writeCompressed(file: string): void {
  const source = readFileSync(file);
  if (source.length < 1024) return;
  writeFileSync(`${file}.gz`, gzipSync(source, { level: 9 }));
  writeFileSync(
    `${file}.br`,
    brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  );
}

/**
 * Writes `.br` and `.gz` beside every text asset so the server can send them as they are (`@fastify/static`
 * `preCompressed`): maximum compression once at build time instead of some compression on every request.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'mcc-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    writeBundle(_options, bundle) {
      for (const fileName of Object.keys(bundle)) {
        if (/\.(js|css|html|svg|json)$/.test(fileName)) writeCompressed(path.join(outDir, fileName));
      }
    },
  };
}

/**
 * The first screen's code is lazy chunks that the entry would only request after it has downloaded and run,
 * and its words (English, the default language) are more. Hinting those chunks (and their CSS) in the page
 * lets the browser fetch them alongside the entry, removing round trips from the first paint. Which screen
 * comes first depends on the visitor, so the page is written twice (src/shared/spa-pages.ts): for guests,
 * hinting the sign-in page; for visitors with a session, the app shell and the workspace layout. A hint for
 * a screen that never shows is not free: the browser fetches and compiles that code all the same.
 */
function preloadFirstScreen(firstScreens: { guest: readonly string[]; signedIn: readonly string[] }): Plugin {
  let outDir = '';
  let signedInPage: string | undefined;
  return {
    name: 'mcc-preload-first-screen',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return html;
        const withHints = (modules: readonly string[]) =>
          html.replace('</head>', `${hintTags(modules, bundle).join('\n    ')}\n  </head>`);
        signedInPage = withHints(firstScreens.signedIn);
        return withHints(firstScreens.guest);
      },
    },
    writeBundle() {
      if (!signedInPage) throw new Error('preloadFirstScreen: the page was never transformed');
      const file = path.join(outDir, SIGNED_IN_PAGE);
      writeFileSync(file, signedInPage);
      writeCompressed(file);
    },
  };
}

/** `<link>` hints for the modules' chunks, those they import statically and their CSS, less the entry's own. */
function hintTags(modules: readonly string[], bundle: OutputBundle): string[] {
  const chunks = Object.values(bundle).filter((output): output is OutputChunk => output.type === 'chunk');
  const roots = modules.map((module) => {
    const chunk = chunks.find((candidate) => candidate.facadeModuleId?.endsWith(module));
    if (!chunk) throw new Error(`preloadFirstScreen: no chunk for ${module}`);
    return chunk;
  });
  const entryGraph = staticGraph(
    chunks.filter((chunk) => chunk.isEntry),
    bundle,
  );
  const tags: string[] = [];
  for (const chunk of staticGraph(roots, bundle)) {
    if (entryGraph.has(chunk)) continue;
    tags.push(`<link rel="modulepreload" crossorigin href="/${chunk.fileName}">`);
    for (const css of chunk.viteMetadata?.importedCss ?? []) {
      tags.push(`<link rel="preload" as="style" crossorigin href="/${css}">`);
    }
  }
  return tags;
}

/** The chunks and everything they import statically. */
function staticGraph(roots: OutputChunk[], bundle: OutputBundle): Set<OutputChunk> {
  const seen = new Set<OutputChunk>();
  const visit = (chunk: OutputChunk) => {
    if (seen.has(chunk)) return;
    seen.add(chunk);
    for (const name of chunk.imports) {
      const imported = bundle[name];
      if (imported?.type === 'chunk') visit(imported);
    }
  };
  roots.forEach(visit);
  return seen;
}

// The SPA lives in src/web and is served by the API process from dist/web in production.
export default defineConfig({
  root: 'src/web',
  plugins: [
    react(),
    preloadFirstScreen({
      guest: [
        '/src/web/app/pages/sign-in-page.tsx',
        '/src/web/locales/en/common.json',
        '/src/web/locales/en/auth.json',
      ],
      // The layouts around every workspace page and their words (src/web/app/app-routes.tsx names them).
      signedIn: [
        '/src/web/app/layout/app-shell.tsx',
        '/src/web/app/layout/workspace-layout.tsx',
        '/src/web/locales/en/common.json',
        '/src/web/locales/en/notifications.json',
        '/src/web/locales/en/workspaces.json',
        '/src/web/locales/en/jobs.json',
        '/src/web/locales/en/publishing.json',
      ],
    }),
    precompress(),
  ],
  // `#shared/…` and `#web/…` resolve to the TypeScript sources (package.json "imports", condition `source`).
  resolve: {
    conditions: ['source', ...defaultClientConditions],
    // The browser's own Temporal where it has one; the polyfill only where it does not (src/web/lib/temporal.ts).
    alias: [
      {
        find: /^temporal-polyfill$/,
        replacement: path.resolve(import.meta.dirname, 'src/web/lib/temporal.ts'),
      },
    ],
  },
  // The manifest (dist/web/.vite/manifest.json, never served: dot-directories are not) says which chunks each
  // page loads; test/deploy/web-budgets.test.ts holds every route to its JavaScript budget with it.
  build: { outDir: '../../dist/web', emptyOutDir: true, sourcemap: true, manifest: true },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:8000', ws: true }, '/docs': 'http://localhost:8000' },
  },
});
