import type { TFunction } from 'i18next';
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
 * The toast a job event deserves, if any, in the reader's language. Work people wait for (an AI calendar)
 * is announced when it finishes, and when an attempt fails; background work (webhook deliveries run by the
 * hundred) only when it has given up, so nothing fails silently and nothing floods the corner. A
 * publication is announced by its content events instead, so it is never announced twice.
 *
 * @example
 * jobToast({ type: 'job.completed', data: { job_id: 'j1', name: 'calendar.generate' }, … }, t);
 * // { message: 'Content calendar finished.', tone: 'success', jobId: 'j1' }
 */
export function jobToast(event: LiveEvent, t: TFunction<'jobs'>): JobToast | undefined {
  if (event.type !== 'job.completed' && event.type !== 'job.failed') return undefined;
  const { job_id: jobId, name } = event.data;
  if (isSilent(name)) return undefined;
  const job = jobLabel(name, t);
  if (event.type === 'job.completed') {
    return isAnnounced(name) ? { message: t('toast.finished', { job }), tone: 'success', jobId } : undefined;
  }
  const reason = sentence(event.data.error);
  if (event.data.will_retry) {
    return isAnnounced(name)
      ? { message: t('toast.failedWillRetry', { job, reason }), tone: 'info', jobId }
      : undefined;
  }
  return { message: t('toast.failed', { job, reason }), tone: 'danger', jobId };
}
