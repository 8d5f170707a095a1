// Jobs a screen is following in place (the calendar dialog shows its job's progress and outcome). Their
// outcome is already on screen, so announcing it again in a toast would show the same news twice.

const followed = new Map<string, number>();

/**
 * Mark `jobId` as shown on screen until the returned function is called (an effect's cleanup).
 *
 * @example
 * useEffect(() => followJobOnScreen(jobId), [jobId]);
 */
export function followJobOnScreen(jobId: string): () => void {
  followed.set(jobId, (followed.get(jobId) ?? 0) + 1);
  return () => {
    const count = (followed.get(jobId) ?? 1) - 1;
    if (count > 0) followed.set(jobId, count);
    else followed.delete(jobId);
  };
}

/** Whether some screen shows `jobId` right now. */
export function isJobFollowedOnScreen(jobId: string): boolean {
  return followed.has(jobId);
}
