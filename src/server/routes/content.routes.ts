import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { WriteContentOutput } from '#shared/ai-tasks.schema.js';
import { generateContentBodySchema, generateContentResultSchema } from '#shared/content.schema.js';
import type { Services } from '../composition-root.js';
import { principalOf } from '../plugins/auth.plugin.js';
import { abortOnDisconnect } from './ai.routes.js';
import { openEventStream, wantsEventStream } from './sse.js';

/** Content generation; the content library (save, edit, approve) builds on it. */
export function contentRoutes(services: Pick<Services, 'ai' | 'contentStudio'>): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/content/generate',
      {
        schema: {
          tags: ['content'],
          security: [{ bearer: [] }],
          summary: 'Write 1–5 variants for a channel and format in the brand’s voice',
          description:
            'With `Accept: text/event-stream` the answer streams as Server-Sent Events: `start` (provider, model, offline), `delta` (text as it is written, cleaned as the result will be: words the brand avoids never appear), then `result` (the validated variants and their cost) or `error` (a problem document). With `save_as_drafts: true` the variants are also saved as draft items sharing a `variant_group` (returned as `saved_items`).',
          body: generateContentBodySchema,
          response: { 200: generateContentResultSchema },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const businessId = request.body.business_id;
        if (!wantsEventStream(request)) {
          const controller = abortOnDisconnect(reply.raw);
          return services.contentStudio.generate(principal, request.body, (input) =>
            services.ai.run<WriteContentOutput>(principal, businessId, 'writeContent', input, {
              signal: controller.signal,
            }),
          );
        }
        // Checks (role, budget, input) fail as ordinary problems; once the provider is chosen, the stream opens.
        let stream: ReturnType<typeof openEventStream> | undefined;
        const controller = new AbortController();
        try {
          const result = await services.contentStudio.generate(principal, request.body, (input) =>
            services.ai.run<WriteContentOutput>(principal, businessId, 'writeContent', input, {
              signal: controller.signal,
              onStart: (meta) => {
                stream = openEventStream(request, reply);
                stream.signal.addEventListener('abort', () => controller.abort());
                stream.send('start', meta);
              },
              onDelta: (text) => stream?.send('delta', { text }),
            }),
          );
          stream?.send('result', result);
          stream?.end();
        } catch (error) {
          if (!stream) throw error;
          stream.fail(error);
        }
        return reply;
      },
    );
  };
}
