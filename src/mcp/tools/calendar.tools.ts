import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { planCalendarOutputSchema } from '#shared/ai-tasks.schema.js';
import { API } from '#shared/api-paths.js';
import {
  type CalendarJobResult,
  calendarJobResultSchema,
  generateCalendarAcceptedSchema,
  generateCalendarBodySchema,
} from '#shared/calendar.schema.js';
import { type Job, jobParamsSchema, jobSchema } from '#shared/jobs.schema.js';
import { InstanceError, type MccApiClient } from '../api-client.js';
import { count } from '../format.js';
import { defineTool, inWorkspace, READS, type ToolCall, WRITES } from '../tool.js';

/** A calendar job and, once it succeeded, what it saved. */
const calendarJobOutputSchema = z.object({
  job: jobSchema,
  result: calendarJobResultSchema.nullable(),
});
type CalendarJobOutput = z.infer<typeof calendarJobOutputSchema>;

const FINISHED: ReadonlySet<Job['state']> = new Set(['succeeded', 'dead', 'cancelled']);

export const calendarTools = [
  defineTool({
    name: 'plan_calendar',
    title: 'Plan a content calendar',
    description:
      'Plan a content calendar with the workspace’s AI (or its offline writer): pillars, cadence per channel and dated items from start_date for 1–12 weeks, in the workspace’s time zone, saved as ideas (detail "ideas") or written drafts (detail "drafts"), optionally inside campaign_id. Runs as a background job; this waits for it for a while and otherwise answers with the job to follow with get_job. Give request_key to make a retry safe (the same key returns the first job). Metered against the AI budget.',
    input: inWorkspace(generateCalendarBodySchema),
    output: calendarJobOutputSchema,
    annotations: WRITES,
    async run(args, context, call) {
      const body = { ...args, business_id: await context.workspace(args.business_id) };
      const { job_id: jobId } = await context.api.post(API.generateCalendar, {
        body,
        schema: generateCalendarAcceptedSchema,
      });
      const job = await waitForJob(context.api, jobId, {
        waitMs: context.jobWaitMs,
        pollMs: context.jobPollMs,
        call,
      });
      return answerFor(job);
    },
  }),
  defineTool({
    name: 'get_job',
    title: 'Follow a background job',
    description:
      'A background job (such as a calendar plan) by id: its state, progress and, for a finished calendar, what it saved.',
    input: jobParamsSchema,
    output: calendarJobOutputSchema,
    annotations: READS,
    async run({ id }, { api }) {
      return answerFor(await api.get(API.job(id), { schema: jobSchema }));
    },
  }),
];

/**
 * Read the job until it finishes or `waitMs` passes, reporting its progress to the client. The job keeps
 * running on the instance whatever happens here (a cancelled call only stops the waiting).
 */
export async function waitForJob(
  api: MccApiClient,
  jobId: string,
  { waitMs, pollMs, call }: { waitMs: number; pollMs: number; call: ToolCall },
): Promise<Job> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const job = await api.get(API.job(jobId), { schema: jobSchema });
    await call.progress(job.progress, 100, job.progress_message ?? job.state);
    if (FINISHED.has(job.state) || Date.now() + pollMs > deadline) return job;
    await sleep(pollMs, undefined, { signal: call.signal }).catch(() => {
      throw new InstanceError('The call was cancelled; the job goes on (follow it with get_job)');
    });
  }
}

/** The job as a tool answer: what a finished plan saved, why it failed, or how far it got. */
function answerFor(job: Job): { text: string; data: CalendarJobOutput } {
  if (job.state === 'dead' || job.state === 'cancelled') {
    throw new InstanceError(
      `The calendar job ${job.id} ${job.state === 'dead' ? 'failed' : 'was cancelled'}: ${job.last_error ?? 'no reason given'}`,
    );
  }
  if (job.state !== 'succeeded') {
    const at = job.progress_message ? `: ${job.progress_message}` : '';
    return {
      text: `The job ${job.id} is ${job.state} (${job.progress}%${at}). Follow it with get_job.`,
      data: { job, result: null },
    };
  }
  // A job of another kind (get_job takes any id) has no calendar result.
  const parsed = calendarJobResultSchema.safeParse(job.result);
  if (!parsed.success) {
    return { text: `The job ${job.id} (${job.name}) succeeded.`, data: { job, result: null } };
  }
  return { text: describeResult(job, parsed.data), data: { job, result: parsed.data } };
}

function describeResult(job: Job, result: CalendarJobResult): string {
  const by = result.offline ? 'the offline writer' : 'the AI';
  const lines = [
    `Planned by ${by} and saved ${count(result.content_item_ids.length, 'content item')} (job ${job.id}).`,
  ];
  const strategy = planCalendarOutputSchema.shape.strategy.safeParse(result.strategy);
  if (strategy.success) {
    lines.push(
      `Pillars: ${strategy.data.pillars.map((pillar) => `${pillar.name} (${Math.round(pillar.share * 100)}%)`).join(', ')}`,
      `Cadence: ${strategy.data.cadence.map((entry) => `${entry.channel} ${entry.per_week}/week`).join(', ')}`,
    );
    if (strategy.data.reasoning) lines.push(`Reasoning: ${strategy.data.reasoning}`);
  }
  for (const note of [...(result.adjustments ?? []), ...(result.warnings ?? [])]) {
    lines.push(`Note (${note.field}): ${note.message}`);
  }
  for (const failure of result.failed) {
    lines.push(
      `Not written: ${failure.slot.date} ${failure.slot.channel} "${failure.slot.title}": ${failure.reason}`,
    );
  }
  if (result.failed.length > 0) lines.push('Send the failed slots again as `slots` to write just those.');
  lines.push(`Item ids: ${result.content_item_ids.join(', ')}`);
  lines.push('Read them with list_calendar (from/to around the planned dates) or get_content.');
  return lines.join('\n');
}
