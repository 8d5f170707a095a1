import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorCode } from '#shared/error-codes.js';
import type { FieldError, Problem } from '#shared/problem.schema.js';
import { ruleFieldMessage } from '#shared/rule-field-messages.js';
import { AppError, ERROR_STATUS } from '../errors/app-error.js';

/** RFC 9457 media type; every error body the app sends has it. */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** A stable, documented URI per error code (RFC 9457 `type`). */
export function problemType(code: ErrorCode): string {
  return `https://mcc.dev/problems/${code}`;
}

/** What the error handler decided about an error, before it knows the request. */
export interface ResolvedProblem {
  code: ErrorCode;
  status: number;
  title: string;
  detail?: string;
  errors?: FieldError[];
  facts?: Record<string, unknown>;
  retryAfterSeconds?: number;
  /** An unexpected failure: log it in full, tell the client nothing but the request id. */
  internal: boolean;
  /** The technical account of an expected failure (an AI answer's schema problems): for the logs only. */
  diagnostics?: string;
}

/**
 * 5xx codes whose `detail` is written for people (what went wrong with the AI or email, what to do next): the
 * client sees it. Any other 5xx is internal and its detail stays in the logs.
 */
const PUBLIC_5XX: ReadonlySet<ErrorCode> = new Set([
  'ai_provider_error',
  'ai_unavailable',
  'mail_unavailable',
]);

/** A raw error as Fastify, its plugins and zod hand it over: only the fields we inspect. */
interface ErrorLike {
  code?: unknown;
  statusCode?: unknown;
  message?: unknown;
  validation?: unknown;
  validationContext?: unknown;
}

/**
 * Decide the problem for any thrown value: an `AppError` keeps its code; validation errors become field
 * errors; Fastify's own 4xx errors map to the nearest code; everything else is an internal error.
 *
 * @example
 * resolveProblem(new AppError('not_found')); // { code: 'not_found', status: 404, ... }
 */
export function resolveProblem(error: unknown): ResolvedProblem {
  if (error instanceof AppError) {
    return {
      code: error.code,
      status: error.status,
      title: ERROR_STATUS[error.code].title,
      ...(error.detail === undefined ? {} : { detail: error.detail }),
      ...(error.options.errors ? { errors: error.options.errors } : {}),
      ...(error.options.facts ? { facts: error.options.facts } : {}),
      ...(error.options.retryAfterSeconds === undefined
        ? {}
        : { retryAfterSeconds: error.options.retryAfterSeconds }),
      ...(error.options.diagnostics === undefined ? {} : { diagnostics: error.options.diagnostics }),
      internal: error.status >= 500 && !PUBLIC_5XX.has(error.code),
    };
  }
  const raw: ErrorLike = typeof error === 'object' && error !== null ? error : {};
  if (Array.isArray(raw.validation) && raw.validation.length > 0) {
    return {
      ...fromCode('validation_failed'),
      errors: fieldErrorsFrom(error, contextPrefix(raw.validationContext)),
    };
  }
  const status = typeof raw.statusCode === 'number' ? raw.statusCode : 500;
  if (status < 400 || status >= 500) return fromCode('internal_error');

  // A client error from Fastify or a plugin: its message describes the client's own input, so it is safe.
  const detail = typeof raw.message === 'string' && raw.message !== '' ? raw.message : undefined;
  const withDetail = detail === undefined ? {} : { detail };
  if (status === 413 || raw.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return fromCode('body_too_large');
  if (status === 415)
    return { ...fromCode('malformed_body'), status, title: 'Unsupported content type', ...withDetail };
  if (typeof raw.code === 'string' && raw.code.startsWith('FST_ERR_CTP_')) {
    return { ...fromCode('malformed_body'), ...withDetail };
  }
  if (status === 400 && error instanceof SyntaxError) return { ...fromCode('malformed_body'), ...withDetail };
  const code = CODE_BY_CLIENT_STATUS[status];
  if (code) return { ...fromCode(code), ...withDetail };
  return { ...fromCode('validation_failed'), status, ...withDetail };
}

const CODE_BY_CLIENT_STATUS: Partial<Record<number, ErrorCode>> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  429: 'rate_limited',
};

function fromCode(code: ErrorCode): ResolvedProblem {
  const { status, title } = ERROR_STATUS[code];
  return { code, status, title, internal: status >= 500 };
}

/** Assemble the RFC 9457 body for one request. */
export function buildProblem(resolved: ResolvedProblem, request: { url: string; id: string }): Problem {
  return {
    type: problemType(resolved.code),
    title: resolved.title,
    status: resolved.status,
    ...(resolved.detail === undefined || resolved.internal ? {} : { detail: resolved.detail }),
    instance: request.url.split('?', 1)[0] ?? request.url,
    code: resolved.code,
    request_id: request.id,
    ...(resolved.errors && resolved.errors.length > 0 ? { errors: resolved.errors } : {}),
    ...(resolved.facts === undefined || resolved.internal ? {} : { facts: resolved.facts }),
  };
}

// Fastify names the request part `querystring`; our field paths say `query.limit`.
function contextPrefix(context: unknown): string {
  if (context === 'querystring') return 'query';
  return typeof context === 'string' ? context : 'body';
}

/** A JSON pointer (`/items/0/name`) as a dotted path under its request part (`body.items.0.name`). */
function dottedPath(prefix: string, instancePath: unknown): string {
  const segments = typeof instancePath === 'string' ? instancePath.split('/').filter(Boolean) : [];
  return [prefix, ...segments].join('.');
}

/** zod's default message for a value that is absent. */
const MISSING = /received undefined$/;

function fieldErrorsFrom(error: unknown, prefix: string): FieldError[] {
  if (hasZodFastifySchemaValidationErrors(error)) {
    return error.validation.flatMap((issue): FieldError[] => {
      const path = dottedPath(prefix, issue.instancePath);
      const unknownKeys = issue.keyword === 'unrecognized_keys' ? issue.params.keys : undefined;
      // A strict schema reports all unknown keys as one issue on the parent; each key is its own field.
      if (Array.isArray(unknownKeys)) {
        return unknownKeys.map((key) => ({
          path: `${path}.${String(key)}`,
          message: ruleFieldMessage('unknownField'),
          code: 'unrecognized_keys',
        }));
      }
      // zod's own words for a missing field ("Invalid input: expected string, received undefined") are a
      // type error's; a person needs to know the field is required.
      const missing = issue.keyword === 'invalid_type' && MISSING.test(issue.message ?? '');
      const message = missing ? ruleFieldMessage('required') : (issue.message ?? 'Invalid value');
      return [{ path, message, code: issue.keyword }];
    });
  }
  const validation = (error as { validation: Array<Record<string, unknown>> }).validation;
  return validation.map((issue) => ({
    path: dottedPath(prefix, issue.instancePath),
    message: typeof issue.message === 'string' ? issue.message : 'Invalid value',
    code: typeof issue.keyword === 'string' ? issue.keyword : 'invalid',
  }));
}
