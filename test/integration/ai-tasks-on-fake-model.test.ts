import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CircuitBreaker } from '#server/ai/circuit-breaker.js';
import { newMeter, runOnModel } from '#server/ai/engine.js';
import { OpenAiCompatibleProvider } from '#server/ai/providers/openai-compatible.provider.js';
import type { AnyAiTask, TaskContext } from '#server/ai/task.js';
import { AI_TASKS } from '#server/ai/tasks/index.js';
import type { AiTaskName } from '#shared/ai-tasks.schema.js';
import { testContext } from '../support/ai/test-task.js';
import type { FakeOpenAI } from '../support/fake-openai/fake-openai.types.js';
import { startFakeOpenAI } from '../support/fake-openai/fake-openai-server.js';

// `npm run fake-llm` is the README's way to try the model path: every task must come back valid from it, on
// the first answer, through the same provider and engine a real endpoint goes through.

const context: TaskContext = {
  ...testContext,
  business: {
    ...testContext.business,
    name: 'Bluebird Coffee',
    industry: 'Coffee roastery',
    brand: {
      ...testContext.business.brand,
      voice: { ...testContext.business.brand.voice, words_to_avoid: ['cheap', 'guarantee'] },
      products: [
        { name: 'Morning Blend', description: 'A smooth medium roast for every day', price: '€12' },
        { name: 'Cupping Class', description: 'A one-hour tasting with our roaster' },
      ],
      audiences: [
        { name: 'Home brewers', description: 'People who make coffee at home', pains: [], goals: [] },
      ],
    },
  },
};

const INPUTS: Record<AiTaskName, Record<string, unknown>> = {
  planCalendar: {
    start_date: '2026-03-02',
    weeks: 2,
    channels: ['instagram', 'email', 'sms'],
    cadence: { instagram: 3, email: 1, sms: 1 },
  },
  writeContent: { channel: 'instagram', brief: 'Our spring roast is here', variants: 3 },
  rewriteContent: {
    channel: 'linkedin',
    text: 'Our spring roast is here. Come and taste it.',
    mode: 'shorten',
  },
  classifyMessage: { channel: 'instagram', text: 'Do you ship to Ireland?' },
  suggestReplies: { channel: 'instagram', message: 'Do you ship to Ireland?', count: 3 },
  suggestAltText: {
    file_name: 'IMG_2024_spring-roast.jpg',
    kind: 'image',
    brief: 'Our spring roast is here',
  },
};

describe.each([
  ['openai', 'fake-gpt'],
  ['ollama', 'llama3.2'],
  ['llama.cpp', 'qwen3-4b.gguf'],
  ['lm-studio', 'google/gemma-3-4b'],
] as const)('every AI task against the fake model speaking %s (npm run fake-llm)', (dialect, model) => {
  let fake: FakeOpenAI;
  let provider: OpenAiCompatibleProvider;

  beforeAll(async () => {
    fake = await startFakeOpenAI({ dialect, models: [model] });
    provider = new OpenAiCompatibleProvider({ baseUrl: fake.url, apiKey: 'fake', model, timeoutMs: 10_000 });
  });
  afterAll(() => fake.close());

  const run = async (task: AnyAiTask, streamed = false) => {
    const meter = newMeter(model);
    const output: unknown = await runOnModel(task, task.input.parse(INPUTS[task.name]), context, {
      provider,
      breaker: new CircuitBreaker(3, 60_000),
      retry: { retries: 0, budgetMs: 10_000 },
      meter,
      ...(streamed ? { onDelta: () => {} } : {}),
    });
    return { output, meter };
  };

  it.each(Object.values(AI_TASKS).map((task) => [task.name, task] as const))(
    '%s: the first answer passes the task schema and rules',
    async (_name, task) => {
      const { output, meter } = await run(task);

      expect(task.output.safeParse(output).error).toBeUndefined();
      expect(meter.repaired).toBe(false);
      expect(meter.attempts).toBe(1);
    },
  );

  it('plans one item per post of the cadence, inside the range, at readable daytime hours', async () => {
    const { output } = await run(AI_TASKS.planCalendar);
    const plan = output as { items: Array<{ date: string; time: string; channel: string; title: string }> };

    expect(plan.items).toHaveLength(2 * (3 + 1 + 1));
    expect(plan.items.filter((item) => item.channel === 'instagram')).toHaveLength(6);
    for (const item of plan.items) {
      expect(item.date >= '2026-03-02' && item.date <= '2026-03-15', item.date).toBe(true);
      expect(item.time >= '08:00' && item.time <= '20:00', item.time).toBe(true);
    }
    expect(new Set(plan.items.map((item) => item.title)).size).toBe(plan.items.length);
  });

  it('returns as many variants and replies as asked, different from each other, about the brand', async () => {
    const drafts = (await run(AI_TASKS.writeContent, true)).output as { variants: Array<{ body: string }> };
    const replies = (await run(AI_TASKS.suggestReplies)).output as { replies: Array<{ body: string }> };

    expect(drafts.variants).toHaveLength(3);
    expect(new Set(drafts.variants.map((draft) => draft.body)).size).toBe(3);
    expect(drafts.variants.map((draft) => draft.body).join(' ')).toMatch(/Morning Blend|Bluebird Coffee/);
    expect(replies.replies).toHaveLength(3);
  });
});
