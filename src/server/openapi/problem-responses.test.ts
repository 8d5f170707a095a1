import { describe, expect, it } from 'vitest';
import { type OperationFacts, problemResponses, problemsByStatus } from './problem-responses.js';

const bare: OperationFacts = {
  authenticated: false,
  hasPathParameters: false,
  hasInput: false,
  hasJsonBody: false,
  hasMultipartBody: false,
  takesIdempotencyKey: false,
  workspaceScoped: false,
  rateLimited: false,
  domain: [],
};

describe('problem responses derived from an operation’s shape', () => {
  it('gives an operation without input, credential or limit only the server’s own failures', () => {
    expect(Object.fromEntries(problemsByStatus(bare))).toEqual({
      500: ['internal_error'],
      503: ['service_unavailable'],
    });
  });

  it('adds 400/413/415 for a JSON body, 401/403 for a credential, 404 and two-factor inside a workspace, 429 for a limit', () => {
    const byStatus = problemsByStatus({
      ...bare,
      authenticated: true,
      hasInput: true,
      hasJsonBody: true,
      hasPathParameters: true,
      workspaceScoped: true,
      rateLimited: true,
      domain: ['version_conflict'],
    });
    expect(Object.fromEntries(byStatus)).toEqual({
      400: ['validation_failed', 'malformed_body'],
      401: ['unauthenticated'],
      403: ['forbidden', 'two_factor_required'],
      404: ['not_found'],
      409: ['version_conflict'],
      413: ['body_too_large'],
      415: ['malformed_body'],
      429: ['rate_limited'],
      500: ['internal_error'],
      503: ['service_unavailable'],
    });
  });

  it('documents an upload’s size and type refusals', () => {
    const byStatus = problemsByStatus({ ...bare, hasInput: true, hasMultipartBody: true });
    expect(byStatus.get(413)).toEqual(['body_too_large', 'media_too_large']);
    expect(byStatus.get(415)).toEqual(['unsupported_media_type']);
  });

  it('keeps a public operation that names a workspace free of sign-in problems', () => {
    const byStatus = problemsByStatus({
      ...bare,
      hasInput: true,
      hasPathParameters: true,
      workspaceScoped: true,
    });
    expect(byStatus.has(401)).toBe(false);
    expect(byStatus.has(403)).toBe(false);
    expect(byStatus.get(404)).toEqual(['not_found']);
  });

  it('answers problem+json with the Problem schema narrowed to the status’s codes, and Retry-After on 429', () => {
    const responses = problemResponses({ ...bare, rateLimited: true }) as Record<
      string,
      Record<string, unknown>
    >;
    expect(responses['429']).toEqual({
      description: '`rate_limited`: Too many requests.',
      headers: { 'Retry-After': expect.objectContaining({ schema: { type: 'integer', minimum: 1 } }) },
      content: {
        'application/problem+json': {
          schema: {
            allOf: [
              { $ref: '#/components/schemas/Problem' },
              { type: 'object', properties: { code: { enum: ['rate_limited'] } } },
            ],
          },
        },
      },
    });
  });
});
