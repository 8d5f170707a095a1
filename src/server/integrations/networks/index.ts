import type { NetworkId } from '#shared/network.schema.js';
import { createGuardedFetch } from '../guarded-fetch.js';
import type { OutboundGuard } from '../outbound-guard.js';
import { createDiscordProvider } from './discord/discord-provider.js';
import { createFacebookProvider } from './facebook/facebook-provider.js';
import { withFreshTokens } from './fresh-tokens.js';
import { createGoogleBusinessProvider } from './google-business/google-business-provider.js';
import { createInstagramProvider } from './instagram/instagram-provider.js';
import { lazyProvider } from './lazy-provider.js';
import { createLinkedInProvider } from './linkedin/linkedin-provider.js';
import { createMastodonProvider } from './mastodon/mastodon-provider.js';
import { createPinterestProvider } from './pinterest/pinterest-provider.js';
import type { NetworkProvider } from './provider.js';
import { createSlackProvider } from './slack/slack-provider.js';
import { createTelegramProvider } from './telegram/telegram-provider.js';
import { createThreadsProvider } from './threads/threads-provider.js';
import { createXProvider } from './x/x-provider.js';

export type {
  ConnectedAccount,
  MentionPage,
  NetworkFailure,
  NetworkImage,
  NetworkMedia,
  NetworkMediaLimits,
  NetworkMention,
  NetworkProvider,
  NetworkPublication,
  NetworkResult,
  NetworkSession,
  NetworkVideo,
  OAuthClient,
  OAuthSpec,
  OAuthTarget,
  OAuthTokens,
  PostMetrics,
  PublishedPart,
} from './provider.js';

/** One provider per network; a new network adds its id to NETWORK_IDS and an entry here. */
export type NetworkRegistry = Record<NetworkId, NetworkProvider>;

/** What the providers share. */
export interface NetworkDeps {
  /** Every call to a network passes it (and connects to the address it checked). */
  guard: OutboundGuard;
  timeoutMs: number;
  now: () => Date;
  /** Between looks at a Mastodon upload (or an Instagram or Threads container) still processing (tests shorten it). */
  mediaPollMs?: number;
  /**
   * Test seam: the wait between looks at a video X, LinkedIn or Pinterest is processing (real timers
   * otherwise), so a test needs no real time to pass.
   */
  videoWait?: (ms: number) => Promise<void>;
  /**
   * The API address of networks that have a single one, overridden (tests point them at the contract fakes in
   * test/support/networks/). A provider's OAuth URLs follow it.
   */
  baseUrls?: Partial<Record<NetworkId, string>>;
}

/**
 * @example
 * const networks = createNetworkRegistry({ guard, timeoutMs: 10_000, now });
 * await networks.mastodon.connect({ instance_url, access_token });
 * await networks.bluesky.connect({ handle, app_password, pds_url });
 */
export function createNetworkRegistry(deps: NetworkDeps): NetworkRegistry {
  const fetch = createGuardedFetch(deps.guard);
  const http = {
    fetch,
    timeoutMs: deps.timeoutMs,
    now: deps.now,
    ...(deps.videoWait ? { wait: deps.videoWait } : {}),
  };
  const at = (network: NetworkId) => {
    const baseUrl = deps.baseUrls?.[network];
    return baseUrl === undefined ? http : { ...http, baseUrl };
  };
  const meta = (network: NetworkId) => ({
    fetch,
    timeoutMs: deps.timeoutMs,
    now: deps.now,
    ...(deps.mediaPollMs === undefined ? {} : { mediaPollMs: deps.mediaPollMs }),
    ...(deps.baseUrls?.[network] === undefined
      ? {}
      : { baseUrl: deps.baseUrls[network].replace(/\/+$/, '') }),
  });
  const registry: NetworkRegistry = {
    mastodon: createMastodonProvider({
      fetch,
      timeoutMs: deps.timeoutMs,
      now: deps.now,
      ...(deps.mediaPollMs === undefined ? {} : { mediaPollMs: deps.mediaPollMs }),
    }) as NetworkProvider,
    bluesky: lazyProvider(
      async () =>
        (await import('./bluesky/bluesky-provider.js')).createBlueskyProvider({
          fetch,
          timeoutMs: deps.timeoutMs,
          now: deps.now,
        }) as NetworkProvider,
    ),
    linkedin: createLinkedInProvider(at('linkedin')) as NetworkProvider,
    pinterest: createPinterestProvider(at('pinterest')) as NetworkProvider,
    google_business: createGoogleBusinessProvider(at('google_business')) as NetworkProvider,
    facebook: createFacebookProvider(meta('facebook')) as NetworkProvider,
    instagram: createInstagramProvider(meta('instagram')) as NetworkProvider,
    threads: createThreadsProvider(meta('threads')) as NetworkProvider,
    x: createXProvider({
      ...http,
      ...(deps.baseUrls?.x ? { apiBaseUrl: deps.baseUrls.x } : {}),
    }) as NetworkProvider,
    telegram: createTelegramProvider(at('telegram')) as NetworkProvider,
    discord: createDiscordProvider(at('discord')) as NetworkProvider,
    slack: createSlackProvider(at('slack')) as NetworkProvider,
  };
  return withFreshTokensEverywhere(registry, deps.now);
}

/**
 * Every OAuth provider renews a token about to expire before using it (fresh-tokens.ts); a registry
 * built elsewhere (tests) gets the same by passing through here.
 */
export function withFreshTokensEverywhere(registry: NetworkRegistry, now: () => Date): NetworkRegistry {
  return Object.fromEntries(
    Object.entries(registry).map(([id, provider]) => [id, withFreshTokens(provider, now)]),
  ) as NetworkRegistry;
}
