/** Query keys of the dashboard, per workspace (live events refresh `['dashboard', businessId]`). */
export const dashboardKeys = {
  all: ['dashboard'] as const,
  workspace: (businessId: string) => [...dashboardKeys.all, businessId] as const,
  attention: (businessId: string) => [...dashboardKeys.workspace(businessId), 'attention'] as const,
};
