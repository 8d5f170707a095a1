/**
 * Query keys for channels, `['channels', businessId, …]`: live publishing and job events refresh a
 * workspace's accounts by that prefix (an account is marked for reconnecting when a post is refused; see
 * lib/realtime-invalidation.ts).
 */
export const channelsKeys = {
  workspace: (businessId: string) => ['channels', businessId] as const,
  accounts: (businessId: string) => [...channelsKeys.workspace(businessId), 'accounts'] as const,
  oauthNetworks: (businessId: string) => [...channelsKeys.workspace(businessId), 'oauth-networks'] as const,
  /** `src` carries the avatar's ETag: a new picture is a new key. */
  avatar: (businessId: string, src: string) =>
    [...channelsKeys.workspace(businessId), 'avatar', src] as const,
  oauthPick: (businessId: string, flowId: string) =>
    [...channelsKeys.workspace(businessId), 'oauth-pick', flowId] as const,
};
