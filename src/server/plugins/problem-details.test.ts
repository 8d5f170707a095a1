import { validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import { buildProblem, resolveProblem } from './problem-details.js';

/** The error Fastify builds when the zod validator compiler rejects a request part. */
function zodValidationError(schema: z.ZodType, value: unknown, context = 'body') {
  const validate = validatorCompiler({ schema, method: 'POST', url: '/', httpPart: context });
  const result = validate(value) as { error?: unknown[] };
  if (!result.error) throw new Error('expected the value to fail');
  return Object.assign(new Error('validation'), {
    statusCode: 400,
    validation: result.error,
    validationContext: context,
  });
}

describe('resolveProblem', () => {
  it('keeps an AppError code, detail, field errors and Retry-After', () => {
    const error = new AppError('rate_limited', 'Slow down', { retryAfterSeconds: 30 });
    expect(resolveProblem(error)).toEqual({
      code: 'rate_limited',
      status: 429,
      title: 'Too many requests',
      detail: 'Slow down',
      retryAfterSeconds: 30,
      internal: false,
    });
  });

  it('shows the readable detail of an AI failure and keeps its diagnostics for the logs', () => {
    const error = new AppError('ai_provider_error', 'The model’s answer had dates we could not read.', {
      diagnostics: 'items.0.date: Invalid ISO date',
    });
    const resolved = resolveProblem(error);
    expect(resolved).toMatchObject({
      status: 502,
      internal: false,
      diagnostics: 'items.0.date: Invalid ISO date',
    });
    const problem = buildProblem(resolved, { url: '/api/ai/tasks/planCalendar', id: 'r1' });
    expect(problem.detail).toBe('The model’s answer had dates we could not read.');
    expect(JSON.stringify(problem)).not.toContain('items.0');
  });

  it('turns zod issues into dotted field paths, querystring as query', () => {
    const schema = z.object({ limit: z.coerce.number().int().max(100) });
    const resolved = resolveProblem(zodValidationError(schema, { limit: '500' }, 'querystring'));
    expect(resolved.code).toBe('validation_failed');
    expect(resolved.errors).toEqual([expect.objectContaining({ path: 'query.limit', code: 'too_big' })]);
  });

  it('splits unknown keys of a strict schema into one error per key', () => {
    const schema = z.strictObject({ profile: z.strictObject({ name: z.string() }) });
    const resolved = resolveProblem(
      zodValidationError(schema, { profile: { name: 'a', age: 3, role: 'x' } }),
    );
    expect(resolved.errors).toEqual([
      { path: 'body.profile.age', message: 'Unknown field', code: 'unrecognized_keys' },
      { path: 'body.profile.role', message: 'Unknown field', code: 'unrecognized_keys' },
    ]);
  });

  it('maps Fastify body errors to malformed_body, body_too_large and 415', () => {
    const ctp = (code: string, statusCode: number) => Object.assign(new Error(code), { code, statusCode });
    expect(resolveProblem(ctp('FST_ERR_CTP_INVALID_JSON_BODY', 400)).code).toBe('malformed_body');
    expect(resolveProblem(ctp('FST_ERR_CTP_BODY_TOO_LARGE', 413))).toMatchObject({
      code: 'body_too_large',
      status: 413,
    });
    expect(resolveProblem(ctp('FST_ERR_CTP_INVALID_MEDIA_TYPE', 415))).toMatchObject({
      code: 'malformed_body',
      status: 415,
    });
  });

  it('maps other client errors by status', () => {
    const withStatus = (statusCode: number) => Object.assign(new Error('nope'), { statusCode });
    expect(resolveProblem(withStatus(401)).code).toBe('unauthenticated');
    expect(resolveProblem(withStatus(403)).code).toBe('forbidden');
    expect(resolveProblem(withStatus(405))).toMatchObject({ code: 'validation_failed', status: 405 });
  });

  it('treats anything else, and any 5xx, as internal', () => {
    expect(resolveProblem(new Error('boom'))).toMatchObject({ code: 'internal_error', internal: true });
    expect(resolveProblem('a string')).toMatchObject({ code: 'internal_error', internal: true });
    const upstream = Object.assign(new Error('upstream said: secret'), { statusCode: 502 });
    expect(resolveProblem(upstream)).toMatchObject({ code: 'internal_error', status: 500 });
  });
});

describe('buildProblem', () => {
  it('sends the facts of a refusal beside its detail', () => {
    const error = new AppError('invalid_transition', 'A published item cannot be moved', {
      facts: { reason: 'published_item_locked', action: 'move' },
    });
    expect(buildProblem(resolveProblem(error), { url: '/api/content/1', id: 'req-1' })).toMatchObject({
      code: 'invalid_transition',
      detail: 'A published item cannot be moved',
      facts: { reason: 'published_item_locked', action: 'move' },
    });
  });

  it('uses the path without the query as instance and never shows an internal detail', () => {
    const problem = buildProblem(
      {
        code: 'internal_error',
        status: 500,
        title: 'Oops',
        detail: 'secret',
        facts: { reason: 'secret' },
        internal: true,
      },
      { url: '/api/x?token=abc', id: 'req-1' },
    );
    expect(problem).toEqual({
      type: 'https://mcc.dev/problems/internal_error',
      title: 'Oops',
      status: 500,
      instance: '/api/x',
      code: 'internal_error',
      request_id: 'req-1',
    });
  });
});
