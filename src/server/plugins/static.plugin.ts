import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import type { HtmlFallback } from './not-found.plugin.js';

export interface StaticPluginOptions {
  /** The `vite build` output (`config.web.distDir`). */
  distDir: string;
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Marketing Command Center</title></head>
<body>
<h1>The web app has not been built yet</h1>
<p>Run <code>npm run build:web</code>, then restart the server. The API is up: see <a href="/docs">/docs</a>.</p>
</body>
</html>
`;

/** Whether `vite build` has produced the SPA in `distDir`. */
export function isSpaBuilt(distDir: string): boolean {
  return existsSync(path.join(distDir, 'index.html'));
}

function sendNotBuiltPage(reply: FastifyReply): FastifyReply {
  return reply
    .code(503)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(NOT_BUILT_PAGE);
}

/**
 * The page the not-found handler gives a browser navigation: the SPA's index.html (its router takes
 * over), or the "run the build" page when there is no build.
 */
export function spaFallback(distDir: string): HtmlFallback {
  if (!isSpaBuilt(distDir)) return (_request, reply) => sendNotBuiltPage(reply);
  return (_request, reply) => reply.sendFile('index.html');
}

const staticPluginImpl: FastifyPluginAsync<StaticPluginOptions> = async (app, { distDir }) => {
  if (!isSpaBuilt(distDir)) {
    app.log.warn({ distDir }, 'web app not built: run `npm run build:web`');
    app.get('/', { schema: { hide: true } }, async (_request, reply) => sendNotBuiltPage(reply));
    return;
  }
  const root = path.resolve(distDir);
  const assetsDir = path.join(root, 'assets') + path.sep;
  await app.register(fastifyStatic, {
    root,
    // One route per built file, found at start-up: unknown paths fall through to the not-found handler
    // (SPA fallback or a problem) instead of a catch-all route, and metrics see real route names.
    wildcard: false,
    // `vite build` writes .br and .gz beside every asset; send those to clients that accept them.
    preCompressed: true,
    cacheControl: false,
    setHeaders(reply, filePath) {
      // Vite content-hashes everything under assets/, so those never change; anything else (index.html,
      // favicon) must be revalidated so a new deploy is picked up at once.
      const hashed = filePath.startsWith(assetsDir);
      reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
};

/**
 * Serves the built SPA from `distDir` with long-lived caching for hashed assets and `no-cache` for the
 * rest; without a build, `/` explains how to make one. Never throws for a missing directory.
 */
export const staticPlugin = fp(staticPluginImpl, { name: 'mcc-static', fastify: '5.x' });
