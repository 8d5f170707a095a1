import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { jobHandlerDeps } from '#server/composition-root.js';
import { createJobHandlers } from '#server/jobs/handlers.js';
import { JOB_DEFINITIONS } from '#server/jobs/job-definitions.js';
import type { JobWorker } from '#server/jobs/job-types.js';
import { buildJobRegistry } from '#server/jobs/registry.js';
import type { AiCall } from '#shared/ai.schema.js';
import type { PlannedItem } from '#shared/ai-tasks.schema.js';
import type { CalendarJobResult } from '#shared/calendar.schema.js';
import type { ContentItem } from '#shared/content.schema.js';
import type { Job } from '#shared/jobs.schema.js';
import { createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { describeEachDialect } from '../support/databases.js';
import { type ChatRequest, promptText } from '../support/fake-openai/chat-request.schema.js';
import type { FakeOpenAI, ScriptStep } from '../support/fake-openai/fake-openai.types.js';
import { startFakeOpenAI } from '../support/fake-openai/fake-openai-server.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const SILENT = { info() {}, warn() {}, error() {} };
const FAST_RETRY = { retries: 1, budgetMs: 5_000, minDelayMs: 5, maxDelayMs: 10 };

const PLAN: PlannedItem[] = [
  {
    date: '2026-05-04',
    time: '09:00',
    channel: 'instagram',
    format: 'post',
    pillar: 'Craft',
    title: 'Dawn bake',
    brief: 'Show the first loaves of the day.',
  },
  {
    date: '2026-05-05',
    time: '10:00',
    channel: 'email',
    format: 'email',
    pillar: 'Offers',
    title: 'May box',
    brief: 'Announce the May pastry box to subscribers.',
  },
  {
    date: '2026-05-06',
    time: '11:30',
    channel: 'linkedin',
    format: 'post',
    pillar: 'Team',
    title: 'Meet the bakers',
    brief: 'Introduce the early shift.',
  },
];

const schemaName = (request: ChatRequest) =>
  request.response_format?.type === 'json_schema' ? request.response_format.json_schema.name : '';

/** A model that plans `PLAN`, writes good drafts, and answers every email draft with something unreadable. */
function scriptedModel(failEmail: () => boolean) {
  return ({ chat }: { chat: ChatRequest }): ScriptStep => {
    if (schemaName(chat) === 'planCalendar') {
      return {
        reply: {
          strategy: {
            pillars: [
              { name: 'Craft', share: 0.5, description: '' },
              { name: 'Offers', share: 0.5, description: '' },
            ],
            cadence: [],
            reasoning: 'Mornings suit a bakery.',
          },
          items: PLAN,
        },
        usage: { prompt_tokens: 300, completion_tokens: 200 },
      };
    }
    if (failEmail() && /\bfor email\b/.test(promptText(chat))) {
      return {
        reply: 'Sorry, here is your email: Dear friends…',
        usage: { prompt_tokens: 120, completion_tokens: 30 },
      };
    }
    return {
      reply: {
        variants: [
          {
            title: 'Fresh this morning',
            body: 'Our sourdough came out of the oven at six. Come early, it goes fast.',
            thread: [],
            hashtags: [],
            call_to_action: 'Visit us today',
            media_brief: '',
            preheader: '',
          },
        ],
      },
      usage: { prompt_tokens: 100, completion_tokens: 50 },
    };
  };
}

describeEachDialect('a calendar whose drafts partly fail', (create) => {
  let fake: FakeOpenAI;
  let t: TestApp;
  let owner: TestAccount;
  let businessId: string;
  let worker: JobWorker;
  let emailFails = true;

  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(() => fake.close());

  beforeEach(async () => {
    fake.reset();
    emailFails = true;
    fake.setDefaultReply(scriptedModel(() => emailFails));
    t = await createTestApp(
      await create(),
      { OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'server-key', AI_MODEL: 'gpt-4o-mini' },
      { aiRetry: FAST_RETRY },
    );
    owner = await registerAccount(t.app);
    businessId = (await createBusiness(t.app, owner, 'Harbour Bakery')).id;
    const { services } = t;
    const registry = buildJobRegistry(
      JOB_DEFINITIONS,
      createJobHandlers({ ...jobHandlerDeps(services), queue: services.jobQueue, now: () => new Date() }),
    );
    worker = services.jobQueue.createWorker(registry, { concurrency: 1, logger: SILENT });
    worker.start();
  });
  afterEach(async () => {
    await worker.drain(2_000);
    await t.close();
  });

  const request = { start_date: '2026-05-04', weeks: 1, channels: ['instagram', 'email', 'linkedin'] };
  const generate = (payload: object, account = owner) =>
    t.app.inject({
      method: 'POST',
      url: '/api/ai/strategy/generate-calendar',
      headers: account.auth,
      payload: { business_id: businessId, detail: 'drafts', ...request, ...payload },
    });
  const finished = (id: string) =>
    vi.waitFor(
      async () => {
        const job = (await t.app.inject({ url: `/api/jobs/${id}`, headers: owner.auth })).json<Job>();
        expect(['succeeded', 'dead']).toContain(job.state);
        return job;
      },
      { timeout: 20_000, interval: 50 },
    );
  const items = async () =>
    (
      await t.app.inject({ url: `/api/content?business_id=${businessId}&limit=100`, headers: owner.auth })
    ).json<{ items: ContentItem[] }>().items;
  const ledger = async () =>
    (await t.app.inject({ url: `/api/ai/calls?business_id=${businessId}`, headers: owner.auth })).json<{
      items: AiCall[];
    }>().items;

  it('saves every draft that was written, lists the one that failed with a readable reason, and keeps its cost', async () => {
    const accepted = await generate({});
    expect(accepted.statusCode).toBe(202);
    const job = await finished(accepted.json<{ job_id: string }>().job_id);

    expect(job.state).toBe('succeeded');
    const result = job.result as CalendarJobResult;
    expect(result.content_item_ids).toHaveLength(2);
    expect(result.failed).toHaveLength(1);
    const [failure] = result.failed;
    expect(failure?.slot).toMatchObject({
      channel: 'email',
      date: '2026-05-05',
      time: '10:00',
      title: 'May box',
    });
    expect(failure?.reason).toMatch(/^The model's answer .+; nothing was saved\./);
    expect(failure?.reason).not.toMatch(/[a-z_]+\.\d+\.|Invalid|JSON \(/);
    // The same refusal as data, for the web app to say in the reader's language.
    expect(failure?.code).toBe('ai_provider_error');
    expect(failure?.facts).toMatchObject({ reason: 'ai_answer_unusable' });

    const saved = await items();
    expect(saved.map((item) => item.channel).sort()).toEqual(['instagram', 'linkedin']);
    expect(saved.every((item) => item.status === 'draft')).toBe(true);

    // Every call is in the ledger, the failed draft's two attempts (answer and repair) included.
    const calls = await ledger();
    expect(calls).toHaveLength(4);
    const failedDraft = calls.find((call) => call.outcome === 'error');
    expect(failedDraft).toMatchObject({ task: 'writeContent', prompt_tokens: 240, completion_tokens: 60 });
    expect(failedDraft?.cost_micro_usd).toBeGreaterThan(0);
    expect(result.ai_call_ids).toHaveLength(4);
  });

  it('retries just the slots that failed, without planning again', async () => {
    const first = await finished((await generate({})).json<{ job_id: string }>().job_id);
    const failed = (first.result as CalendarJobResult).failed.map((entry) => entry.slot);
    emailFails = false;
    const sentBefore = fake.chatRequests().length;

    const again = await finished((await generate({ slots: failed })).json<{ job_id: string }>().job_id);

    expect(again.state).toBe('succeeded');
    const result = again.result as CalendarJobResult;
    expect(result.failed).toEqual([]);
    expect(result.content_item_ids).toHaveLength(1);
    const asked = fake.chatRequests().slice(sentBefore);
    expect(asked.map((call) => schemaName(call.chat))).toEqual(['writeContent']);
    const saved = await items();
    expect(saved.map((item) => item.channel).sort()).toEqual(['email', 'instagram', 'linkedin']);
    const email = saved.find((item) => item.channel === 'email');
    expect(email?.title).toBe('Fresh this morning');
    expect(email?.scheduled_at).toBe(new Date('2026-05-05T10:00:00Z').toISOString());
  });

  it('refuses slots outside the request or for another workspace', async () => {
    const outside = await generate({ slots: [{ ...PLAN[0], date: '2026-06-30' }] });
    expect(outside.statusCode).toBe(400);
    const stranger = await registerAccount(t.app);
    expect((await generate({ slots: [PLAN[0]] }, stranger)).statusCode).toBe(404);
  });
});
