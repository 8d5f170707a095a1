import type { Job } from '#shared/jobs.schema.js';

/** How often a screen showing a job at work checks on it. */
export const ACTIVE_JOB_POLL_MS = 5_000;

/**
 * How often to fetch jobs again while one of them is at work (running, or queued and due): `false` once
 * none is. Live events refresh them at once, but one lost with a dropped socket (or sent by a server from
 * before `job.completed` waited for the stored state) would leave the screen on "Running" for good.
 *
 * @example useQuery({ …, refetchInterval: (query) => pollWhileAtWork(query.state.data ? [query.state.data] : []) })
 */
export function pollWhileAtWork(
  jobs: readonly Pick<Job, 'state' | 'run_at'>[],
  now = Date.now(),
): number | false {
  const atWork = jobs.some(
    (job) => job.state === 'running' || (job.state === 'queued' && Date.parse(job.run_at) <= now),
  );
  return atWork ? ACTIVE_JOB_POLL_MS : false;
}
