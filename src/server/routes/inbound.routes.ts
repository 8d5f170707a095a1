import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inboundParamsSchema, inboundResultSchema } from '#shared/inbox.schema.js';
import type { Services } from '../composition-root.js';
import { AppError } from '../errors/app-error.js';

/** The signature header, the same scheme as our outbound webhooks. */
const SIGNATURE_HEADER = 'x-mcc-signature';

/**
 * The signed inbound webhook `POST /api/inbound/{workspaceId}/{source}`: no login, the workspace's
 * inbound secret signs each request. The HMAC covers the exact bytes sent, so this plugin's scope keeps
 * JSON bodies as the raw string (the service parses them after checking the signature); every other
 * route keeps the app's usual JSON parsing.
 */
export function inboundRoutes(services: Pick<Services, 'inboxInbound'>): FastifyPluginAsyncZod {
  return async (app) => {
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
      done(null, body);
    });

    app.post(
      '/inbound/:workspaceId/:source',
      {
        // The signature covers the raw bytes: the service strips NUL from the event once it is verified.
        config: { nulCharacters: 'raw' },
        schema: {
          tags: ['inbox'],
          summary: 'Receive a customer message from another system (signed with the inbound secret)',
          description:
            'Sign like our outbound webhooks: `X-MCC-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of ' +
            '"<t>.<raw body>">` with the workspace’s inbound secret. A bad signature or a timestamp more ' +
            'than five minutes off answers 401 and stores nothing; a repeated `event_id` (or channel + ' +
            '`external_id`) answers 200 `duplicate` and stores nothing new.',
          params: inboundParamsSchema,
          response: { 200: inboundResultSchema, 202: inboundResultSchema },
        },
      },
      async (request, reply) => {
        if (typeof request.body !== 'string') {
          throw new AppError('malformed_body', 'Send the event as application/json');
        }
        const header = request.headers[SIGNATURE_HEADER];
        const result = await services.inboxInbound.receive(
          request.params.workspaceId,
          request.params.source,
          request.body,
          typeof header === 'string' ? header : undefined,
        );
        return reply.code(result.status === 'accepted' ? 202 : 200).send(result);
      },
    );
  };
}
