import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { businessParamsSchema } from '#shared/business.schema.js';
import {
  markAllReadSchema,
  notificationListQuerySchema,
  notificationPageSchema,
  notificationParamsSchema,
  notificationPreferencesSchema,
  notificationSchema,
  unreadCountSchema,
  unsubscribeQuerySchema,
  unsubscribeResultSchema,
  updateNotificationPreferencesSchema,
} from '#shared/notifications.schema.js';
import type { Services } from '../composition-root.js';
import { principalOf } from '../plugins/auth.plugin.js';

const tags = ['notifications'];
const security = [{ bearer: [] }];

/** The signed-in person's notifications and email choices in a workspace. */
export function notificationRoutes(
  services: Pick<Services, 'notificationCenter' | 'notificationPreferences'>,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/business/:id/notifications',
      {
        schema: {
          tags,
          security,
          summary: 'My notifications in a workspace, newest first (`unread=true`: unread only)',
          params: businessParamsSchema,
          querystring: notificationListQuerySchema,
          response: { 200: notificationPageSchema },
        },
      },
      async (request) =>
        services.notificationCenter.list(principalOf(request), request.params.id, request.query),
    );

    app.get(
      '/business/:id/notifications/unread-count',
      {
        schema: {
          tags,
          security,
          summary: 'How many of my notifications in a workspace are unread (the bell)',
          params: businessParamsSchema,
          response: { 200: unreadCountSchema },
        },
      },
      async (request) => services.notificationCenter.unreadCount(principalOf(request), request.params.id),
    );

    app.post(
      '/business/:id/notifications/read-all',
      {
        schema: {
          tags,
          security,
          summary: 'Mark all my notifications in a workspace read',
          params: businessParamsSchema,
          response: { 200: markAllReadSchema },
        },
      },
      async (request) => services.notificationCenter.markAllRead(principalOf(request), request.params.id),
    );

    app.post(
      '/business/:id/notifications/:notificationId/read',
      {
        schema: {
          tags,
          security,
          summary: 'Mark one of my notifications read (another person’s answers 404)',
          params: notificationParamsSchema,
          response: { 200: notificationSchema },
        },
      },
      async (request) =>
        services.notificationCenter.markRead(
          principalOf(request),
          request.params.id,
          request.params.notificationId,
        ),
    );

    app.get(
      '/business/:id/notification-preferences',
      {
        schema: {
          tags,
          security,
          summary: 'Which of my notifications in a workspace also come by email',
          params: businessParamsSchema,
          response: { 200: notificationPreferencesSchema },
        },
      },
      async (request) => services.notificationPreferences.get(principalOf(request), request.params.id),
    );

    app.put(
      '/business/:id/notification-preferences',
      {
        schema: {
          tags,
          security,
          summary: 'Turn email on or off for kinds of my notifications in a workspace',
          description: 'Kinds left out keep their setting. Every notification shows in the app either way.',
          params: businessParamsSchema,
          body: updateNotificationPreferencesSchema,
          response: { 200: notificationPreferencesSchema },
        },
      },
      async (request) =>
        services.notificationPreferences.update(principalOf(request), request.params.id, request.body),
    );
  };
}

/** The body a mail app POSTs for RFC 8058 one-click unsubscribe (or none, from the web page). */
const oneClickBodySchema = z
  .strictObject({ 'List-Unsubscribe': z.literal('One-Click').optional() })
  .nullish();

/**
 * Unsubscribe links: no sign-in, the signed token in the link says whose emails of which kind from which
 * workspace. `GET` only describes (link scanners fetch links); `POST` turns that email off.
 */
export function unsubscribeRoutes(
  services: Pick<Services, 'notificationPreferences'>,
): FastifyPluginAsyncZod {
  return async (app) => {
    // Mail apps send the one-click POST as a form (RFC 8058); nothing else in the API takes forms.
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_request, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(String(body))));
      },
    );

    app.get(
      '/notifications/unsubscribe',
      {
        schema: {
          tags,
          summary: 'What an unsubscribe link turns off, and whether that email is on now (changes nothing)',
          querystring: unsubscribeQuerySchema,
          response: { 200: unsubscribeResultSchema },
        },
      },
      async (request) => services.notificationPreferences.describe(request.query.token),
    );

    app.post(
      '/notifications/unsubscribe',
      {
        schema: {
          tags,
          summary: 'Turn off the email an unsubscribe link is for (RFC 8058 one-click; no sign-in)',
          description:
            'Mail apps POST `List-Unsubscribe=One-Click` as a form to the `List-Unsubscribe` URL; the web page posts no body. Repeating it is harmless.',
          querystring: unsubscribeQuerySchema,
          body: oneClickBodySchema,
          response: { 200: unsubscribeResultSchema },
        },
      },
      async (request) => services.notificationPreferences.unsubscribe(request.query.token),
    );
  };
}
