import { describe, expect, it } from 'vitest';
import { withFreshTokens } from './fresh-tokens.js';
import type { NetworkProvider, NetworkResult, NetworkSession } from './provider.js';

// The renewal wrapper alone, around a provider that records what it was called with: which calls renew
// first, what is stored, and what a refused renewal does. (X's provider test runs it against X's fake.)

const NOW = new Date('2026-12-01T10:00:00.000Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000).toISOString();

function recordingProvider(
  renewal: NetworkResult<NetworkSession> | null,
  oauth = true,
  selfRenewing: { withAccessToken: true; aheadMs: number } | null = null,
) {
  const tokensUsed: string[] = [];
  let refreshes = 0;
  const provider: NetworkProvider = {
    ...(oauth
      ? {
          oauth: {
            authorizeUrl: 'https://network.example/authorize',
            tokenUrl: 'https://network.example/token',
            scopes: ['write'],
            scopeSeparator: ' ',
            pkce: true,
            clientAuth: 'basic',
            ...(selfRenewing ? { renewal: selfRenewing } : {}),
          },
        }
      : {}),
    connect: async () => ({
      ok: false,
      failure: { kind: 'rejected', message: 'unused', statusCode: null, retryAt: null },
    }),
    refresh: async (session) => {
      refreshes += 1;
      return renewal ?? { ok: true, value: session };
    },
    publish: async (session) => {
      tokensUsed.push(session.accessToken);
      return { ok: true, value: [] };
    },
    metrics: async (session) => {
      tokensUsed.push(session.accessToken);
      return {
        ok: true,
        value: { impressions: null, reach: null, clicks: null, likes: 0, comments: 0, shares: 0 },
      };
    },
    mentions: async (session) => {
      tokensUsed.push(session.accessToken);
      return { ok: true, value: { mentions: [], cursor: null } };
    },
    reply: async (session) => {
      tokensUsed.push(session.accessToken);
      return { ok: true, value: { position: 0, remoteId: '1', url: null } };
    },
  };
  return { provider, tokensUsed, refreshes: () => refreshes };
}

function session(expiresAt: string | null, stored: NetworkSession[] = []): NetworkSession {
  return {
    baseUrl: '',
    accessToken: 'old',
    refreshToken: 'refresh-1',
    tokenExpiresAt: expiresAt,
    remoteAccountId: '42',
    handle: '@shop',
    oauthClient: { clientId: 'app', clientSecret: 'secret' },
    onRenewed: async (renewed) => {
      stored.push(renewed);
    },
  };
}

describe('withFreshTokens', () => {
  it('renews a token expiring within the margin before the call, stores it, and calls with the new one', async () => {
    const renewed = { ...session(minutes(120)), accessToken: 'new', refreshToken: 'refresh-2' };
    const { provider, tokensUsed, refreshes } = recordingProvider({ ok: true, value: renewed });
    const stored: NetworkSession[] = [];
    const fresh = withFreshTokens(provider, () => NOW);

    await fresh.metrics(session(minutes(4), stored), '1');
    expect(refreshes()).toBe(1);
    expect(stored.map((s) => s.accessToken)).toEqual(['new']);
    expect(tokensUsed).toEqual(['new']);

    // Far from expiry, without expiry, or without the app: the token is used as it is.
    await fresh.reply(session(minutes(30)), {
      inReplyTo: '1',
      text: 'hi',
      idempotencyKey: 'k',
      writtenAt: NOW.toISOString(),
    });
    await fresh.mentions(session(null), null);
    await fresh.publish({ ...session(minutes(1)), oauthClient: null }, {} as never);
    expect(refreshes()).toBe(1);
    expect(tokensUsed).toEqual(['new', 'old', 'old', 'old']);
  });

  it('answers a refused renewal as the call’s failure, without calling the network with the old token', async () => {
    const refused = {
      kind: 'auth_expired' as const,
      message: 'X refused to renew the token',
      statusCode: 400,
      retryAt: null,
    };
    const { provider, tokensUsed } = recordingProvider({ ok: false, failure: refused });
    const result = await withFreshTokens(provider, () => NOW).publish(session(minutes(-10)), {} as never);
    expect(result).toEqual({ ok: false, failure: refused });
    expect(tokensUsed).toEqual([]);
  });

  it('renews a token that renews itself days ahead without a refresh token, and goes on with it when refused', async () => {
    const days = (n: number) => minutes(n * 24 * 60);
    const ahead = { withAccessToken: true as const, aheadMs: 10 * 24 * 3_600_000 };
    const selfRenewed = (expiresAt: string, stored: NetworkSession[] = []) => ({
      ...session(expiresAt, stored),
      refreshToken: null,
      oauthClient: null,
    });
    const renewed = { ...selfRenewed(days(60)), accessToken: 'new' };
    const { provider, tokensUsed, refreshes } = recordingProvider({ ok: true, value: renewed }, true, ahead);
    const stored: NetworkSession[] = [];
    const fresh = withFreshTokens(provider, () => NOW);
    await fresh.metrics(selfRenewed(days(30)), '1');
    await fresh.metrics(selfRenewed(days(5), stored), '1');
    // A lapsed token cannot renew itself: the network's answer to the call says so.
    await fresh.metrics(selfRenewed(minutes(-1)), '1');
    expect(refreshes()).toBe(1);
    expect(stored.map((s) => s.accessToken)).toEqual(['new']);
    expect(tokensUsed).toEqual(['old', 'new', 'old']);

    const refusing = recordingProvider(
      { ok: false, failure: { kind: 'rejected', message: 'not renewable', statusCode: 400, retryAt: null } },
      true,
      ahead,
    );
    const result = await withFreshTokens(refusing.provider, () => NOW).metrics(selfRenewed(days(2)), '1');
    expect(result.ok).toBe(true);
    expect(refusing.tokensUsed).toEqual(['old']);
  });

  it('leaves providers without OAuth as they are', () => {
    const { provider } = recordingProvider(null, false);
    expect(withFreshTokens(provider, () => NOW)).toBe(provider);
  });
});
