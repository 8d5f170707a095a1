import { expect, it } from 'vitest';
import { createOutboundGuard } from '../outbound-guard.js';
import { createNetworkRegistry } from './index.js';

it('describes the OAuth flow of the networks connected through it, following a base-URL override', () => {
  const deps = {
    guard: createOutboundGuard({ allowedHosts: ['127.0.0.1'] }),
    timeoutMs: 1_000,
    now: () => new Date(),
  };
  const real = createNetworkRegistry(deps);
  expect(real.facebook.oauth?.tokenUrl).toBe('https://graph.facebook.com/v21.0/oauth/access_token');
  expect(real.instagram.oauth?.authorizeUrl).toBe('https://www.facebook.com/v21.0/dialog/oauth');
  expect(real.threads.oauth?.authorizeUrl).toBe('https://threads.net/oauth/authorize');
  expect(real.threads.oauth?.tokenUrl).toBe('https://graph.threads.net/oauth/access_token');
  expect(real.mastodon.oauth).toBeUndefined();

  const fake = 'http://127.0.0.1:9999';
  const overridden = createNetworkRegistry({
    ...deps,
    baseUrls: { facebook: `${fake}/`, instagram: fake, threads: fake },
  });
  expect(overridden.facebook.oauth?.authorizeUrl).toBe(`${fake}/v21.0/dialog/oauth`);
  expect(overridden.instagram.oauth?.tokenUrl).toBe(`${fake}/v21.0/oauth/access_token`);
  expect(overridden.threads.oauth?.authorizeUrl).toBe(`${fake}/oauth/authorize`);
  expect(typeof overridden.facebook.targets).toBe('function');
  expect(typeof overridden.instagram.targets).toBe('function');
  expect(overridden.threads.targets).toBeUndefined();
});
