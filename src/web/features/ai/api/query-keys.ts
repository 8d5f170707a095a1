/** Query keys for AI data, nested per workspace so one invalidation refreshes usage, calls and budget. */
export const aiKeys = {
  all: ['ai'] as const,
  workspace: (businessId: string) => [...aiKeys.all, businessId] as const,
  usage: (businessId: string, from: string, to: string) =>
    [...aiKeys.workspace(businessId), 'usage', from, to] as const,
  calls: (businessId: string) => [...aiKeys.workspace(businessId), 'calls'] as const,
  budget: (businessId: string) => [...aiKeys.workspace(businessId), 'budget'] as const,
  provider: (businessId: string) => [...aiKeys.workspace(businessId), 'provider'] as const,
};
