import type { NetworkProvider, NetworkResult, NetworkSession } from './provider.js';

// OAuth networks hand out access tokens that last hours (X: two). Rather than each provider checking the
// expiry before each call, every OAuth provider in the registry is wrapped once: a call made with a token
// that expires within the margin renews it first (through the provider's own `refresh`), stores the new
// pair through `session.onRenewed`, and goes on with it. A refused renewal is the call's `auth_expired`
// failure, so the caller marks the account for reconnecting as it does for a refused token. Networks whose
// token renews itself (Threads) declare `oauth.renewal`: renewed days ahead, without a refresh token.

/** How long before its expiry a token is renewed: a slow publication must not outlive its token. */
export const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * The provider, renewing expiring tokens before each call made with a session; providers without `oauth`
 * come back as they are.
 *
 * @example
 * const x = withFreshTokens(createXProvider(deps), deps.now);
 */
export function withFreshTokens<C>(
  provider: NetworkProvider<C>,
  now: () => Date,
  marginMs = REFRESH_MARGIN_MS,
): NetworkProvider<C> {
  if (!provider.oauth) return provider;
  const selfRenewing = provider.oauth.renewal;
  const ahead = selfRenewing?.aheadMs ?? marginMs;
  const fresh = async (session: NetworkSession): Promise<NetworkResult<NetworkSession>> => {
    const left = session.tokenExpiresAt ? Date.parse(session.tokenExpiresAt) - now().getTime() : Number.NaN;
    if (!(left <= ahead)) return { ok: true, value: session };
    if (selfRenewing) {
      // A lapsed token cannot renew itself: the network's own answer to the call says to reconnect.
      if (left <= 0) return { ok: true, value: session };
    } else if (!session.refreshToken || !session.oauthClient) {
      // Without a refresh token or the app it was issued to, the token is used until the network refuses it.
      return { ok: true, value: session };
    }
    const renewed = await provider.refresh(session);
    // A token that renews itself still works for days when a renewal is refused (Threads will not renew a
    // short-lived one): the call goes on with it.
    if (!renewed.ok) return selfRenewing ? { ok: true, value: session } : renewed;
    // The stored pair first: X's refresh tokens are single-use, the old one is already spent.
    await session.onRenewed?.(renewed.value);
    return { ok: true, value: { ...session, ...renewed.value, onRenewed: session.onRenewed } };
  };
  return {
    ...provider,
    connect: (credentials) => provider.connect(credentials),
    refresh: (session) => provider.refresh(session),
    ...(provider.targets ? { targets: provider.targets.bind(provider) } : {}),
    async publish(session, publication) {
      const opened = await fresh(session);
      return opened.ok ? provider.publish(opened.value, publication) : opened;
    },
    async metrics(session, remoteId) {
      const opened = await fresh(session);
      return opened.ok ? provider.metrics(opened.value, remoteId) : opened;
    },
    async mentions(session, since) {
      const opened = await fresh(session);
      return opened.ok ? provider.mentions(opened.value, since) : opened;
    },
    async reply(session, reply) {
      const opened = await fresh(session);
      return opened.ok ? provider.reply(opened.value, reply) : opened;
    },
  };
}
