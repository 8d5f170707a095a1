import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { outboxSchema } from '#shared/dev-outbox.schema.js';
import { isLoopbackHost } from '../config/config.js';
import { AppError } from '../errors/app-error.js';
import { DevOutboxMailer } from '../integrations/mail/dev-outbox-mailer.js';
import type { Mailer } from '../integrations/mail/mailer.js';

/**
 * `GET /api/dev/outbox`: what the app "sent" without SMTP, in development and tests only (the dev
 * outbox mailer never exists in production). The messages hold live reset and sign-up links, so only a
 * request from this machine may read them: the instance's administrator is whoever sits at it.
 */
export function devOutboxRoutes(mailer: Mailer): FastifyPluginAsyncZod {
  return async (app) => {
    if (!(mailer instanceof DevOutboxMailer)) return;
    app.get(
      '/dev/outbox',
      {
        schema: {
          tags: ['dev'],
          summary: 'Emails kept on this server instead of sent (development without SMTP; this machine only)',
          response: { 200: outboxSchema },
        },
      },
      async (request) => {
        if (!isLoopbackHost(request.ip.replace(/^::ffff:/, ''))) {
          throw new AppError('not_found', 'The dev outbox answers only on this machine');
        }
        return { items: mailer.list() };
      },
    );
  };
}
