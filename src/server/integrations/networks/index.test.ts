import { expect, it } from 'vitest';
import { createOutboundGuard } from '../outbound-guard.js';
import { createNetworkRegistry } from './index.js';

it('points the single-address networks, OAuth URLs included, at the base URLs tests give', () => {
  const guard = createOutboundGuard({ allowedHosts: ['127.0.0.1'] });
  const now = () => new Date();
  const fakes = createNetworkRegistry({
    guard,
    timeoutMs: 1000,
    now,
    baseUrls: {
      linkedin: 'http://127.0.0.1:4001',
      pinterest: 'http://127.0.0.1:4002/',
      google_business: 'http://127.0.0.1:4003',
    },
  });
  expect(fakes.linkedin.oauth?.tokenUrl).toBe('http://127.0.0.1:4001/oauth/v2/accessToken');
  expect(fakes.pinterest.oauth?.authorizeUrl).toBe('http://127.0.0.1:4002/oauth/');
  expect(fakes.google_business.oauth?.tokenUrl).toBe('http://127.0.0.1:4003/token');

  const real = createNetworkRegistry({ guard, timeoutMs: 1000, now });
  expect(real.linkedin.oauth?.authorizeUrl).toBe('https://www.linkedin.com/oauth/v2/authorization');
  expect(real.pinterest.oauth?.tokenUrl).toBe('https://api.pinterest.com/v5/oauth/token');
  expect(real.google_business.oauth?.authorizeUrl).toBe('https://accounts.google.com/o/oauth2/v2/auth');
  // Networks connected with a form describe no OAuth flow.
  expect(real.mastodon.oauth).toBeUndefined();
});

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
