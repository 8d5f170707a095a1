import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '#server/db/database.js';
import type { BudgetStatus } from '#shared/ai.schema.js';
import { createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import {
  createPostgresTestDatabase,
  describeEachDialect,
  postgresUnavailableReason,
  type TestDatabase,
} from '../support/databases.js';
import type { ChatCall, FakeOpenAI } from '../support/fake-openai/fake-openai.types.js';
import { startFakeOpenAI } from '../support/fake-openai/fake-openai-server.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Issue 13, item 2: with a monthly cap worth about four calls, 20 parallel writeContent requests spent 1.6x
// the cap and 40 spent 8.3x, because each call only checked the spend before it started. Now each call
// reserves its worst-case cost first; spending may pass the cap by at most one call's estimate.

const MODEL = 'gpt-4o-mini';
/** gpt-4o-mini's list price, USD per million tokens = micro-dollars per token. */
const PRICE = { input: 0.15, output: 0.6 };
/** gpt-4o-mini's largest answer: what a request that sets no limit may cost. */
const MODEL_MAX_OUTPUT_TOKENS = 16_384;
/** What the fake reports for each call: within what any writeContent request allows. */
const USAGE = { prompt_tokens: 1_000, completion_tokens: 2_000 };
const CALL_COST = PRICE.input * USAGE.prompt_tokens + PRICE.output * USAGE.completion_tokens;
const CAP = 4 * CALL_COST;
const DRAFT = {
  variants: [
    {
      title: 'Autumn blend',
      body: 'Our autumn blend is roasted this week: caramel, plum and a long, sweet finish. Taste it at the bar.',
      thread: [],
      hashtags: ['coffee'],
      call_to_action: 'Visit us this week',
      media_brief: '',
      preheader: '',
    },
  ],
};

/** The most one request could cost: each byte of its body a prompt token, plus every output token it allows. */
function worstCaseCost(call: ChatCall): number {
  const promptTokens = Buffer.byteLength(JSON.stringify(call.body));
  const outputTokens = call.chat.max_completion_tokens ?? call.chat.max_tokens ?? MODEL_MAX_OUTPUT_TOKENS;
  return Math.ceil(PRICE.input * promptTokens + PRICE.output * outputTokens);
}

/**
 * Hold every answer until each request has either reached the fake or been answered without it, so no call
 * settles before all have been admitted or refused: the worst interleaving, every run.
 */
function holdAnswersUntilAllIn(fake: FakeOpenAI, total: number): { answered(): void } {
  let arrived = 0;
  let answered = 0;
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  const check = () => {
    if (arrived + answered >= total) open();
  };
  fake.setDefaultReply(async () => {
    arrived += 1;
    check();
    await opened;
    return { reply: DRAFT, usage: USAGE };
  });
  return {
    answered() {
      answered += 1;
      check();
    },
  };
}

interface Setup {
  apps: TestApp[];
  owner: TestAccount;
  businessId: string;
}

/** Fire `total` writeContent requests at once, spread over `apps`; answers the status codes. */
async function writeInParallel(fake: FakeOpenAI, setup: Setup, total: number): Promise<number[]> {
  const gate = holdAnswersUntilAllIn(fake, total);
  const responses = await Promise.all(
    Array.from({ length: total }, async (_, index) => {
      const app = setup.apps[index % setup.apps.length]?.app;
      const response = await app?.inject({
        method: 'POST',
        url: '/api/ai/tasks/writeContent',
        headers: setup.owner.auth,
        payload: {
          business_id: setup.businessId,
          input: { channel: 'linkedin', format: 'post', brief: `Our autumn blend, take ${index}` },
        },
      });
      gate.answered();
      return response?.statusCode ?? 0;
    }),
  );
  return responses;
}

async function expectSpendWithinOneEstimate(fake: FakeOpenAI, setup: Setup, statuses: number[]) {
  const [app] = setup.apps;
  const ok = statuses.filter((status) => status === 200).length;
  const refused = statuses.filter((status) => status === 402).length;
  expect(ok + refused, `statuses: ${statuses.join(',')}`).toBe(statuses.length);
  expect(ok).toBeGreaterThan(0);
  // Every admitted call reached the model once (a valid answer needs no repair); refused ones never did.
  const requests = fake.chatRequests();
  expect(requests).toHaveLength(ok);

  const budget = await app?.app.inject({
    url: `/api/business/${setup.businessId}/ai-budget`,
    headers: setup.owner.auth,
  });
  const spent = budget?.json<BudgetStatus>().spent_this_month_micro_usd ?? Number.NaN;
  expect(spent).toBe(ok * CALL_COST);
  const oneEstimate = Math.max(...requests.map(worstCaseCost));
  expect(spent, `spent ${(spent / CAP).toFixed(2)}x the cap in ${ok} calls`).toBeLessThanOrEqual(
    CAP + oneEstimate,
  );
  expect(refused).toBeGreaterThan(0);

  const calls = await app?.app.inject({
    url: `/api/ai/calls?business_id=${setup.businessId}&limit=100`,
    headers: setup.owner.auth,
  });
  const outcomes = calls?.json<{ items: Array<{ outcome: string }> }>().items.map((call) => call.outcome);
  expect(outcomes?.filter((outcome) => outcome === 'ok')).toHaveLength(ok);
  expect(outcomes?.filter((outcome) => outcome === 'budget_exceeded')).toHaveLength(refused);
}

async function setUp(apps: TestApp[], cap = CAP): Promise<Setup> {
  const [first] = apps as [TestApp];
  const owner = await registerAccount(first.app);
  const businessId = (await createBusiness(first.app, owner)).id;
  const put = await first.app.inject({
    method: 'PUT',
    url: `/api/business/${businessId}/ai-budget`,
    headers: owner.auth,
    payload: { monthly_limit_micro_usd: cap },
  });
  expect(put.statusCode).toBe(200);
  return { apps, owner, businessId };
}

function modelEnv(fake: FakeOpenAI): Record<string, string> {
  return { OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'server-key', AI_MODEL: MODEL };
}

describeEachDialect('the monthly AI budget under parallel calls', (create) => {
  let fake: FakeOpenAI;
  let t: TestApp;

  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(() => fake.close());
  afterEach(() => t.close());

  for (const total of [20, 40]) {
    it(`lets ${total} parallel calls spend at most the cap plus one call's estimate`, async () => {
      fake.reset();
      t = await createTestApp(await create(), modelEnv(fake));
      const setup = await setUp([t]);
      const statuses = await writeInParallel(fake, setup, total);
      await expectSpendWithinOneEstimate(fake, setup, statuses);
    });
  }
});

describe.skipIf(Boolean(await postgresUnavailableReason()))(
  'the monthly AI budget across two app instances on one PostgreSQL database',
  () => {
    let fake: FakeOpenAI;
    let shared: TestDatabase;
    let a: TestApp;
    let b: TestApp;

    beforeAll(async () => {
      fake = await startFakeOpenAI();
      shared = await createPostgresTestDatabase();
      const second = openDatabase(
        { kind: 'postgres', url: shared.url ?? '', autoMigrate: false },
        { poolSize: 4 },
      );
      a = await createTestApp({ ...shared, dispose: async () => {} }, modelEnv(fake));
      b = await createTestApp({ database: second, dispose: () => second.close() }, modelEnv(fake));
    });
    afterAll(async () => {
      await b?.close();
      await a?.close();
      await shared?.dispose();
      await fake?.close();
    });

    it('lets 40 calls spread over both spend at most the cap plus one call estimate', async () => {
      const setup = await setUp([a, b]);
      const statuses = await writeInParallel(fake, setup, 40);
      await expectSpendWithinOneEstimate(fake, setup, statuses);
    });
  },
);

describeEachDialect('a model run held to its reservation', (create) => {
  let fake: FakeOpenAI;
  let t: TestApp;

  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(() => fake.close());
  afterEach(() => t.close());

  async function heldRows(): Promise<number> {
    return (await t.database.db.selectFrom('ai_budget_reservations').select('id').execute()).length;
  }

  it('asks the budget again before a repair, and stops there when it is spent', async () => {
    fake.reset();
    t = await createTestApp(await create(), modelEnv(fake));
    const setup = await setUp([t], 1);
    // The first answer needs a repair, which the budget (1 µUSD, all held by this call) cannot cover.
    fake.script({ reply: 'no JSON here', usage: { prompt_tokens: 100, completion_tokens: 10 } });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/ai/tasks/writeContent',
      headers: setup.owner.auth,
      payload: {
        business_id: setup.businessId,
        input: { channel: 'linkedin', format: 'post', brief: 'Autumn' },
      },
    });
    expect(response.statusCode).toBe(402);
    expect(response.json()).toMatchObject({ code: 'budget_exceeded' });
    expect(fake.chatRequests()).toHaveLength(1);
    const calls = await t.app.inject({
      url: `/api/ai/calls?business_id=${setup.businessId}`,
      headers: setup.owner.auth,
    });
    expect(calls.json<{ items: unknown[] }>().items).toMatchObject([
      { outcome: 'budget_exceeded', prompt_tokens: 100, completion_tokens: 10, cost_micro_usd: 21 },
    ]);
    expect(await heldRows()).toBe(0);
  });

  it('gives the reservation back when the answer comes from the cache', async () => {
    fake.reset();
    t = await createTestApp(await create(), { ...modelEnv(fake), AI_CACHE_TTL_SECONDS: '60' });
    const setup = await setUp([t], CAP);
    fake.setDefaultReply({ reply: DRAFT, usage: USAGE });
    const write = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/ai/tasks/writeContent',
        headers: setup.owner.auth,
        payload: {
          business_id: setup.businessId,
          input: { channel: 'linkedin', format: 'post', brief: 'Autumn' },
        },
      });
    expect((await write()).statusCode).toBe(200);
    expect((await write()).json()).toMatchObject({ cached: true, cost_micro_usd: 0 });
    expect(fake.chatRequests()).toHaveLength(1);
    expect(await heldRows()).toBe(0);
  });

  it('ends a run at its deadline, so it cannot outlive its reservation', async () => {
    fake.reset();
    // Deadline: 2 × (1 s retry budget + 1 s timeout) = 4 s; the stream below would take about 20 s.
    t = await createTestApp(
      await create(),
      { ...modelEnv(fake), AI_TIMEOUT_MS: '1000' },
      { aiRetry: { retries: 0, budgetMs: 1_000 } },
    );
    const setup = await setUp([t], CAP);
    fake.script({ reply: DRAFT, chunkDelayMs: 1_000 });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/content/generate',
      headers: { ...setup.owner.auth, accept: 'text/event-stream' },
      payload: { business_id: setup.businessId, channel: 'linkedin', brief: 'Autumn blend' },
    });
    const last = response.body.trim().split('\n\n').at(-1) ?? '';
    expect(last).toMatch(/^event: error/);
    expect(JSON.parse(last.split('data: ')[1] ?? '{}')).toMatchObject({ code: 'ai_provider_error' });
    const calls = await t.app.inject({
      url: `/api/ai/calls?business_id=${setup.businessId}`,
      headers: setup.owner.auth,
    });
    expect(calls.json<{ items: unknown[] }>().items).toMatchObject([
      {
        outcome: 'error',
        error_message:
          'The AI provider took too long to answer; nothing was saved. Try again or choose a faster model.',
      },
    ]);
    expect(await heldRows()).toBe(0);
  });
});
