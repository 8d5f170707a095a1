import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  benchmarkListSchema,
  benchmarkQuerySchema,
  campaignReportParamsSchema,
  campaignReportSchema,
  contentResultBodySchema,
  contentResultsSchema,
  metricRowSchema,
  metricsImportBodySchema,
  overviewQuerySchema,
  overviewSchema,
  putBenchmarksBodySchema,
  recordMetricsBodySchema,
  recordMetricsResultSchema,
  simulateBodySchema,
  simulationParamsSchema,
  simulationSchema,
} from '#shared/analytics.schema.js';
import { contentParamsSchema } from '#shared/content.schema.js';
import type { Services } from '../composition-root.js';
import { principalOf } from '../plugins/auth.plugin.js';

const tags = ['analytics'];
const security = [{ bearer: [] }];

/** Forecasts, actual results, reports and benchmark rates under `/api/analytics`. */
export function analyticsRoutes(
  services: Pick<Services, 'analyticsMetrics' | 'analyticsReports' | 'forecasts'>,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/analytics/simulate',
      {
        schema: {
          tags,
          security,
          summary:
            'Monte Carlo forecast of a plan or a campaign (≤ 1,000,000 trials; same seed, same answer); saved (owner, admin, editor)',
          body: simulateBodySchema,
          response: { 201: simulationSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await services.forecasts.simulate(principalOf(request), request.body)),
    );

    app.get(
      '/analytics/simulations/:id',
      {
        schema: {
          tags,
          security,
          summary: 'A saved forecast with its inputs',
          params: simulationParamsSchema,
          response: { 200: simulationSchema },
        },
      },
      async (request) => services.forecasts.getSimulation(principalOf(request), request.params.id),
    );

    app.post(
      '/analytics/metrics',
      {
        schema: {
          tags,
          security,
          summary: 'Record actual results per content item and day (the same item and day again replaces it)',
          body: recordMetricsBodySchema,
          response: { 200: recordMetricsResultSchema },
        },
      },
      async (request) => services.analyticsMetrics.record(principalOf(request), request.body),
    );

    app.get(
      '/content/:id/results',
      {
        schema: {
          tags,
          security,
          summary: 'An item’s results per day, the latest first (at most 90 days), each with who wrote it',
          params: contentParamsSchema,
          response: { 200: contentResultsSchema },
        },
      },
      async (request) => services.analyticsMetrics.listForItem(principalOf(request), request.params.id),
    );

    app.post(
      '/content/:id/results',
      {
        schema: {
          tags,
          security,
          summary:
            'Record one day’s results of one item by hand (the same day again replaces them; not a day in the future)',
          params: contentParamsSchema,
          body: contentResultBodySchema,
          response: { 200: metricRowSchema },
        },
      },
      async (request) =>
        services.analyticsMetrics.recordForItem(principalOf(request), request.params.id, request.body),
    );

    app.post(
      '/analytics/metrics/import',
      {
        schema: {
          tags,
          security,
          summary: 'Import actual results from CSV: all rows or none; 422 lists each failing cell',
          body: metricsImportBodySchema,
          response: { 201: recordMetricsResultSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await services.analyticsMetrics.importCsv(principalOf(request), request.body)),
    );

    app.get(
      '/analytics/overview',
      {
        schema: {
          tags,
          security,
          summary:
            'Actual results of a date range: totals, trend by day or week, channels, campaigns, best and worst content',
          querystring: overviewQuerySchema,
          response: { 200: overviewSchema },
        },
      },
      async (request) => services.analyticsReports.overview(principalOf(request), request.query),
    );

    app.get(
      '/analytics/overview.csv',
      { schema: { tags, security, summary: 'The overview as CSV', querystring: overviewQuerySchema } },
      async (request, reply) =>
        csv(
          reply,
          'analytics-overview.csv',
          await services.analyticsReports.overviewCsv(principalOf(request), request.query),
        ),
    );

    app.get(
      '/analytics/campaign/:id',
      {
        schema: {
          tags,
          security,
          summary:
            'A campaign’s latest forecast against its actuals to date, and whether each KPI is on track',
          params: campaignReportParamsSchema,
          response: { 200: campaignReportSchema },
        },
      },
      async (request) => services.analyticsReports.campaignReport(principalOf(request), request.params.id),
    );

    app.get(
      '/analytics/campaign/:id/report.csv',
      {
        schema: { tags, security, summary: 'The campaign report as CSV', params: campaignReportParamsSchema },
      },
      async (request, reply) =>
        csv(
          reply,
          'campaign-report.csv',
          await services.analyticsReports.campaignReportCsv(principalOf(request), request.params.id),
        ),
    );

    app.get(
      '/analytics/benchmarks',
      {
        schema: {
          tags,
          security,
          summary:
            'Default rates per channel and objective with their sources, and the workspace’s overrides',
          querystring: benchmarkQuerySchema,
          response: { 200: benchmarkListSchema },
        },
      },
      async (request) => ({
        items: await services.forecasts.benchmarks(principalOf(request), request.query),
      }),
    );

    app.put(
      '/analytics/benchmarks',
      {
        schema: {
          tags,
          security,
          summary: 'Set or remove (value: null) the workspace’s overrides of default rates (owner, admin)',
          body: putBenchmarksBodySchema,
          response: { 200: benchmarkListSchema },
        },
      },
      async (request) => ({
        items: await services.forecasts.putBenchmarks(principalOf(request), request.body),
      }),
    );
  };
}

function csv(reply: FastifyReply, filename: string, body: string) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send(body);
}
