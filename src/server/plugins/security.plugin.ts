import cors from '@fastify/cors';
import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify, { type FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { IDEMPOTENT_REPLAYED_HEADER } from '#shared/idempotency.schema.js';
import type { Config } from '../config/config.js';
import { REQUEST_ID_HEADER } from '../observability/request-id.js';

export interface SecurityPluginOptions {
  config: Config;
}

/**
 * The app's Content Security Policy: everything from our own origin, nothing inline. A Vite build emits
 * only external hashed scripts and stylesheets, so the SPA runs under it unchanged.
 */
export function contentSecurityPolicy(config: Config): Record<string, string[]> {
  const connect = ["'self'"];
  // CSP 3 browsers match same-origin ws:/wss: with 'self'; naming the public origin covers the rest.
  if (config.server.publicUrl) connect.push(new URL(config.server.publicUrl).origin.replace(/^http/, 'ws'));
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'"],
    // blob: is what the app's own script makes of the library's images: they are fetched with the
    // session's Bearer token (an <img src> cannot send it), and 'self' does not cover blob: URLs.
    'img-src': ["'self'", 'data:', 'blob:'],
    'connect-src': connect,
    'font-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'self'"],
    ...(config.env === 'production' ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/**
 * The headers @fastify/helmet sets for `options`, computed once on a private probe instance. The plugin
 * rebuilds helmet's middleware (parsing and validating every CSP directive) on each request, which cost
 * about a third of a small authenticated read (docs/benchmarks.md); our headers never vary per request
 * (no CSP nonces, no function-valued directives), so the result of one run is the result of every run.
 */
export async function helmetHeaders(options: FastifyHelmetOptions): Promise<Record<string, string>> {
  const probe = Fastify({ logger: false });
  try {
    await probe.register(helmet, options);
    probe.get('/', async (_request, reply) => reply.raw.getHeaders());
    const response = await probe.inject({ method: 'GET', url: '/' });
    return Object.fromEntries(
      Object.entries(response.json() as Record<string, unknown>).map(([name, value]) => [
        name,
        String(value),
      ]),
    );
  } finally {
    await probe.close();
  }
}

/** Where the API's answers live; everything else is the web app, its files and the API docs. */
const API_PREFIX = '/api/';

/**
 * The headers of every answer under `/api/`: JSON, CSV, calendar feeds, media files and the OAuth
 * callback's short notice. No page runs scripts from them, so helmet's document headers (COOP, the
 * origin-agent cluster, DNS prefetch, download and XSS-auditor switches, the app's source list) say
 * nothing there; what matters is that an answer cannot be framed, sniffed into another type, read by
 * another origin's page or leak its URL, which this shorter set says more strictly (`default-src 'none'`).
 * Each header costs on every answer (about 2 µs of a 250 µs campaign read, docs/benchmarks.md), and the
 * API answers most requests.
 */
export function apiSecurityHeaders(documentHeaders: Record<string, string>): Record<string, string> {
  const hsts = documentHeaders['strict-transport-security'];
  return {
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'cross-origin-resource-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    ...(hsts && { 'strict-transport-security': hsts }),
  };
}

const securityPluginImpl: FastifyPluginAsync<SecurityPluginOptions> = async (app, { config }) => {
  const documentHeaders = await helmetHeaders({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(config) },
    // HSTS on a plain-HTTP development host would pin browsers to HTTPS for localhost.
    hsts: config.env === 'production' ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  const apiHeaders = apiSecurityHeaders(documentHeaders);
  // Routes with their own policy (Swagger UI, media files) overwrite the CSP later.
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(request.url.startsWith(API_PREFIX) ? apiHeaders : documentHeaders);
    done();
  });
  // No configured origins means same-origin only: without the plugin, browsers block cross-origin reads.
  if (config.server.corsOrigins.length > 0) {
    await app.register(cors, {
      origin: config.server.corsOrigins,
      credentials: true,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      exposedHeaders: [REQUEST_ID_HEADER, 'retry-after', IDEMPOTENT_REPLAYED_HEADER],
      maxAge: 600,
    });
  }
};

/** Security headers (helmet's for pages, a shorter stricter set for the API, HSTS in production) and the CORS allow-list. */
export const securityPlugin = fp(securityPluginImpl, { name: 'mcc-security', fastify: '5.x' });
