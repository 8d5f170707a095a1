import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { mediaItemSchema, mediaParamsSchema } from '#shared/media.schema.js';
import {
  altTextSuggestionSchema,
  createCardBodySchema,
  generatedImageSchema,
  generateImageBodySchema,
  mediaWorkspaceQuerySchema,
  suggestAltTextBodySchema,
} from '#shared/media-cards.schema.js';
import type { Services } from '../composition-root.js';
import { principalOf } from '../plugins/auth.plugin.js';

const tags = ['media'];
const security = [{ bearer: [] }];

/** Images the server makes for the library (text cards, generated images) and alt-text suggestions. */
export function mediaStudioRoutes(
  services: Pick<Services, 'textCards' | 'altText' | 'imageGeneration'>,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/media/cards',
      {
        schema: {
          tags,
          security,
          summary:
            'Draw a text card (quote, offer, announcement, event) in the brand’s colours and font, as a new item (owner, admin, editor)',
          querystring: mediaWorkspaceQuerySchema,
          body: createCardBodySchema,
          response: { 201: mediaItemSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await services.textCards.create(principalOf(request), request.query.business_id, request.body),
          ),
    );

    app.post(
      '/media/generate',
      {
        schema: {
          tags,
          security,
          summary:
            'Generate an image from a prompt with the configured image model (AI_IMAGE_MODEL) and add it to the library; metered as the AI task generateImage (owner, admin, editor). 409 without an image model: make a text card instead',
          querystring: mediaWorkspaceQuerySchema,
          body: generateImageBodySchema,
          response: { 201: generatedImageSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await services.imageGeneration.generate(
              principalOf(request),
              request.query.business_id,
              request.body,
            ),
          ),
    );

    app.post(
      '/media/:id/alt-text/suggest',
      {
        schema: {
          tags,
          security,
          summary:
            'Suggest alt text for an item (not saved; accept it with PATCH alt_text). Offline from the file name, brief and brand; with the picture when a model is configured',
          params: mediaParamsSchema,
          body: suggestAltTextBodySchema,
          response: { 200: altTextSuggestionSchema },
        },
      },
      async (request) => services.altText.suggest(principalOf(request), request.params.id, request.body),
    );
  };
}
