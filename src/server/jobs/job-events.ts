import type { NewLiveEvent } from '#shared/events.schema.js';
import type { EventBus, EventPublisher } from '../realtime/event-bus.js';
import type { JobDefinitions } from './job-types.js';
import type { JobHandlerEntry } from './registry.js';
import { PostponeJobError, UnrecoverableJobError } from './run-job.js';

/**
 * Where job events go. With `publish` (the webhook dispatcher), a job's completion or failure is only
 * handed back to the queue once the event's webhook deliveries are stored: a crash cannot record the job
 * finished and lose its deliveries.
 */
export type JobEventPublisher = EventPublisher & Partial<Pick<EventBus, 'publish'>>;

/**
 * Wrap every handler so a workspace job's progress, completion and failure go out as live events
 * (`job.progress`, `job.completed`, `job.failed`): the web app's jobs panel and toasts follow them
 * without polling. System jobs (no workspace) stay quiet.
 */
export function withLiveEvents(
  definitions: JobDefinitions,
  entries: JobHandlerEntry[],
  events: JobEventPublisher,
): JobHandlerEntry[] {
  // A live-update failure must not fail the job; the deliveries' own failures are counted by the dispatcher.
  const announce = async (event: NewLiveEvent) => {
    if (events.publish) await events.publish(event).catch(() => undefined);
    else events.emit(event);
  };
  return entries.map(({ name, handler }) => ({
    name,
    handler: async (payload, context) => {
      const businessId = context.businessId;
      if (!businessId) return handler(payload, context);
      const job = { job_id: context.jobId, name };
      const reportProgress = async (progress: number, message?: string) => {
        await context.reportProgress(progress, message);
        events.emit({
          type: 'job.progress',
          business_id: businessId,
          data: { ...job, progress, message: message ?? null },
        });
      };
      try {
        const result = await handler(payload, { ...context, reportProgress });
        await announce({ type: 'job.completed', business_id: businessId, data: job });
        return result;
      } catch (error) {
        // A postponed run did nothing and failed at nothing: it just comes back later.
        if (error instanceof PostponeJobError) throw error;
        const maxAttempts = definitions[name]?.maxAttempts ?? 3;
        await announce({
          type: 'job.failed',
          business_id: businessId,
          data: {
            ...job,
            error: error instanceof Error ? error.message.slice(0, 500) : 'Job failed',
            // An unrecoverable failure (a receiver's 4xx, a rejected post) ends the job whatever attempts remain.
            will_retry: !(error instanceof UnrecoverableJobError) && context.attempt < maxAttempts,
          },
        });
        throw error;
      }
    },
  }));
}
