import type { AppJobDefinitions } from '#server/jobs/job-definitions.js';
import type { JobContext, JobQueue } from '#server/jobs/job-types.js';
import type { Repositories } from '#server/repositories/index.js';
import type { PlanCalendarOutput, PlannedItem, WriteContentOutput } from '#shared/ai-tasks.schema.js';
import type { CalendarJobResult, GenerateCalendarBody } from '#shared/calendar.schema.js';
import { fitToChannel } from '#shared/channels.js';
import type { CreateContentBody } from '#shared/content.schema.js';
import { zonedInstant } from '#shared/zoned-time.js';
import type { Principal } from '../access/principal.js';
import { requireWorkspaceRole } from '../access/workspace-access.js';
import type { AiService } from '../ai/ai.service.js';
import type { WorkspaceService } from '../workspace/workspace.service.js';
import type { ContentService } from './content.service.js';

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
    const jobId = await this.deps.queue.enqueue({
      name: 'calendar.generate',
      businessId,
      payload: { principal, request },
      ...(requestKey ? { idempotencyKey: `calendar:${requestKey}` } : {}),
    });
    return { job_id: jobId };
  }

  /**
   * The job: plan, optionally write, save. Progress goes to the job record as it runs. `offline` keeps every
   * call on the offline writer (the demo seed).
   */
  async generate(
    payload: CalendarJobPayload,
    context: JobContext<string>,
    { offline = false }: { offline?: boolean } = {},
  ): Promise<CalendarJobResult> {
    const { principal, request } = payload;
    const businessId = context.businessId;
    const { campaign_id: campaignId, detail, ...planInput } = request;
    await context.reportProgress(5, 'Planning the calendar');
    const campaign = campaignId ? await this.deps.repos.campaigns.find(businessId, campaignId) : undefined;
    // A plan for a campaign keeps to the campaign's dates too (the checks clamp and say so).
    const within = campaign ? { from: campaign.start_date, to: campaign.end_date } : undefined;
    const plan = await this.deps.ai.run<PlanCalendarOutput>(
      principal,
      businessId,
      'planCalendar',
      within ? { ...planInput, within } : planInput,
      { signal: context.signal, offline },
    );
    const business = await this.deps.workspaces.get(principal, businessId);
    const aiCallIds = [plan.call_id];

    const bodies: CreateContentBody[] = [];
    const items = plan.output.items;
    for (const [index, item] of items.entries()) {
      context.signal.throwIfAborted();
      const base = itemBase(item, businessId, campaignId, business.time_zone);
      if (detail === 'drafts') {
        const written = await this.deps.ai.run<WriteContentOutput>(
          principal,
          businessId,
          'writeContent',
          {
            channel: item.channel,
            format: item.format,
            brief: `${item.title}. ${item.brief}`.slice(0, 2000),
            variants: 1,
            pillar: item.pillar,
          },
          { signal: context.signal, offline },
        );
        aiCallIds.push(written.call_id);
        const draft = written.output.variants[0];
        bodies.push(
          draft
            ? {
                ...base,
                status: 'draft',
                title: draft.title || item.title,
                body: draft.body,
                thread: draft.thread,
                hashtags: draft.hashtags,
                call_to_action: draft.call_to_action,
                media_brief: draft.media_brief,
                preheader: draft.preheader,
              }
            : base,
        );
        await context.reportProgress(
          10 + Math.round((80 * (index + 1)) / items.length),
          `Wrote ${index + 1} of ${items.length}`,
        );
      } else {
        bodies.push(base);
      }
    }
    await context.reportProgress(92, 'Saving the calendar');
    const saved =
      bodies.length > 0
        ? await this.deps.content.createMany(principal, bodies, {
            variant_group: null,
            ai_call_id: plan.call_id,
          })
        : [];
    await context.reportProgress(100, `Saved ${saved.length} items`);
    return {
      strategy: plan.output.strategy,
      content_item_ids: saved.map((item) => item.id),
      ai_call_ids: aiCallIds,
      offline: plan.offline,
      adjustments: plan.output.adjustments ?? [],
      warnings: plan.output.warnings ?? [],
    };
  }
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
