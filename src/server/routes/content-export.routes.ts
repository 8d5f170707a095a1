import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { businessParamsSchema } from '#shared/business.schema.js';
import {
  calendarFeedListSchema,
  calendarFeedParamsSchema,
  calendarFeedQuerySchema,
  contentExportQuerySchema,
  contentImportBodySchema,
  contentImportResultSchema,
  createdCalendarFeedSchema,
} from '#shared/content-export.schema.js';
import type { Services } from '../composition-root.js';
import { principalOf } from '../plugins/auth.plugin.js';

const tags = ['content export'];
const security = [{ bearer: [] }];

/** Managing calendar feeds and the CSV export (Bearer). */
export function contentExportRoutes(services: Pick<Services, 'contentExport'>): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/business/:id/calendar-feed',
      {
        schema: {
          tags,
          security,
          summary: 'The workspace’s calendar feeds (never their tokens)',
          params: businessParamsSchema,
          response: { 200: calendarFeedListSchema },
        },
      },
      async (request) => ({
        items: await services.contentExport.listFeeds(principalOf(request), request.params.id),
      }),
    );

    app.post(
      '/business/:id/calendar-feed',
      {
        schema: {
          tags,
          security,
          summary: 'Create a secret iCalendar feed URL; the token is shown only in this response',
          params: businessParamsSchema,
          response: { 201: createdCalendarFeedSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await services.contentExport.createFeed(principalOf(request), request.params.id)),
    );

    app.delete(
      '/business/:id/calendar-feed/:feedId',
      {
        schema: {
          tags,
          security,
          summary: 'Revoke a calendar feed: its URL answers 404 from now on',
          params: calendarFeedParamsSchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await services.contentExport.revokeFeed(
          principalOf(request),
          request.params.id,
          request.params.feedId,
        );
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/content/export.csv',
      {
        schema: {
          tags,
          security,
          summary: "Content items as CSV (RFC 4180; formula-looking cells prefixed with ')",
          querystring: contentExportQuerySchema,
        },
      },
      async (request, reply) => {
        const csv = await services.contentExport.exportCsv(principalOf(request), request.query);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="content.csv"')
          .header('cache-control', 'no-store')
          .send(csv);
      },
    );

    app.post(
      '/content/import',
      {
        schema: {
          tags,
          security,
          summary:
            'Import drafts from CSV (the export’s columns): all rows or none; 422 lists each failing cell',
          body: contentImportBodySchema,
          response: { 201: contentImportResultSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send({ items: await services.contentExport.importCsv(principalOf(request), request.body) }),
    );
  };
}

/** The feed itself: no Bearer token, the secret in the URL is the credential (still rate-limited). */
export function calendarFeedRoutes(services: Pick<Services, 'contentExport'>): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/content/calendar.ics',
      {
        schema: {
          tags,
          summary: 'The workspace’s content calendar as iCalendar, for Google Calendar or Outlook',
          querystring: calendarFeedQuerySchema,
        },
      },
      async (request, reply) => {
        const ics = await services.contentExport.feed(request.query.token);
        return reply
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', 'inline; filename="calendar.ics"')
          .header('cache-control', 'private, max-age=300')
          .header('referrer-policy', 'no-referrer')
          .send(ics);
      },
    );
  };
}
