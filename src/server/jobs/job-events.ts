import type { NewLiveEvent } from '#shared/events.schema.js';
import type { EventPublisher } from '../realtime/event-bus.js';
import type { JobContext, JobDefinitions } from './job-types.js';
import type { JobHandlerEntry } from './registry.js';
import { PostponeJobError, UnrecoverableJobError } from './run-job.js';

/**
 * Where job events go. With `stageForLater` (the webhook dispatcher), a job's completion or failure has its
 * webhook deliveries stored before the job is handed back to the queue (a crash cannot record the job
 * finished and lose them), and is told (live, and relayed to the webhooks) only once the queue has stored
 * the job's new state.
 */
export type JobEventPublisher = EventPublisher & {
  /** Store the event's webhook deliveries now; the function returned tells the event (live and to them). */
  stageForLater?(event: NewLiveEvent): Promise<() => void>;
};

/**
 * Wrap every handler so a workspace job's progress, completion and failure go out as live events
 * (`job.progress`, `job.completed`, `job.failed`): the web app's jobs panel and toasts follow them
 * without polling. Completion and failure are told after the queue has stored them (`afterSettled`), so a
 * screen that fetches the job on hearing of it reads the new state. System jobs (no workspace) stay quiet.
 */
export function withLiveEvents(
  definitions: JobDefinitions,
  entries: JobHandlerEntry[],
  events: JobEventPublisher,
): JobHandlerEntry[] {
  // A live-update failure must not fail the job; the deliveries' own failures are counted by the dispatcher.
  const announceOnceSettled = async (event: NewLiveEvent, context: JobContext) => {
    const live = () => events.emit(event);
    const tell = events.stageForLater ? await events.stageForLater(event).catch(() => live) : live;
    context.afterSettled(tell);
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
        await announceOnceSettled({ type: 'job.completed', business_id: businessId, data: job }, context);
        return result;
      } catch (error) {
        // A postponed run did nothing and failed at nothing: it just comes back later.
        if (error instanceof PostponeJobError) throw error;
        const maxAttempts = definitions[name]?.maxAttempts ?? 3;
        await announceOnceSettled(
          {
            type: 'job.failed',
            business_id: businessId,
            data: {
              ...job,
              error: error instanceof Error ? error.message.slice(0, 500) : 'Job failed',
              // An unrecoverable failure (a receiver's 4xx, a rejected post) ends the job whatever attempts remain.
              will_retry: !(error instanceof UnrecoverableJobError) && context.attempt < maxAttempts,
            },
          },
          context,
        );
        throw error;
      }
    },
  }));
}
