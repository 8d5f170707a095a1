import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ACCEPTED_MEDIA_DESCRIPTION,
  mediaItemSchema,
  mediaListQuerySchema,
  mediaPageSchema,
  mediaParamsSchema,
  mediaRenditionParamsSchema,
  signedMediaParamsSchema,
  signedMediaQuerySchema,
  signedUrlBodySchema,
  signedUrlSchema,
  updateMediaBodySchema,
  uploadMediaQuerySchema,
} from '#shared/media.schema.js';
import { ruleFieldMessage } from '#shared/rule-field-messages.js';
import type { Services } from '../composition-root.js';
import type { Config } from '../config/config.js';
import { AppError } from '../errors/app-error.js';
import { principalOf } from '../plugins/auth.plugin.js';
import { parseRange, sendMediaFile } from './media-file-reply.js';

const tags = ['media'];
const security = [{ bearer: [] }];
/** Files are streamed as they are; the schema only documents that. */
const fileResponse = { 200: z.unknown(), 206: z.unknown() };
const MEMBER_CACHE = 'private, max-age=300';

/** The media library under `/api/media` (Bearer). */
export function mediaRoutes(services: Pick<Services, 'media'>, config: Config): FastifyPluginAsyncZod {
  return async (app) => {
    // Multipart only here; the service enforces each kind's own limit, busboy the largest of them.
    await app.register(multipart, {
      limits: {
        fileSize: Math.max(config.media.maxImageBytes, config.media.maxVideoBytes) + 1,
        files: 1,
        fields: 0,
        parts: 1,
        headerPairs: 100,
      },
    });

    app.post(
      '/media',
      {
        schema: {
          tags,
          security,
          summary: `Upload one file as multipart field \`file\`: ${ACCEPTED_MEDIA_DESCRIPTION} (owner, admin, editor)`,
          querystring: uploadMediaQuerySchema,
          response: { 201: mediaItemSchema },
        },
      },
      async (request, reply) => {
        if (!request.isMultipart()) {
          throw new AppError(
            'unsupported_media_type',
            'Send the file as multipart/form-data in a field named file',
            { facts: { reason: 'multipart_required' } },
          );
        }
        const part = await request.file();
        if (!part)
          throw new AppError('validation_failed', 'The request has no file', {
            errors: [{ path: 'body.file', message: ruleFieldMessage('attachFile'), code: 'required' }],
          });
        const item = await services.media.upload(principalOf(request), request.query.business_id, {
          stream: part.file,
          fileName: part.filename,
        });
        return reply.code(201).send(item);
      },
    );

    app.get(
      '/media',
      {
        schema: {
          tags,
          security,
          summary:
            'A workspace’s media, newest first: search name and alt text, filter by tag or kind, page by cursor',
          querystring: mediaListQuerySchema,
          response: { 200: mediaPageSchema },
        },
      },
      async (request) => services.media.list(principalOf(request), request.query),
    );

    app.get(
      '/media/:id',
      {
        schema: {
          tags,
          security,
          summary: 'One media item',
          params: mediaParamsSchema,
          response: { 200: mediaItemSchema },
        },
      },
      async (request) => services.media.get(principalOf(request), request.params.id),
    );

    app.patch(
      '/media/:id',
      {
        schema: {
          tags,
          security,
          summary: 'Name, alt text, tags, focal point (the crops are cut again around it)',
          params: mediaParamsSchema,
          body: updateMediaBodySchema,
          response: { 200: mediaItemSchema },
        },
      },
      async (request) => services.media.update(principalOf(request), request.params.id, request.body),
    );

    app.delete(
      '/media/:id',
      {
        schema: {
          tags,
          security,
          summary: 'Delete an item with its file and renditions (owner, admin, editor)',
          params: mediaParamsSchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await services.media.delete(principalOf(request), request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/media/:id/file',
      {
        schema: {
          tags,
          security,
          summary: 'The item’s file (images: without EXIF or GPS); supports Range',
          params: mediaParamsSchema,
          response: fileResponse,
        },
      },
      async (request, reply) => {
        const file = await services.media.open(
          principalOf(request),
          request.params.id,
          'original',
          parseRange(request.headers.range),
        );
        return sendMediaFile(reply, file, { cacheControl: MEMBER_CACHE });
      },
    );

    app.get(
      '/media/:id/renditions/:rendition',
      {
        schema: {
          tags,
          security,
          summary: 'One rendition, such as w640.webp or square.jpg',
          params: mediaRenditionParamsSchema,
          response: fileResponse,
        },
      },
      async (request, reply) => {
        const file = await services.media.open(
          principalOf(request),
          request.params.id,
          request.params.rendition,
          parseRange(request.headers.range),
        );
        return sendMediaFile(reply, file, { cacheControl: MEMBER_CACHE });
      },
    );

    app.post(
      '/media/:id/signed-url',
      {
        // Signing changes nothing, so a retry is safe as it is; a repeated answer would be a stale link.
        config: { idempotency: false },
        schema: {
          tags,
          security,
          summary:
            'A link that serves the file without sign-in until it expires (for networks that fetch media)',
          params: mediaParamsSchema,
          body: signedUrlBodySchema,
          response: { 201: signedUrlSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await services.media.signedUrl(principalOf(request), request.params.id, request.body)),
    );
  };
}

/** `GET /api/media/signed/…`: authenticated by the link's own signature and expiry, not a session. */
export function signedMediaRoutes(services: Pick<Services, 'media'>): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/media/signed/:business_id/:id/:variant',
      {
        schema: {
          tags,
          summary: 'A file through a signed, expiring link (see POST /api/media/{id}/signed-url)',
          params: signedMediaParamsSchema,
          querystring: signedMediaQuerySchema,
          response: fileResponse,
        },
      },
      async (request, reply) => {
        const { business_id: businessId, id: mediaId, variant } = request.params;
        const file = await services.media.openSigned(
          { businessId, mediaId, variant, expires: request.query.expires },
          request.query.signature,
          parseRange(request.headers.range),
        );
        const secondsLeft = Math.max(0, request.query.expires - Math.floor(Date.now() / 1000));
        return sendMediaFile(reply, file, {
          cacheControl: `private, max-age=${Math.min(secondsLeft, 3600)}`,
        });
      },
    );
  };
}
