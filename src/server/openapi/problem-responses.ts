import { ERROR_CODES, type ErrorCode } from '#shared/error-codes.js';
import { ERROR_STATUS } from '../errors/app-error.js';

/** What the document says about an operation that decides which problems it can answer. */
export interface OperationFacts {
  /** It takes a Bearer credential. */
  authenticated: boolean;
  /** Path parameters: a row that may not exist, or belong to another workspace. */
  hasPathParameters: boolean;
  /** Any input the server validates: path, query or body. */
  hasInput: boolean;
  /** A JSON request body. */
  hasJsonBody: boolean;
  /** A `multipart/form-data` upload. */
  hasMultipartBody: boolean;
  /** It takes an `Idempotency-Key` header (a POST that creates something). */
  takesIdempotencyKey: boolean;
  /** It names a workspace (a `business_id` in the query or the body, or an id inside one). */
  workspaceScoped: boolean;
  /** The per-address rate limit (or a tighter one of its own) applies. */
  rateLimited: boolean;
  /** The rules of its service (`DOMAIN_PROBLEMS`). */
  domain: readonly ErrorCode[];
}

/**
 * Every problem code an operation can answer, in the order of ERROR_CODES. Derived from its shape, so a
 * new route documents the common answers without a line of its own.
 */
export function problemCodes(facts: OperationFacts): ErrorCode[] {
  const codes = new Set<ErrorCode>(['internal_error', 'service_unavailable', ...facts.domain]);
  if (facts.hasInput) codes.add('validation_failed');
  if (facts.hasJsonBody) {
    // Not JSON, the wrong content type (415), or over BODY_LIMIT_BYTES.
    codes.add('malformed_body');
    codes.add('body_too_large');
  }
  if (facts.hasMultipartBody) {
    codes.add('unsupported_media_type');
    codes.add('media_too_large');
    codes.add('body_too_large');
  }
  if (facts.authenticated) {
    codes.add('unauthenticated');
    // A role that does not allow the action, or an API key on an account's own settings.
    codes.add('forbidden');
  }
  if (facts.authenticated && facts.workspaceScoped) codes.add('two_factor_required');
  if (facts.hasPathParameters || (facts.authenticated && facts.workspaceScoped)) codes.add('not_found');
  if (facts.rateLimited) codes.add('rate_limited');
  if (facts.takesIdempotencyKey) {
    // The key reused for another request, its first request still running, or its answer lost in a crash.
    codes.add('idempotency_key_reused');
    codes.add('idempotency_key_in_progress');
    codes.add('idempotency_answer_lost');
  }
  return ERROR_CODES.filter((code) => codes.has(code));
}

/** The status a code answers with: ERROR_STATUS, except the 415 Fastify gives JSON routes a wrong type. */
function statusesOf(code: ErrorCode, facts: OperationFacts): number[] {
  const statuses = [ERROR_STATUS[code].status];
  if (code === 'malformed_body' && facts.hasJsonBody) statuses.push(415);
  return statuses;
}

/** The codes an operation can answer, grouped by HTTP status (ascending). */
export function problemsByStatus(facts: OperationFacts): Map<number, ErrorCode[]> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of problemCodes(facts)) {
    for (const status of statusesOf(code, facts))
      byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return new Map([...byStatus].sort(([a], [b]) => a - b));
}

/** Where the Problem schema sits in the document. */
export const PROBLEM_SCHEMA_REF = '#/components/schemas/Problem';

const RETRY_AFTER = {
  description: 'Seconds to wait before trying again.',
  schema: { type: 'integer', minimum: 1 },
};

/**
 * The OpenAPI response objects for an operation's problems: `application/problem+json` with the Problem
 * schema, its `code` narrowed to the codes of that status, each code named in the description.
 */
export function problemResponses(facts: OperationFacts): Record<string, unknown> {
  const responses: Record<string, unknown> = {};
  for (const [status, codes] of problemsByStatus(facts)) {
    const retryAfter =
      status === 429 || status === 503 || (status === 409 && codes.includes('idempotency_key_in_progress'));
    responses[String(status)] = {
      description: codes.map((code) => `\`${code}\`: ${ERROR_STATUS[code].title}.`).join(' '),
      ...(retryAfter ? { headers: { 'Retry-After': RETRY_AFTER } } : {}),
      content: {
        'application/problem+json': {
          schema: {
            allOf: [{ $ref: PROBLEM_SCHEMA_REF }, { type: 'object', properties: { code: { enum: codes } } }],
          },
        },
      },
    };
  }
  return responses;
}
