import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { migrateTo, migrateToLatest } from '#server/db/migrate.js';
import type { AiCall } from '#shared/ai.schema.js';
import type { Problem } from '#shared/problem.schema.js';
import { createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { describeEachDialect } from '../support/databases.js';
import type { FakeOpenAI } from '../support/fake-openai/fake-openai.types.js';
import { startFakeOpenAI } from '../support/fake-openai/fake-openai-server.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const FAST_RETRY = { retries: 1, budgetMs: 5_000, minDelayMs: 5, maxDelayMs: 10 };

/** A plan whose only item has a time no clock shows: valid JSON, invalid against the schema. */
const PLAN_WITH_BAD_TIME = {
  strategy: {
    pillars: [{ name: 'Craft', share: 1, description: '' }],
    cadence: [],
    reasoning: 'Mornings.',
  },
  items: [
    {
      date: '2026-05-04',
      time: '9 in the morning',
      channel: 'instagram',
      format: 'post',
      pillar: 'Craft',
      title: 'Dawn bake',
      brief: 'The first loaves.',
    },
  ],
};
const READABLE =
  "The model's answer had posting times we could not read; nothing was saved. Try again or choose another model.";

describeEachDialect('AI failures as people read them', (create) => {
  let fake: FakeOpenAI;
  let t: TestApp;
  let owner: TestAccount;
  let businessId: string;

  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(() => fake.close());
  beforeEach(async () => {
    fake.reset();
    t = await createTestApp(
      await create(),
      { OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'server-key', AI_MODEL: 'gpt-4o-mini' },
      { aiRetry: FAST_RETRY },
    );
    owner = await registerAccount(t.app);
    businessId = (await createBusiness(t.app, owner)).id;
  });
  afterEach(() => t.close());

  const planCalendar = () =>
    t.app.inject({
      method: 'POST',
      url: '/api/ai/tasks/planCalendar',
      headers: owner.auth,
      payload: {
        business_id: businessId,
        input: { start_date: '2026-05-04', weeks: 1, channels: ['instagram'] },
      },
    });
  const calls = async () =>
    (await t.app.inject({ url: `/api/ai/calls?business_id=${businessId}`, headers: owner.auth })).json<{
      items: AiCall[];
    }>().items;

  /** What the ledger keeps for whoever debugs the model: the database row, not the API. */
  const diagnostics = async () =>
    (
      await t.database.db
        .selectFrom('ai_calls')
        .select('error_diagnostics')
        .where('business_id', '=', businessId)
        .executeTakeFirstOrThrow()
    ).error_diagnostics;

  it('answers an unusable model answer with a 502 whose detail says what was wrong, schema paths kept in the ledger', async () => {
    fake.script({ reply: PLAN_WITH_BAD_TIME }, { reply: PLAN_WITH_BAD_TIME });

    const response = await planCalendar();

    expect(response.statusCode).toBe(502);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    const problem = response.json<Problem>();
    expect(problem).toMatchObject({
      code: 'ai_provider_error',
      status: 502,
      detail: READABLE,
      facts: { reason: 'ai_answer_unusable', faults: ['times'] },
    });
    expect(response.body).not.toMatch(/items\.0|Invalid|pattern/);
    const [call] = await calls();
    expect(call).toMatchObject({
      outcome: 'error',
      error_code: 'ai_provider_error',
      error_message: READABLE,
      estimated: false,
    });
    expect(JSON.stringify(call)).not.toMatch(/items\.0/);
    expect(await diagnostics()).toMatch(/items\.0\.time: Invalid string/);
  });

  it('says why in plain words when the provider itself fails', async () => {
    fake.script({ status: 500 }, { status: 500 });

    const problem = (await planCalendar()).json<Problem>();

    expect(problem.detail).toBe(
      'The AI provider had an error on its side; nothing was saved. Try again in a moment.',
    );
    expect(problem.facts).toEqual({ reason: 'ai_provider_failed', failure: 'server_error' });
    expect(await diagnostics()).toMatch(/HTTP 500/);
  });

  it('records a timed-out call with its prompt tokens counted here, marked estimated', async () => {
    await t.close();
    t = await createTestApp(
      await create(),
      {
        OPENAI_BASE_URL: fake.url,
        OPENAI_API_KEY: 'server-key',
        AI_MODEL: 'gpt-4o-mini',
        AI_TIMEOUT_MS: '300',
      },
      { aiRetry: FAST_RETRY },
    );
    owner = await registerAccount(t.app);
    businessId = (await createBusiness(t.app, owner)).id;
    fake.script({ hang: true }, { hang: true });

    const response = await planCalendar();

    expect(response.json<Problem>().detail).toBe(
      'The AI provider did not answer in time; nothing was saved. Try again or choose a faster model.',
    );
    const [call] = await calls();
    expect(call).toMatchObject({ outcome: 'error', attempts: 2, completion_tokens: 0, estimated: true });
    expect(call?.prompt_tokens).toBeGreaterThan(500);
    expect(call?.cost_micro_usd).toBeGreaterThan(0);
  });

  it('sends the same readable problem in a stream’s error event', async () => {
    const badDraft = { variants: [{ title: 'x', body: 'y', hashtags: ['not a tag!'] }] };
    fake.script({ reply: badDraft }, { reply: badDraft });

    const response = await t.app.inject({
      method: 'POST',
      url: '/api/content/generate',
      headers: { ...owner.auth, accept: 'text/event-stream' },
      payload: { business_id: businessId, channel: 'linkedin', brief: 'Autumn blend', variants: 1 },
    });

    const error = response.body
      .trim()
      .split('\n\n')
      .find((block) => block.startsWith('event: error'));
    const problem = JSON.parse(error?.split('data: ')[1] ?? '{}') as Problem;
    expect(problem).toMatchObject({
      code: 'ai_provider_error',
      detail:
        "The model's answer had hashtags we could not use; nothing was saved. Try again or choose another model.",
    });
  });

  it('reads ledger rows written before the upgrade as reported, without diagnostics', async () => {
    fake.script({ status: 500 }, { status: 500 });
    await planCalendar();
    const db = t.database.db;
    await migrateTo(db, '0011-webhook-outbox');
    await migrateToLatest(db);

    expect((await calls())[0]).toMatchObject({ outcome: 'error', estimated: false });
    expect(await diagnostics()).toBeNull();
  });

  it('streams a preview without the words the brand avoids', async () => {
    const brand = await t.app.inject({
      method: 'PATCH',
      url: `/api/business/${businessId}`,
      headers: owner.auth,
      payload: { brand: { voice: { words_to_avoid: ['cheap', 'low cost'] } } },
    });
    expect(brand.statusCode).toBe(200);
    fake.script({
      reply: {
        variants: [
          {
            title: 'Autumn blend',
            body: 'Our cheap autumn blend is here: low cost, full flavour, roasted this week.',
            hashtags: [],
          },
        ],
      },
      chunkDelayMs: 0,
    });

    const response = await t.app.inject({
      method: 'POST',
      url: '/api/content/generate',
      headers: { ...owner.auth, accept: 'text/event-stream' },
      payload: { business_id: businessId, channel: 'linkedin', brief: 'Autumn blend', variants: 1 },
    });

    const events = response.body
      .trim()
      .split('\n\n')
      .map((block) => ({
        event: block.split('\n')[0]?.replace('event: ', ''),
        data: JSON.parse(block.split('data: ')[1] ?? 'null') as unknown,
      }));
    const deltas = events.filter((e) => e.event === 'delta');
    expect(deltas.length).toBeGreaterThan(1);
    const preview = deltas.map((e) => (e.data as { text: string }).text).join('');
    expect(preview).toMatch(/autumn blend is here/);
    expect(preview).not.toMatch(/cheap|low cost/i);
    expect(events.at(-1)?.event).toBe('result');
  });
});
