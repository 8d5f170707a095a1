import type { NetworkId } from '#shared/network.schema.js';
import { createGuardedFetch } from '../guarded-fetch.js';
import type { OutboundGuard } from '../outbound-guard.js';
import { createBlueskyProvider } from './bluesky/bluesky-provider.js';
import { createDiscordProvider } from './discord/discord-provider.js';
import { createMastodonProvider } from './mastodon/mastodon-provider.js';
import type { NetworkProvider } from './provider.js';
import { createSlackProvider } from './slack/slack-provider.js';
import { createTelegramProvider } from './telegram/telegram-provider.js';

export type {
  ConnectedAccount,
  MentionPage,
  NetworkFailure,
  NetworkMedia,
  NetworkMediaLimits,
  NetworkMention,
  NetworkProvider,
  NetworkPublication,
  NetworkResult,
  NetworkSession,
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
  /** Between looks at a Mastodon upload still processing (tests shorten it). */
  mediaPollMs?: number;
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
  const http = { fetch, timeoutMs: deps.timeoutMs, now: deps.now };
  const at = (network: NetworkId) => {
    const baseUrl = deps.baseUrls?.[network];
    return baseUrl === undefined ? {} : { baseUrl };
  };
  return {
    mastodon: createMastodonProvider({
      fetch,
      timeoutMs: deps.timeoutMs,
      now: deps.now,
      ...(deps.mediaPollMs === undefined ? {} : { mediaPollMs: deps.mediaPollMs }),
    }) as NetworkProvider,
    bluesky: createBlueskyProvider({ fetch, timeoutMs: deps.timeoutMs, now: deps.now }) as NetworkProvider,
    telegram: createTelegramProvider({ ...http, ...at('telegram') }) as NetworkProvider,
    discord: createDiscordProvider({ ...http, ...at('discord') }) as NetworkProvider,
    slack: createSlackProvider({ ...http, ...at('slack') }) as NetworkProvider,
  };
}
