import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  aiCallsPageSchema,
  aiCallsQuerySchema,
  aiConnectionTestSchema,
  aiProviderSettingsSchema,
  budgetStatusSchema,
  putAiProviderBodySchema,
  putBudgetBodySchema,
  runTaskBodySchema,
  runTaskParamsSchema,
  runTaskResponseSchema,
  usageQuerySchema,
  usageResponseSchema,
} from '#shared/ai.schema.js';
import { businessParamsSchema } from '#shared/business.schema.js';
import { generateCalendarAcceptedSchema, generateCalendarBodySchema } from '#shared/calendar.schema.js';
import type { Services } from '../composition-root.js';
import { principalOf } from '../plugins/auth.plugin.js';

const security = [{ bearer: [] }];

/** The AI engine's API: run tasks, usage and the cost ledger, budgets, the workspace's own provider. */
export function aiRoutes(
  services: Pick<Services, 'ai' | 'aiSettings' | 'aiUsage' | 'aiConnectionTest' | 'calendar'>,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/ai/tasks/:task',
      {
        schema: {
          tags: ['ai'],
          security,
          summary:
            'Run one AI task (planCalendar, writeContent, rewriteContent, classifyMessage, suggestReplies)',
          description:
            'Answers with the task output and what the call cost. Without a configured provider the offline writer answers (`offline: true`).',
          params: runTaskParamsSchema,
          body: runTaskBodySchema,
          response: { 200: runTaskResponseSchema },
        },
      },
      async (request, reply) => {
        const controller = abortOnDisconnect(reply.raw);
        return services.ai.run(
          principalOf(request),
          request.body.business_id,
          request.params.task,
          request.body.input,
          {
            signal: controller.signal,
          },
        );
      },
    );

    app.post(
      '/ai/strategy/generate-calendar',
      {
        schema: {
          tags: ['ai'],
          security,
          summary: 'Plan a content calendar with the AI, as a background job',
          description:
            'Answers 202 with a job id at once. The job plans pillars, cadence and dated items in the workspace’s time zone (and writes each item in full with `detail: "drafts"`), then saves them as content items. Follow it with `GET /api/jobs/{id}` or live over the WebSocket. `request_key` makes the request idempotent.',
          body: generateCalendarBodySchema,
          response: { 202: generateCalendarAcceptedSchema },
        },
      },
      async (request, reply) =>
        reply.code(202).send(await services.calendar.requestGeneration(principalOf(request), request.body)),
    );

    app.get(
      '/ai/usage',
      {
        schema: {
          tags: ['ai'],
          security,
          summary: 'AI usage and cost by day, task and model, with the budget',
          querystring: usageQuerySchema,
          response: { 200: usageResponseSchema },
        },
      },
      async (request) =>
        services.aiUsage.usage(principalOf(request), request.query.business_id, request.query),
    );

    app.get(
      '/ai/calls',
      {
        schema: {
          tags: ['ai'],
          security,
          summary: 'Every AI call of a workspace, newest first',
          querystring: aiCallsQuerySchema,
          response: { 200: aiCallsPageSchema },
        },
      },
      async (request) =>
        services.aiUsage.calls(principalOf(request), request.query.business_id, request.query),
    );

    app.get(
      '/business/:id/ai-budget',
      {
        schema: {
          tags: ['ai'],
          security,
          summary: 'The monthly AI budget and what is spent',
          params: businessParamsSchema,
          response: { 200: budgetStatusSchema },
        },
      },
      async (request) => services.aiSettings.getBudget(principalOf(request), request.params.id),
    );

    app.put(
      '/business/:id/ai-budget',
      {
        schema: {
          tags: ['ai'],
          security,
          summary: 'Set (or remove, with null) the monthly AI budget in micro-dollars',
          params: businessParamsSchema,
          body: putBudgetBodySchema,
          response: { 200: budgetStatusSchema },
        },
      },
      async (request) =>
        services.aiSettings.putBudget(
          principalOf(request),
          request.params.id,
          request.body.monthly_limit_micro_usd,
        ),
    );

    app.get(
      '/business/:id/ai-provider',
      {
        schema: {
          tags: ['ai'],
          security,
          summary: 'Where this workspace’s AI calls go (never the key)',
          params: businessParamsSchema,
          response: { 200: aiProviderSettingsSchema },
        },
      },
      async (request) => services.aiSettings.getProvider(principalOf(request), request.params.id),
    );

    app.put(
      '/business/:id/ai-provider',
      {
        schema: {
          tags: ['ai'],
          security,
          summary: 'Use the workspace’s own OpenAI-compatible endpoint and key',
          params: businessParamsSchema,
          body: putAiProviderBodySchema,
          response: { 200: aiProviderSettingsSchema },
        },
      },
      async (request) =>
        services.aiSettings.putProvider(principalOf(request), request.params.id, request.body),
    );

    app.post(
      '/business/:id/ai-provider/test',
      {
        schema: {
          tags: ['ai'],
          security,
          summary:
            'Test connection: ask the configured model a one-line question and a small JSON Schema request',
          description:
            'Calls the workspace’s endpoint (or the server’s) the way AI tasks do, through the outbound guard. Answers with the model’s reply, the latency and whether it follows JSON schemas. Owners and admins only. Not charged to the budget nor written to the ledger; the audit log records it. A failure is a 502 problem whose `errors[0].code` says why (unreachable, unauthorized, model_not_found, timeout, refused or error) and whose `errors[0].facts` carry the model and the HTTP status, for clients that word the reason themselves; 409 when no model is set up.',
          params: businessParamsSchema,
          response: { 200: aiConnectionTestSchema },
        },
      },
      async (request) => services.aiConnectionTest.test(principalOf(request), request.params.id),
    );

    app.delete(
      '/business/:id/ai-provider',
      {
        schema: {
          tags: ['ai'],
          security,
          summary: 'Go back to the server’s provider or the offline writer',
          params: businessParamsSchema,
          response: { 200: aiProviderSettingsSchema },
        },
      },
      async (request) => services.aiSettings.deleteProvider(principalOf(request), request.params.id),
    );
  };
}

/** An abort signal that fires when the client disconnects before the response is sent. */
export function abortOnDisconnect(
  response: NodeJS.WritableStream & { writableFinished: boolean },
): AbortController {
  const controller = new AbortController();
  response.on('close', () => {
    if (!response.writableFinished) controller.abort();
  });
  return controller;
}
