import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addMemberBodySchema,
  businessParamsSchema,
  invitationListSchema,
  invitationParamsSchema,
  invitationSchema,
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
export function memberRoutes(services: Pick<Services, 'members' | 'invitations'>): FastifyPluginAsyncZod {
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
          summary: 'Add someone by email',
          description:
            'An address with an account joins at once (201, the member; they get an email). An address without one gets a pending invitation with an accept link by email, valid 7 days (202, the invitation); inviting it again updates the role and sends a new link. Without SMTP in production, inviting answers 503 `mail_unavailable`.',
          params: businessParamsSchema,
          body: addMemberBodySchema,
          response: { 201: memberSchema, 202: invitationSchema },
        },
      },
      async (request, reply) => {
        const outcome = await services.members.add(principalOf(request), request.params.id, request.body);
        return outcome.kind === 'member'
          ? reply.code(201).send(outcome.member)
          : reply.code(202).send(outcome.invitation);
      },
    );

    app.get(
      '/business/:id/invitations',
      {
        schema: {
          tags,
          security,
          summary: 'Pending invitations (owners and admins)',
          params: businessParamsSchema,
          response: { 200: invitationListSchema },
        },
      },
      async (request) => ({
        items: await services.invitations.list(principalOf(request), request.params.id),
      }),
    );

    app.post(
      '/business/:id/invitations/:invitationId/resend',
      {
        schema: {
          tags,
          security,
          summary: 'Email the invitation again: a new link, valid 7 days; the old one stops working',
          params: invitationParamsSchema,
          response: { 200: invitationSchema },
        },
      },
      async (request) =>
        services.invitations.resend(principalOf(request), request.params.id, request.params.invitationId),
    );

    app.delete(
      '/business/:id/invitations/:invitationId',
      {
        schema: {
          tags,
          security,
          summary: 'Revoke a pending invitation; its link stops working',
          params: invitationParamsSchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await services.invitations.revoke(
          principalOf(request),
          request.params.id,
          request.params.invitationId,
        );
        return reply.code(204).send(null);
      },
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
