/** Query keys for workspace data, nested so invalidating a workspace refreshes everything under it. */
export const workspaceKeys = {
  all: ['workspaces'] as const,
  list: () => [...workspaceKeys.all, 'list'] as const,
  detail: (businessId: string) => [...workspaceKeys.all, 'detail', businessId] as const,
  members: (businessId: string) => [...workspaceKeys.detail(businessId), 'members'] as const,
  invitations: (businessId: string) => [...workspaceKeys.detail(businessId), 'invitations'] as const,
  apiKeys: (businessId: string) => [...workspaceKeys.detail(businessId), 'api-keys'] as const,
  auditLog: (businessId: string) => [...workspaceKeys.detail(businessId), 'audit-log'] as const,
};
