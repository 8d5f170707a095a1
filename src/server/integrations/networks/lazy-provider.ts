import type { NetworkProvider } from './provider.js';

/**
 * A provider whose module is loaded on its first call. The Bluesky SDK (its lexicons) took about a fifth of
 * the server's start-up, paid by every process (each `mcc` command, each worker) whether or not a workspace
 * has a Bluesky account. Only for networks connected with a form: an OAuth provider's `oauth` and `targets`
 * are read before any call.
 *
 * @example
 * const bluesky = lazyProvider(async () => (await import('./bluesky/bluesky-provider.js')).createBlueskyProvider(deps));
 */
export function lazyProvider(load: () => Promise<NetworkProvider>): NetworkProvider {
  let loaded: Promise<NetworkProvider> | undefined;
  const provider = () => {
    loaded ??= load();
    return loaded;
  };
  return {
    connect: async (credentials) => (await provider()).connect(credentials),
    refresh: async (session) => (await provider()).refresh(session),
    publish: async (session, publication) => (await provider()).publish(session, publication),
    metrics: async (session, remoteId) => (await provider()).metrics(session, remoteId),
    mentions: async (session, since) => (await provider()).mentions(session, since),
    reply: async (session, reply) => (await provider()).reply(session, reply),
  };
}
