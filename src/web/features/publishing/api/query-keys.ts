/**
 * Query keys for publishing, `['publishing', businessId, …]`: live publishing and job events refresh a
 * workspace's connectors and attempts by that prefix (see lib/realtime-invalidation.ts).
 */
export const publishingKeys = {
  workspace: (businessId: string) => ['publishing', businessId] as const,
  connectors: (businessId: string) => [...publishingKeys.workspace(businessId), 'connectors'] as const,
  queues: (businessId: string) => [...publishingKeys.workspace(businessId), 'queues'] as const,
  attempts: (businessId: string, itemId: string) =>
    [...publishingKeys.workspace(businessId), 'attempts', itemId] as const,
};
