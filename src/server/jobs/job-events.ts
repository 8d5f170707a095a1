import type { EventPublisher } from '../realtime/event-bus.js';
import type { JobDefinitions } from './job-types.js';
import type { JobHandlerEntry } from './registry.js';
import { UnrecoverableJobError } from './run-job.js';

/**
 * Wrap every handler so a workspace job's progress, completion and failure go out as live events
 * (`job.progress`, `job.completed`, `job.failed`): the web app's jobs panel and toasts follow them
 * without polling. System jobs (no workspace) stay quiet.
 */
export function withLiveEvents(
  definitions: JobDefinitions,
  entries: JobHandlerEntry[],
  events: EventPublisher,
): JobHandlerEntry[] {
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
        events.emit({ type: 'job.completed', business_id: businessId, data: job });
        return result;
      } catch (error) {
        const maxAttempts = definitions[name]?.maxAttempts ?? 3;
        events.emit({
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
