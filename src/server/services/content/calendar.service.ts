import { AppError, isAppError } from '#server/errors/app-error.js';
import type { AppJobDefinitions } from '#server/jobs/job-definitions.js';
import type { JobContext, JobQueue } from '#server/jobs/job-types.js';
import type { Repositories } from '#server/repositories/index.js';
import type {
  ContentDraft,
  PlanCalendarOutput,
  PlannedItem,
  WriteContentOutput,
} from '#shared/ai-tasks.schema.js';
import type { CalendarFailedSlot, CalendarJobResult, GenerateCalendarBody } from '#shared/calendar.schema.js';
import { planDays, requestedDays } from '#shared/calendar-range.js';
import { fitToChannel } from '#shared/channels.js';
import type { ContentWarning, CreateContentBody } from '#shared/content.schema.js';
import { jobNote } from '#shared/job-notes.js';
import { ruleFieldMessage } from '#shared/rule-field-messages.js';
import { zonedInstant } from '#shared/zoned-time.js';
import type { Principal } from '../access/principal.js';
import { requireWorkspaceRole } from '../access/workspace-access.js';
import type { AiService } from '../ai/ai.service.js';
import type { WorkspaceService } from '../workspace/workspace.service.js';
import type { ContentService, NewContentBody } from './content.service.js';
import { draftWarnings } from './content-items.js';

/** The job's payload: the request and who asked, so the work runs with the asker's rights. */
export interface CalendarJobPayload {
  principal: Principal;
  request: Omit<GenerateCalendarBody, 'business_id' | 'request_key'>;
}

/**
 * AI content calendars: the request is checked and queued at once (202); the job plans with the
 * `planCalendar` task, optionally writes each item with `writeContent`, and saves the items as dated ideas
 * or drafts in the workspace's time zone.
 */
export class CalendarService {
  constructor(
    private readonly deps: {
      repos: Repositories;
      ai: AiService;
      content: ContentService;
      workspaces: WorkspaceService;
      queue: JobQueue<AppJobDefinitions>;
    },
  ) {}

  /** Check rights now (so a refusal is immediate) and queue the work. */
  async requestGeneration(principal: Principal, body: GenerateCalendarBody): Promise<{ job_id: string }> {
    const { business_id: businessId, request_key: requestKey, ...request } = body;
    await requireWorkspaceRole(this.deps.repos, principal, businessId, 'ai.use');
    await this.deps.content.assertCanSave(principal, businessId, request.campaign_id ?? undefined);
    if (request.campaign_id && !request.slots) await this.assertMeetsCampaign(businessId, request);
    const jobId = await this.deps.queue.enqueue({
      name: 'calendar.generate',
      businessId,
      payload: { principal, request },
      ...(requestKey ? { idempotencyKey: `calendar:${requestKey}` } : {}),
    });
    return { job_id: jobId };
  }

  /**
   * A campaign's plan keeps to the campaign's dates (the planner narrows the range and says so); dates that
   * miss the campaign entirely would leave it nothing, so they are refused now rather than by the job.
   */
  private async assertMeetsCampaign(
    businessId: string,
    request: Pick<GenerateCalendarBody, 'campaign_id' | 'start_date' | 'weeks'>,
  ): Promise<void> {
    if (!request.campaign_id) return;
    const campaign = await this.deps.repos.campaigns.find(businessId, request.campaign_id);
    if (!campaign) return;
    const requested = requestedDays(request.start_date, request.weeks);
    if (planDays(requested, { from: campaign.start_date, to: campaign.end_date })) return;
    const message = ruleFieldMessage('outsideCampaign', {
      start: campaign.start_date,
      end: campaign.end_date,
    });
    throw new AppError('validation_failed', message, {
      errors: [{ path: 'body.start_date', message, code: 'custom' }],
    });
  }

  /**
   * The job: plan (unless the request names its `slots`), optionally write, save. A draft the AI could not
   * write does not cost the others: every written item is saved, and the slots that failed come back in
   * `failed` with a reason, ready to be sent again as `slots`. Progress goes to the job record as it runs.
   * `offline` keeps every call on the offline writer (the demo seed).
   */
  async generate(
    payload: CalendarJobPayload,
    context: JobContext<string>,
    { offline = false }: { offline?: boolean } = {},
  ): Promise<CalendarJobResult> {
    const { principal, request } = payload;
    const businessId = context.businessId;
    const { campaign_id: campaignId, detail, slots, ...planInput } = request;
    const aiCallIds: string[] = [];
    const run = <O>(task: 'planCalendar' | 'writeContent', input: unknown) =>
      this.deps.ai.run<O>(principal, businessId, task, input, {
        signal: context.signal,
        offline,
        onRecorded: (callId) => aiCallIds.push(callId),
      });

    let strategy: unknown = null;
    let items: PlannedItem[];
    let answeredOffline: boolean | undefined;
    let planCallId: string | null = null;
    let adjustments: PlanCalendarOutput['adjustments'] = [];
    let warnings: PlanCalendarOutput['warnings'] = [];
    if (slots) {
      items = slots;
    } else {
      await context.reportProgress(5, jobNote('planning'));
      const campaign = campaignId ? await this.deps.repos.campaigns.find(businessId, campaignId) : undefined;
      // A plan for a campaign keeps to the campaign's dates too (the checks clamp and say so).
      const within = campaign ? { from: campaign.start_date, to: campaign.end_date } : undefined;
      const plan = await run<PlanCalendarOutput>(
        'planCalendar',
        within ? { ...planInput, within } : planInput,
      );
      strategy = plan.output.strategy;
      items = plan.output.items;
      answeredOffline = plan.offline;
      planCallId = plan.call_id;
      adjustments = plan.output.adjustments ?? [];
      warnings = plan.output.warnings ?? [];
    }
    const business = await this.deps.workspaces.get(principal, businessId);

    const bodies: NewContentBody[] = [];
    const failed: CalendarFailedSlot[] = [];
    // Once the budget is spent or the provider paused, the remaining drafts would fail the same way.
    let stopReason: Omit<CalendarFailedSlot, 'slot'> | undefined;
    for (const [index, item] of items.entries()) {
      context.signal.throwIfAborted();
      const base = itemBase(item, businessId, campaignId, business.time_zone);
      if (detail !== 'drafts') {
        bodies.push(base);
        continue;
      }
      if (stopReason) {
        failed.push({ slot: item, ...stopReason });
        continue;
      }
      try {
        const written = await run<WriteContentOutput>('writeContent', draftInput(item));
        answeredOffline ??= written.offline;
        const draft = written.output.variants[0];
        bodies.push(draft ? withDraft(base, item, draft, draftWarnings(written.output.warnings, 0)) : base);
      } catch (error) {
        const reason = draftFailure(error, context.signal);
        failed.push({ slot: item, ...reason });
        if (isAppError(error, 'budget_exceeded') || isAppError(error, 'ai_unavailable')) stopReason = reason;
      }
      await context.reportProgress(
        10 + Math.round((80 * (index + 1)) / items.length),
        jobNote('writing', { done: index + 1 - failed.length, total: items.length }),
      );
    }
    await context.reportProgress(92, jobNote('saving'));
    const saved =
      bodies.length > 0
        ? await this.deps.content.createMany(principal, bodies, {
            variant_group: null,
            ai_call_id: planCallId,
          })
        : [];
    await context.reportProgress(
      100,
      failed.length > 0
        ? jobNote('savedWithFailures', { saved: saved.length, total: items.length, failed: failed.length })
        : jobNote('saved', { saved: saved.length, total: items.length }),
    );
    return {
      strategy,
      content_item_ids: saved.map((item) => item.id),
      ai_call_ids: aiCallIds,
      offline: answeredOffline ?? offline,
      failed,
      adjustments,
      warnings,
    };
  }
}

/** What the writer is asked for one planned item. */
function draftInput(item: PlannedItem) {
  return {
    channel: item.channel,
    format: item.format,
    brief: `${item.title}. ${item.brief}`.slice(0, 2000),
    variants: 1,
    pillar: item.pillar,
  };
}

function withDraft(
  base: CreateContentBody,
  item: PlannedItem,
  draft: ContentDraft,
  aiWarnings: ContentWarning[],
): NewContentBody {
  return {
    ...base,
    ai_warnings: aiWarnings,
    status: 'draft',
    title: draft.title || item.title,
    body: draft.body,
    thread: draft.thread,
    hashtags: draft.hashtags,
    call_to_action: draft.call_to_action,
    media_brief: draft.media_brief,
    preheader: draft.preheader,
  };
}

/**
 * Why one draft was not written, for the job's result: the sentence, its code and its facts. Only the AI's
 * own refusals are a slot's failure; anything else (a cancelled job, the database) ends the job as before.
 */
function draftFailure(error: unknown, signal: AbortSignal): Omit<CalendarFailedSlot, 'slot'> {
  if (signal.aborted) throw error;
  if (
    isAppError(error, 'ai_provider_error') ||
    isAppError(error, 'ai_unavailable') ||
    isAppError(error, 'budget_exceeded')
  ) {
    const { facts } = error.options;
    return { reason: error.message, code: error.code, ...(facts ? { facts } : {}) };
  }
  throw error;
}

/** An idea for a planned item: its brief as the working text, fitted to the channel so it can be saved. */
function itemBase(
  item: PlannedItem,
  businessId: string,
  campaignId: string | null,
  timeZone: string,
): CreateContentBody {
  return {
    business_id: businessId,
    channel: item.channel,
    format: item.format,
    status: 'idea',
    title: item.title.slice(0, 200),
    body: fitToChannel(item.channel, item.brief),
    thread: [],
    hashtags: [],
    call_to_action: '',
    media_brief: '',
    preheader: '',
    pillar: item.pillar || null,
    campaign_id: campaignId,
    scheduled_at: zonedInstant(item.date, item.time, timeZone),
  };
}
