import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { runTaskResponseSchema } from '../../shared/ai.schema.js';
import { writeContentInputSchema, writeContentOutputSchema } from '../../shared/ai-tasks.schema.js';
import { idSchema } from '../../shared/common.schema.js';
import { principalOf } from '../plugins/auth.plugin.js';
import type { Services } from '../services/index.js';
import { abortOnDisconnect } from './ai.routes.js';
import { openEventStream, wantsEventStream } from './sse.js';

const generateBodySchema = writeContentInputSchema.extend({ business_id: idSchema });

/** Content generation; the content library (save, edit, approve) builds on it. */
export function contentRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/content/generate',
      {
        schema: {
          tags: ['content'],
          security: [{ bearer: [] }],
          summary: 'Write 1–5 variants for a channel and format in the brand’s voice',
          description:
            'With `Accept: text/event-stream` the answer streams as Server-Sent Events: `start` (provider, model, offline), `delta` (text as it is written), then `result` (the validated variants and their cost) or `error` (a problem document).',
          body: generateBodySchema,
          response: { 200: runTaskResponseSchema.extend({ output: writeContentOutputSchema }) },
        },
      },
      async (request, reply) => {
        const { business_id: businessId, ...input } = request.body;
        const principal = principalOf(request);
        if (!wantsEventStream(request)) {
          const controller = abortOnDisconnect(reply.raw);
          return services.ai.run(principal, businessId, 'writeContent', input, { signal: controller.signal });
        }
        // Checks (role, budget, input) fail as ordinary problems; once the provider is chosen, the stream opens.
        let stream: ReturnType<typeof openEventStream> | undefined;
        const controller = new AbortController();
        try {
          const result = await services.ai.run(principal, businessId, 'writeContent', input, {
            signal: controller.signal,
            onStart: (meta) => {
              stream = openEventStream(request, reply);
              stream.signal.addEventListener('abort', () => controller.abort());
              stream.send('start', meta);
            },
            onDelta: (text) => stream?.send('delta', { text }),
          });
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
