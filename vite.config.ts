import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import type { OutputBundle, OutputChunk } from 'rolldown';
import { defaultClientConditions, defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite';

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
        if (!/\.(js|css|html|svg|json)$/.test(fileName)) continue;
        const file = path.join(outDir, fileName);
        const source = readFileSync(file);
        if (source.length < 1024) continue;
        writeFileSync(`${file}.gz`, gzipSync(source, { level: 9 }));
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}

/**
 * Most first visits land on the sign-in page, whose code is a lazy chunk that the entry would only request
 * after it has downloaded and run, and whose words (English, the default language, in `common` and `auth`)
 * are two more. Hinting those chunks (and their CSS) in index.html lets the browser fetch them alongside the
 * entry, removing round trips from the first paint. Other routes stay lazy (their strings load with their
 * code: src/web/app/lazy-page.ts).
 */
function preloadFirstScreen(modules: readonly string[]): Plugin {
  return {
    name: 'mcc-preload-first-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        if (!bundle) return [];
        const chunks = Object.values(bundle).filter(
          (output): output is OutputChunk => output.type === 'chunk',
        );
        const roots = modules.map((module) => {
          const chunk = chunks.find((candidate) => candidate.facadeModuleId?.endsWith(module));
          if (!chunk) throw new Error(`preloadFirstScreen: no chunk for ${module}`);
          return chunk;
        });
        const entryGraph = staticGraph(
          chunks.filter((chunk) => chunk.isEntry),
          bundle,
        );
        const tags: HtmlTagDescriptor[] = [];
        for (const chunk of staticGraph(roots, bundle)) {
          if (entryGraph.has(chunk)) continue;
          tags.push({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${chunk.fileName}` },
            injectTo: 'head',
          });
          for (const css of chunk.viteMetadata?.importedCss ?? []) {
            tags.push({
              tag: 'link',
              attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `/${css}` },
              injectTo: 'head',
            });
          }
        }
        return tags;
      },
    },
  };
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
    preloadFirstScreen([
      '/src/web/app/pages/sign-in-page.tsx',
      '/src/web/locales/en/common.json',
      '/src/web/locales/en/auth.json',
    ]),
    precompress(),
  ],
  // `#shared/…` and `#web/…` resolve to the TypeScript sources (package.json "imports", condition `source`).
  resolve: { conditions: ['source', ...defaultClientConditions] },
  // The manifest (dist/web/.vite/manifest.json, never served: dot-directories are not) says which chunks each
  // page loads; test/deploy/web-budgets.test.ts holds every route to its JavaScript budget with it.
  build: { outDir: '../../dist/web', emptyOutDir: true, sourcemap: true, manifest: true },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:8000', ws: true }, '/docs': 'http://localhost:8000' },
  },
});
