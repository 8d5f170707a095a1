const DAY_MS = 86_400_000;

/**
 * How long finished jobs stay readable in `GET /api/jobs`, on both queues: succeeded and cancelled ones a
 * week, failed and dead ones (someone may still need the reason) a month. BullMQ removes its own after
 * that; the housekeeping job deletes the embedded queue's.
 */
export const JOB_RETENTION = { succeededMs: 7 * DAY_MS, failedMs: 30 * DAY_MS } as const;

/** The cut-off times for `now`: finished jobs older than these can go. */
export function retentionCutoffs(now: Date): { succeededBefore: string; failedBefore: string } {
  return {
    succeededBefore: new Date(now.getTime() - JOB_RETENTION.succeededMs).toISOString(),
    failedBefore: new Date(now.getTime() - JOB_RETENTION.failedMs).toISOString(),
  };
}
