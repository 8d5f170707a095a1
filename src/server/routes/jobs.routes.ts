import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { jobListQuerySchema, jobPageSchema, jobParamsSchema, jobSchema } from '#shared/jobs.schema.js';
import type { Services } from '../composition-root.js';
import { principalOf } from '../plugins/auth.plugin.js';

const security = [{ bearer: [] }];
const tags = ['jobs'];

/** Background jobs of a workspace: state, progress, result or error; retry and cancel. */
export function jobRoutes(services: Pick<Services, 'jobs'>): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/jobs',
      {
        schema: {
          tags,
          security,
          summary: 'Recent jobs of a workspace, newest first, optionally in one state',
          querystring: jobListQuerySchema,
          response: { 200: jobPageSchema },
        },
      },
      async (request) => services.jobs.list(principalOf(request), request.query),
    );

    app.get(
      '/jobs/:id',
      {
        schema: {
          tags,
          security,
          summary: 'A job: state, progress, and its result or last error',
          params: jobParamsSchema,
          response: { 200: jobSchema },
        },
      },
      async (request) => services.jobs.get(principalOf(request), request.params.id),
    );

    app.post(
      '/jobs/:id/retry',
      {
        schema: {
          tags,
          security,
          summary: 'Run a failed or dead job again, with a fresh set of attempts',
          params: jobParamsSchema,
          response: { 200: jobSchema },
        },
      },
      async (request) => services.jobs.retry(principalOf(request), request.params.id),
    );

    app.post(
      '/jobs/:id/cancel',
      {
        schema: {
          tags,
          security,
          summary: 'Cancel a job that has not finished (a running one is asked to stop)',
          params: jobParamsSchema,
          response: { 200: jobSchema },
        },
      },
      async (request) => services.jobs.cancel(principalOf(request), request.params.id),
    );
  };
}
