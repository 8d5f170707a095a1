import { readFileSync } from 'node:fs';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { type DocumentOptions, openapiTransforms } from '../openapi/document.js';
import { docsTheme } from './docs-theme.js';

/** Where the interactive API documentation lives. */
export const DOCS_PREFIX = '/docs';

/**
 * Swagger UI styles some elements with inline `style` attributes, so its pages relax `style-src` only;
 * scripts stay same-origin and everything else matches the app's policy.
 */
export const DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

// The compiled file sits at the same depth (dist/server/plugins) as the source (src/server/plugins).
function packageVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
    return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

const docsPluginImpl: FastifyPluginAsync<DocumentOptions> = async (app, options) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Marketing Command Center API',
        version: packageVersion(),
        description:
          'Errors are RFC 9457 `application/problem+json` with a stable `code` and `errors[]` per field; ' +
          'each operation lists the codes it can answer. Every response carries `x-request-id`. ' +
          'The guide for integrators (authentication, errors, pagination, rate limits, the typed client) ' +
          'is docs/api.md in the repository.',
      },
      components: {
        securitySchemes: {
          // Routes name it in `schema.security: [{ bearer: [] }]`.
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description:
              'An access token from `POST /api/auth/login`, or a workspace API key for integrations ' +
              '(created under Settings → API keys), sent as `Authorization: Bearer <token>`.',
          },
        },
      },
    },
    // operationIds, security on every operation, problem responses, servers and webhooks (../openapi/).
    ...openapiTransforms(options),
  });
  await app.register(swaggerUi, {
    routePrefix: DOCS_PREFIX,
    staticCSP: DOCS_CSP,
    uiConfig: { deepLinking: true },
    ...docsTheme,
  });
};

/**
 * OpenAPI 3.1 generated from the routes' zod schemas, with Swagger UI at `/docs` in mcc's name and colours.
 * Register before routes.
 *
 * @example
 * await app.register(docsPlugin, { publicUrl: config.server.publicUrl });
 */
export const docsPlugin = fp(docsPluginImpl, { name: 'mcc-docs', fastify: '5.x' });
