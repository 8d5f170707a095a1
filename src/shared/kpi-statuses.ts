// Apart from analytics.schema.ts (which re-exports it) so that the notification bell, on every workspace
// page, can name a KPI's status without building every analytics schema.

/** `not_started`: the campaign has not begun, so there is no pace to judge (the forecast's chance still shows). */
export const KPI_STATUSES = ['met', 'on_track', 'at_risk', 'behind', 'not_started', 'no_forecast'] as const;

export type KpiStatus = (typeof KPI_STATUSES)[number];
