import { describe, expect, it } from 'vitest';
import { requestFingerprint } from './request-fingerprint.js';

const base = {
  method: 'POST',
  route: '/api/campaign/',
  params: {},
  query: {},
  body: { business_id: 'b', name: 'Spring', kpis: [{ metric: 'orders', target: 1 }] },
};

describe('requestFingerprint', () => {
  it('is the same for the same request whatever the order of its keys', () => {
    const reordered = {
      ...base,
      body: { kpis: [{ target: 1, metric: 'orders' }], name: 'Spring', business_id: 'b' },
    };
    expect(requestFingerprint(reordered)).toBe(requestFingerprint(base));
    expect(requestFingerprint(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ignores members that are undefined, as JSON does', () => {
    expect(requestFingerprint({ ...base, body: { ...base.body, note: undefined } })).toBe(
      requestFingerprint(base),
    );
  });

  it.each([
    ['another body value', { body: { ...base.body, name: 'Autumn' } }],
    ['another array order', { body: { ...base.body, kpis: [{ metric: 'orders', target: 1 }, null] } }],
    ['another route', { route: '/api/content' }],
    ['another method', { method: 'PUT' }],
    ['another path parameter', { params: { id: 'x' } }],
    ['another query', { query: { business_id: 'c' } }],
    ['no body', { body: undefined }],
  ])('changes with %s', (_label, change) => {
    expect(requestFingerprint({ ...base, ...change })).not.toBe(requestFingerprint(base));
  });

  it('reads dates as their JSON text', () => {
    const at = '2026-03-01T00:00:00.000Z';
    expect(requestFingerprint({ ...base, body: { at: new Date(at) } })).toBe(
      requestFingerprint({ ...base, body: { at } }),
    );
  });
});
