import { expect, it } from 'vitest';
import { lazyProvider } from './lazy-provider.js';
import type { NetworkProvider, NetworkSession } from './provider.js';

it('loads the provider once, on its first call, and hands every call to it', async () => {
  let loads = 0;
  const calls: string[] = [];
  const real: NetworkProvider = {
    connect: async (credentials) => {
      calls.push(`connect ${JSON.stringify(credentials)}`);
      return { ok: false, failure: { kind: 'rejected', message: 'no', statusCode: 400, retryAt: null } };
    },
    refresh: async (session) => ({ ok: true, value: session }),
    publish: async () => ({ ok: true, value: [] }),
    metrics: async (_session, remoteId) => {
      calls.push(`metrics ${remoteId}`);
      return {
        ok: true,
        value: { impressions: 1, reach: null, likes: 2, comments: 0, shares: 0, clicks: null },
      };
    },
    mentions: async () => ({ ok: true, value: { mentions: [], cursor: null } }),
    reply: async () => ({ ok: true, value: { position: 0, remoteId: 'r', url: null } }),
  };
  const lazy = lazyProvider(async () => {
    loads += 1;
    return real;
  });
  expect(loads).toBe(0);
  const session = { remoteAccountId: 'a' } as NetworkSession;
  const [connected, metrics] = await Promise.all([
    lazy.connect({ handle: 'x' }),
    lazy.metrics(session, 'p1'),
  ]);
  expect(connected.ok).toBe(false);
  expect(metrics).toMatchObject({ ok: true, value: { likes: 2 } });
  await lazy.refresh(session);
  expect(loads).toBe(1);
  expect(calls).toEqual(['connect {"handle":"x"}', 'metrics p1']);
});
