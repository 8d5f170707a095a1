import type { LiveEvent } from '#shared/events.schema.js';
import { isAnnounced, isSilent, jobLabel } from './components/job-format.js';

/** A toast to show for a live event. */
export interface JobToast {
  message: string;
  tone: 'success' | 'danger' | 'info';
  jobId: string;
}

/** "Budget exceeded" → "Budget exceeded."; a message that already ends a sentence is left alone. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * The toast a job event deserves, if any. Work people wait for (an AI calendar) is
 * announced when it finishes, and when an attempt fails; background work (webhook deliveries run by the
 * hundred) only when it has given up, so nothing fails silently and nothing floods the corner. A
 * publication is announced by its content events instead, so it is never announced twice.
 *
 * @example
 * jobToast({ type: 'job.completed', data: { job_id: 'j1', name: 'calendar.generate' }, … });
 * // { message: 'Content calendar finished.', tone: 'success', jobId: 'j1' }
 */
export function jobToast(event: LiveEvent): JobToast | undefined {
  if (event.type !== 'job.completed' && event.type !== 'job.failed') return undefined;
  const { job_id: jobId, name } = event.data;
  if (isSilent(name)) return undefined;
  const label = jobLabel(name);
  if (event.type === 'job.completed') {
    return isAnnounced(name) ? { message: `${label} finished.`, tone: 'success', jobId } : undefined;
  }
  const reason = sentence(event.data.error);
  if (event.data.will_retry) {
    return isAnnounced(name)
      ? { message: `${label} failed: ${reason} It will be retried.`, tone: 'info', jobId }
      : undefined;
  }
  return { message: `${label} failed: ${reason}`, tone: 'danger', jobId };
}
