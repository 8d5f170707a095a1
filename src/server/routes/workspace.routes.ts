import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attentionSchema } from '#shared/attention.schema.js';
import {
  businessListSchema,
  businessParamsSchema,
  businessSchema,
  createBusinessBodySchema,
  updateBusinessBodySchema,
} from '#shared/business.schema.js';
import type { Services } from '../composition-root.js';
import { principalOf } from '../plugins/auth.plugin.js';

const tags = ['workspaces'];
const security = [{ bearer: [] }];

/** Workspaces ("businesses") under `/api/business`. */
export function workspaceRoutes(services: Pick<Services, 'workspaces' | 'attention'>): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/business/',
      {
        schema: {
          tags,
          security,
          summary: 'My workspaces, with my role in each',
          response: { 200: businessListSchema },
        },
      },
      async (request) => ({ items: await services.workspaces.list(principalOf(request)) }),
    );

    app.post(
      '/business/',
      {
        schema: {
          tags,
          security,
          summary: 'Create a workspace (you become its owner)',
          body: createBusinessBodySchema,
          response: { 201: businessSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await services.workspaces.create(principalOf(request), request.body)),
    );

    app.get(
      '/business/:id',
      {
        schema: {
          tags,
          security,
          summary: 'One workspace',
          params: businessParamsSchema,
          response: { 200: businessSchema },
        },
      },
      async (request) => services.workspaces.get(principalOf(request), request.params.id),
    );

    app.get(
      '/business/:id/attention',
      {
        schema: {
          tags,
          security,
          summary:
            'What needs attention: approvals waiting, what goes out next, failed publications, the inbox, running campaigns’ KPIs, AI spend',
          params: businessParamsSchema,
          response: { 200: attentionSchema },
        },
      },
      async (request) => services.attention.summary(principalOf(request), request.params.id),
    );

    app.patch(
      '/business/:id',
      {
        schema: {
          tags,
          security,
          summary: 'Update a workspace (owner, admin)',
          params: businessParamsSchema,
          body: updateBusinessBodySchema,
          response: { 200: businessSchema },
        },
      },
      async (request) => services.workspaces.update(principalOf(request), request.params.id, request.body),
    );

    app.delete(
      '/business/:id',
      {
        schema: {
          tags,
          security,
          summary: 'Delete a workspace and everything in it (owner)',
          params: businessParamsSchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await services.workspaces.delete(principalOf(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
