import type { SwaggerTransform, SwaggerTransformObject } from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IDEMPOTENCY_KEY_HEADER } from '#shared/idempotency.schema.js';
import { inboundEventSchema } from '#shared/inbox.schema.js';
import { problemSchema } from '#shared/problem.schema.js';
import { type OperationId, operationIdOf, operationKey } from './operation-ids.js';
import { DOMAIN_PROBLEMS } from './operation-problems.js';
import { type OperationFacts, problemResponses } from './problem-responses.js';
import { webhooksSection } from './webhooks-section.js';

export interface DocumentOptions {
  /** `PUBLIC_URL`: the document's server; a relative `/` (the host that served it) when unset. */
  publicUrl: string | undefined;
}

type Json = Record<string, unknown>;

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * `/campaign/:id` → `/campaign/{id}`, without a trailing slash: the router ignores it
 * (`ignoreTrailingSlash`), and a documented one trips up client generators.
 */
export function documentPath(url: string): string {
  const path = url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

const binary = { type: 'string', format: 'binary' };
const text = (mediaType: string) => ({ [mediaType]: { schema: { type: 'string' } } });
const csv = { description: 'The CSV file (RFC 4180).', content: text('text/csv') };
const file = (description: string) => ({
  description,
  content: { 'image/*': { schema: binary }, 'video/*': { schema: binary } },
});

/**
 * Answers that are not JSON (files, CSV, iCalendar) and bodies a route reads itself (an upload, a
 * signed raw body): their routes validate nothing a schema could describe, so they are documented here.
 */
const NON_JSON: Partial<Record<OperationId, { requestBody?: Json; responses?: Record<string, Json> }>> = {
  exportContentCsv: { responses: { 200: csv } },
  exportAnalyticsOverviewCsv: { responses: { 200: csv } },
  exportCampaignReportCsv: { responses: { 200: csv } },
  getCalendarFeed: {
    responses: { 200: { description: 'The iCalendar feed (RFC 5545).', content: text('text/calendar') } },
  },
  getMediaFile: {
    responses: { 200: file('The whole file.'), 206: file('The requested byte range (`Range`).') },
  },
  getMediaRendition: {
    responses: { 200: file('The whole file.'), 206: file('The requested byte range (`Range`).') },
  },
  getSignedMediaFile: {
    responses: { 200: file('The whole file.'), 206: file('The requested byte range (`Range`).') },
  },
  uploadMedia: {
    requestBody: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: { type: 'object', properties: { file: binary }, required: ['file'] },
        },
      },
    },
  },
  receiveInboundMessage: {
    requestBody: {
      required: true,
      description: 'Signed: `X-MCC-Signature` covers these exact bytes.',
      content: { 'application/json': { schema: toJsonSchema(inboundEventSchema, 'input') } },
    },
  },
};

function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io });
  return rest;
}

/** The document's tags, in the order Swagger UI shows them; an operation's tag missing here fails a test. */
const TAGS: Record<string, string> = {
  auth: 'Accounts, sessions, passwords and two-factor sign-in',
  workspaces: 'Workspaces (`business` on the wire): create, read, change, delete',
  members: 'The people in a workspace, their roles and invitations',
  'api keys': 'Workspace API keys for integrations',
  audit: 'Who changed what in a workspace',
  campaigns: 'Campaigns: goals with dates, channels, budget and KPIs',
  content: 'Content items, their workflow, media and history',
  'content export': 'CSV export and import, and the iCalendar feed',
  ai: 'AI tasks, usage, budget and the workspace’s provider',
  analytics: 'Forecasts, actual results and reports',
  publishing: 'Publishing connectors, network accounts and publish attempts',
  queues: 'Posting slots per channel, add to queue, best times, duplicating an item',
  inbox: 'Conversations, replies, rules, canned replies, knowledge and the inbound webhook',
  media: 'The media library: uploads, renditions, signed links, text cards and generated images',
  notifications: 'A person’s notifications in a workspace, their email choices, and unsubscribe links',
  webhooks: 'Outgoing webhooks and their delivery log (the events are under `webhooks`)',
  jobs: 'Background jobs: state, progress, retry and cancel',
  telemetry: 'Web vitals and browser errors from the web app',
  ops: 'Health and readiness probes',
  dev: 'Development helpers (absent when SMTP is configured)',
};

const REASONS: Record<string, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  206: 'Partial Content (a `Range` request)',
};

/** What the route table knows and the document does not say: whether a rate limit applies. */
interface RouteFacts {
  rateLimited: boolean;
}

/**
 * The transforms `@fastify/swagger` runs: each route gets its operationId and an explicit `security`
 * (`[]` on public ones); the finished document gets its problem responses, servers, webhooks and the
 * non-JSON bodies above.
 */
export function openapiTransforms(options: DocumentOptions): {
  transform: SwaggerTransform;
  transformObject: SwaggerTransformObject;
} {
  const routeFacts = new Map<string, RouteFacts>();

  const transform: SwaggerTransform = (input) => {
    const result = jsonSchemaTransform(input);
    const schema = result.schema;
    if ((schema as Json).hide) return result;
    const path = documentPath(input.url);
    const method = [input.route.method].flat().find((name) => name !== 'HEAD') ?? 'GET';
    routeFacts.set(operationKey(method, path), {
      rateLimited: input.route.config?.rateLimit !== false,
    });
    const operationId = operationIdOf(method, path);
    return {
      schema: { ...schema, ...(operationId ? { operationId } : {}), security: schema.security ?? [] },
      url: path.replace(/\{([^}]+)\}/g, ':$1'),
    };
  };

  const transformObject: SwaggerTransformObject = (documentObject) => {
    const document = jsonSchemaTransformObject(documentObject) as Json;
    return finishDocument(document, routeFacts, options) as ReturnType<SwaggerTransformObject>;
  };

  return { transform, transformObject };
}

function finishDocument(document: Json, routeFacts: Map<string, RouteFacts>, options: DocumentOptions): Json {
  const paths = (document.paths ?? {}) as Record<string, Record<string, Json>>;
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!HTTP_METHODS.includes(method)) continue;
      const overrides = NON_JSON[operation.operationId as OperationId];
      if (overrides?.requestBody) operation.requestBody = overrides.requestBody;
      const responses = (operation.responses ?? {}) as Record<string, Json>;
      Object.assign(responses, overrides?.responses);
      for (const [status, response] of Object.entries(responses)) {
        // @fastify/swagger's placeholder for a response schema without a description.
        if (response.description === 'Default Response') response.description = REASONS[status] ?? 'Success';
      }
      const facts = factsOf(operation, routeFacts.get(operationKey(method, path)));
      for (const [status, problem] of Object.entries(problemResponses(facts)) as Array<[string, Json]>) {
        responses[status] = mergeResponse(responses[status], problem);
      }
      operation.responses = responses;
    }
  }
  const components = (document.components ?? {}) as Json;
  const { webhooks, schemas } = webhooksSection();
  return stripInternalKeywords({
    ...document,
    info: { ...(document.info as Json), license: { name: 'MIT', identifier: 'MIT' } },
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    servers: [serverOf(options.publicUrl)],
    paths,
    webhooks,
    components: {
      ...components,
      schemas: {
        ...(components.schemas as Json),
        Problem: toJsonSchema(problemSchema, 'output'),
        ...schemas,
      },
    },
  });
}

function serverOf(publicUrl: string | undefined): { url: string; description: string } {
  if (!publicUrl) return { url: '/', description: 'The server that serves this document' };
  return { url: publicUrl.replace(/\/+$/, '') || '/', description: 'This instance (PUBLIC_URL)' };
}

/** A route that documents its own answer for a status (`/readyz`'s 503) keeps it; the problem is added. */
function mergeResponse(existing: Json | undefined, problem: Json): Json {
  if (!existing) return problem;
  return {
    ...existing,
    description: `${existing.description} Or a problem: ${problem.description}`,
    content: { ...(existing.content as Json), ...(problem.content as Json) },
    ...(problem.headers ? { headers: { ...(existing.headers as Json), ...(problem.headers as Json) } } : {}),
  };
}

function factsOf(operation: Json, route: RouteFacts | undefined): OperationFacts {
  const parameters = (operation.parameters ?? []) as Array<{ in: string; name: string }>;
  const body = operation.requestBody as { content?: Record<string, { schema?: Json }> } | undefined;
  const jsonBody = body?.content?.['application/json']?.schema;
  const bodyProperties = (jsonBody?.properties ?? {}) as Json;
  const hasPathParameters = parameters.some((parameter) => parameter.in === 'path');
  const namesWorkspace =
    parameters.some((parameter) => parameter.name === 'business_id') || 'business_id' in bodyProperties;
  return {
    authenticated: ((operation.security ?? []) as Json[]).some((scheme) => Object.keys(scheme).length > 0),
    hasPathParameters,
    hasInput: parameters.length > 0 || body !== undefined,
    hasJsonBody: jsonBody !== undefined,
    hasMultipartBody: body?.content?.['multipart/form-data'] !== undefined,
    takesIdempotencyKey: parameters.some(
      (parameter) => parameter.in === 'header' && parameter.name.toLowerCase() === IDEMPOTENCY_KEY_HEADER,
    ),
    workspaceScoped: namesWorkspace || hasPathParameters,
    rateLimited: route?.rateLimited ?? true,
    domain: DOMAIN_PROBLEMS[operation.operationId as OperationId] ?? [],
  };
}

/**
 * Internal markers on shared schemas (`serverFilled`: the AI output checks fill the field, the model
 * does not) are not JSON Schema keywords; the document leaves them out. A one-option `oneOf` (a
 * discriminated union with one member so far) is the option itself.
 */
function stripInternalKeywords<T>(value: T): T {
  if (Array.isArray(value)) return value.map(stripInternalKeywords) as T;
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Json).filter(([key]) => key !== 'serverFilled');
  const result = Object.fromEntries(
    entries.map(([key, child]) => [key, stripInternalKeywords(child)]),
  ) as Json;
  const oneOf = result.oneOf;
  if (Array.isArray(oneOf) && oneOf.length === 1) {
    const { oneOf: _single, ...rest } = result;
    return { ...rest, ...(oneOf[0] as Json) } as T;
  }
  return result as T;
}
