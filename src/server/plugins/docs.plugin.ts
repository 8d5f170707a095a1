import { readFileSync } from 'node:fs';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
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

const docsPluginImpl: FastifyPluginAsync = async (app) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Marketing Command Center API',
        version: packageVersion(),
        description:
          'Errors are RFC 9457 `application/problem+json` with a stable `code` and `errors[]` per field. ' +
          'Every response carries `x-request-id`.',
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
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
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
 */
export const docsPlugin = fp(docsPluginImpl, { name: 'mcc-docs', fastify: '5.x' });
