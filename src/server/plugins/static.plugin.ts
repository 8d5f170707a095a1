import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { AUTH_COOKIES } from '#shared/auth-cookies.js';
import { GUEST_PAGE, SIGNED_IN_PAGE } from '#shared/spa-pages.js';
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

// The CSRF cookie is readable by scripts and set beside the refresh cookie: the web app reads the same sign.
const SESSION_COOKIE = new RegExp(`(?:^|;)\\s*${AUTH_COOKIES.csrf}=`);

/**
 * The SPA's page for each visitor: both run the same app and differ only in the code they hint, so a visitor
 * with a session (or one whose session has just expired, who then sees the sign-in page a little later) gets
 * the app shell hinted and everyone else the sign-in page. A build without the signed-in page (an older
 * one) always answers the guest page.
 */
function spaPage(distDir: string): HtmlFallback {
  const hasSignedInPage = existsSync(path.join(distDir, SIGNED_IN_PAGE));
  return (request, reply) => {
    const signedIn = hasSignedInPage && SESSION_COOKIE.test(request.headers.cookie ?? '');
    // Caches must keep one copy per cookie: the page depends on it.
    reply.header('vary', 'Cookie');
    return reply.sendFile(signedIn ? SIGNED_IN_PAGE : GUEST_PAGE);
  };
}

/**
 * The page the not-found handler (and `/`) gives a browser navigation: the SPA's page (its router takes
 * over), or the "run the build" page when there is no build.
 */
export function spaFallback(distDir: string): HtmlFallback {
  if (!isSpaBuilt(distDir)) return (_request, reply) => sendNotBuiltPage(reply);
  return spaPage(distDir);
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
    // `/` is the SPA's page like any other path (spaPage), chosen per visitor.
    index: false,
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
  app.get('/', { schema: { hide: true } }, spaPage(root));
};

/**
 * Serves the built SPA from `distDir` with long-lived caching for hashed assets and `no-cache` for the
 * rest; without a build, `/` explains how to make one. Never throws for a missing directory.
 */
export const staticPlugin = fp(staticPluginImpl, { name: 'mcc-static', fastify: '5.x' });
