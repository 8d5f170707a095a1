import { describe, expect, it } from 'vitest';
import { takesIdempotencyKey } from './idempotency.plugin.js';

const bearer = [{ bearer: [] }];

describe('takesIdempotencyKey: which routes create something', () => {
  it('takes a POST behind the Bearer credential that answers 201 or 202', () => {
    expect(takesIdempotencyKey({ method: 'POST', schema: { security: bearer, response: { 201: {} } } })).toBe(
      true,
    );
    expect(
      takesIdempotencyKey({ method: 'POST', schema: { security: bearer, response: { 200: {}, 202: {} } } }),
    ).toBe(true);
  });

  it.each([
    ['a POST that answers 200', { method: 'POST', schema: { security: bearer, response: { 200: {} } } }],
    ['a public POST', { method: 'POST', schema: { security: [], response: { 201: {} } } }],
    ['a POST without security', { method: 'POST', schema: { response: { 201: {} } } }],
    ['a PUT', { method: 'PUT', schema: { security: bearer, response: { 201: {} } } }],
  ] as const)('leaves out %s', (_label, route) => {
    expect(takesIdempotencyKey(route)).toBe(false);
  });

  it('lets a route decide for itself', () => {
    expect(
      takesIdempotencyKey({
        method: 'POST',
        schema: { security: bearer, response: { 201: {} } },
        config: { idempotency: false },
      }),
    ).toBe(false);
    expect(
      takesIdempotencyKey({
        method: 'POST',
        schema: { security: bearer, response: { 200: {} } },
        config: { idempotency: true },
      }),
    ).toBe(true);
  });
});
