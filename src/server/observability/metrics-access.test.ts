import { describe, expect, it } from 'vitest';
import { judgeMetricsRequest, metricsAccess } from './metrics-access.js';

const TOKEN = 'f3a9c1d7e5b2a8c4d6e0f1a3b5c7d9e2';
const settings = (env: 'development' | 'production' | 'test', token?: string) => ({
  env,
  metrics: { token, port: undefined, host: '127.0.0.1' },
});

describe('metrics access', () => {
  it('hides /metrics on the app port in production without a token, and opens it elsewhere', () => {
    expect(metricsAccess(settings('production'), 'app')).toEqual({ kind: 'hidden' });
    expect(metricsAccess(settings('production'), 'metrics-port')).toEqual({ kind: 'open' });
    expect(metricsAccess(settings('development'), 'app')).toEqual({ kind: 'open' });
    expect(metricsAccess(settings('test'), 'app')).toEqual({ kind: 'open' });
  });

  it('asks every request for the token when one is set, in every mode and on both ports', () => {
    for (const env of ['development', 'production'] as const) {
      for (const where of ['app', 'metrics-port'] as const) {
        const access = metricsAccess(settings(env, TOKEN), where);
        expect(judgeMetricsRequest(access, undefined)).toBe('unauthenticated');
        expect(judgeMetricsRequest(access, `Bearer ${TOKEN}x`)).toBe('unauthenticated');
        expect(judgeMetricsRequest(access, `Basic ${TOKEN}`)).toBe('unauthenticated');
        expect(judgeMetricsRequest(access, `Bearer ${TOKEN}`)).toBe('allowed');
        expect(judgeMetricsRequest(access, `bearer  ${TOKEN}`)).toBe('allowed');
      }
    }
    expect(judgeMetricsRequest({ kind: 'open' }, undefined)).toBe('allowed');
    expect(judgeMetricsRequest({ kind: 'hidden' }, `Bearer ${TOKEN}`)).toBe('hidden');
  });
});
