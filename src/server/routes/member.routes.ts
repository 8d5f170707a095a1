import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addMemberBodySchema,
  businessParamsSchema,
  memberListSchema,
  memberParamsSchema,
  memberSchema,
  updateMemberBodySchema,
} from '#shared/business.schema.js';
import type { Services } from '../composition-root.js';
import { principalOf } from '../plugins/auth.plugin.js';

const tags = ['members'];
const security = [{ bearer: [] }];

/** Workspace members and roles under `/api/business/:id/members`. */
export function memberRoutes(services: Pick<Services, 'members'>): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/business/:id/members',
      {
        schema: {
          tags,
          security,
          summary: 'Members and their roles',
          params: businessParamsSchema,
          response: { 200: memberListSchema },
        },
      },
      async (request) => ({ items: await services.members.list(principalOf(request), request.params.id) }),
    );

    app.post(
      '/business/:id/members',
      {
        schema: {
          tags,
          security,
          summary: 'Add an existing account by email',
          params: businessParamsSchema,
          body: addMemberBodySchema,
          response: { 201: memberSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await services.members.add(principalOf(request), request.params.id, request.body)),
    );

    app.patch(
      '/business/:id/members/:userId',
      {
        schema: {
          tags,
          security,
          summary: 'Change a member’s role',
          params: memberParamsSchema,
          body: updateMemberBodySchema,
          response: { 200: memberSchema },
        },
      },
      async (request) =>
        services.members.changeRole(
          principalOf(request),
          request.params.id,
          request.params.userId,
          request.body.role,
        ),
    );

    app.delete(
      '/business/:id/members/:userId',
      {
        schema: {
          tags,
          security,
          summary: 'Remove a member, or leave (your own id)',
          params: memberParamsSchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await services.members.remove(principalOf(request), request.params.id, request.params.userId);
        return reply.code(204).send(null);
      },
    );
  };
}
