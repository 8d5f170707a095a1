import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CircuitBreaker } from '#server/ai/circuit-breaker.js';
import { newMeter, runOnModel } from '#server/ai/engine.js';
import { OpenAiCompatibleProvider } from '#server/ai/providers/openai-compatible.provider.js';
import { type AppError, isAppError } from '#server/errors/app-error.js';
import { sloganTask, testContext } from '../support/ai/test-task.js';
import type { FakeOpenAI } from '../support/fake-openai/fake-openai.types.js';
import { startFakeOpenAI } from '../support/fake-openai/fake-openai-server.js';

const FAST_RETRY = { retries: 3, budgetMs: 20_000, minDelayMs: 10, maxDelayMs: 50 };

describe('the AI engine against an OpenAI-compatible server over HTTP', () => {
  let fake: FakeOpenAI;
  let provider: OpenAiCompatibleProvider;
  let breaker: CircuitBreaker;

  beforeAll(async () => {
    fake = await startFakeOpenAI();
    provider = new OpenAiCompatibleProvider({
      baseUrl: fake.url,
      apiKey: 'test-key',
      model: 'gpt-4o-mini',
      timeoutMs: 2_000,
    });
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.reset();
    breaker = new CircuitBreaker(3, 60_000);
  });

  const run = (
    meter = newMeter('gpt-4o-mini'),
    extra: { signal?: AbortSignal; onDelta?: (t: string) => void } = {},
  ) =>
    runOnModel(sloganTask, { product: 'Espresso beans' }, testContext, {
      provider,
      breaker,
      retry: FAST_RETRY,
      meter,
      ...extra,
    });

  it('asks for structured output and validates the answer', async () => {
    fake.script({
      reply: { slogan: 'Wake up to Bluebird', hashtags: ['coffee'] },
      usage: { prompt_tokens: 40, completion_tokens: 8 },
      model: 'gpt-4o-mini-2024-07-18',
    });
    const meter = newMeter('gpt-4o-mini');
    expect(await run(meter)).toEqual({ slogan: 'Wake up to Bluebird', hashtags: ['#coffee'] });
    expect(meter).toMatchObject({
      model: 'gpt-4o-mini-2024-07-18',
      attempts: 1,
      repaired: false,
      usage: { promptTokens: 40, completionTokens: 8 },
    });
    const sent = fake.chatRequests()[0]?.chat;
    expect(sent?.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'writeContent' },
    });
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer test-key');
  });

  it('retries 429 (honouring Retry-After) and 500, then succeeds, metering every attempt', async () => {
    fake.script({ status: 429, retryAfter: 1 }, { status: 500 }, { reply: { slogan: 'Third time lucky' } });
    const meter = newMeter('gpt-4o-mini');
    expect((await run(meter)).slogan).toBe('Third time lucky');
    expect(meter.attempts).toBe(3);
    const [first, second] = fake.chatRequests();
    expect((second?.receivedAt.getTime() ?? 0) - (first?.receivedAt.getTime() ?? 0)).toBeGreaterThanOrEqual(
      1000,
    );
  });

  it('gives up after the retries with a 502 problem carrying the attempts', async () => {
    fake.script({ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 });
    const meter = newMeter('gpt-4o-mini');
    const error = await run(meter).catch((e: unknown) => e);
    expect(isAppError(error, 'ai_provider_error')).toBe(true);
    expect(meter.attempts).toBe(4);
  });

  it('does not retry a request the provider rejects (400)', async () => {
    fake.script({ status: 400 });
    const meter = newMeter('gpt-4o-mini');
    expect(isAppError(await run(meter).catch((e: unknown) => e), 'ai_provider_error')).toBe(true);
    expect(meter.attempts).toBe(1);
  });

  it('times out a hanging provider and retries', async () => {
    fake.script(
      { hang: true },
      { reply: { slogan: 'After the hang' }, usage: { prompt_tokens: 10, completion_tokens: 5 } },
    );
    const meter = newMeter('gpt-4o-mini');
    expect((await run(meter)).slogan).toBe('After the hang');
    expect(meter.attempts).toBe(2);
    // The hung attempt's prompt may be billed: counted here, on top of what the answer reported.
    expect(meter.usage.promptTokens).toBeGreaterThan(10 + 20);
    expect(meter.usage.completionTokens).toBe(5);
    expect(meter.estimated).toBe(true);
  });

  it('reports a malformed answer as a provider error', async () => {
    fake.script({ malformedJson: true });
    expect(isAppError(await run().catch((e: unknown) => e), 'ai_provider_error')).toBe(true);
  });

  it('repairs an invalid answer once, showing the model its problems', async () => {
    fake.script({ reply: { wrong: 'shape' } }, { reply: { slogan: 'Fixed and valid' } });
    const meter = newMeter('gpt-4o-mini');
    expect((await run(meter)).slogan).toBe('Fixed and valid');
    expect(meter.repaired).toBe(true);
    const repair = fake.chatRequests()[1]?.chat.messages.at(-1);
    expect(JSON.stringify(repair)).toMatch(/slogan/);
  });

  it('enforces the task rules on a valid answer and fails with 502 when the repair breaks them again', async () => {
    fake.script(
      { reply: { slogan: 'The cheap coffee' } },
      { reply: { slogan: 'Still cheap, still coffee' } },
    );
    const error = await run().catch((e: unknown) => e);
    expect(isAppError(error, 'ai_provider_error')).toBe(true);
    // The person reads what was wrong in plain words; the rule the model broke stays in the diagnostics.
    expect((error as AppError).message).toBe(
      "The model's answer had words the brand avoids; nothing was saved. Try again or choose another model.",
    );
    expect((error as AppError).options.diagnostics).toMatch(/cheap/);
  });

  it('streams deltas and meters a stream, even one cut half-way', async () => {
    fake.script({
      reply: { slogan: 'Streamed slogan words here' },
      usage: { prompt_tokens: 30, completion_tokens: 9 },
    });
    const deltas: string[] = [];
    const meter = newMeter('gpt-4o-mini');
    expect((await run(meter, { onDelta: (t) => deltas.push(t) })).slogan).toBe('Streamed slogan words here');
    expect(deltas.length).toBeGreaterThan(1);
    expect(meter.usage).toEqual({ promptTokens: 30, completionTokens: 9 });
    expect(meter.estimated).toBe(false);

    fake.script({
      reply: { slogan: 'This stream will be cut before the end of it' },
      cutStreamAfterChunks: 4,
    });
    const cut = newMeter('gpt-4o-mini');
    const error = await run(cut, { onDelta: () => {} }).catch((e: unknown) => e);
    expect(isAppError(error, 'ai_provider_error')).toBe(true);
    expect(cut.usage.completionTokens).toBeGreaterThan(0);
    expect(cut.usage.promptTokens).toBeGreaterThan(0);
    expect(cut.estimated).toBe(true);
  });

  it('opens the circuit after repeated failures and fails fast while open', async () => {
    fake.setDefaultReply({ status: 500 });
    for (let i = 0; i < 3; i++) await run().catch(() => {});
    const before = fake.requests.length;
    const error = await run().catch((e: unknown) => e);
    expect(isAppError(error, 'ai_unavailable')).toBe(true);
    expect(fake.requests.length).toBe(before);
  });

  it('stops when the caller aborts', async () => {
    fake.script({ hang: true });
    const controller = new AbortController();
    const pending = run(newMeter('gpt-4o-mini'), { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect(isAppError(await pending.catch((e: unknown) => e), 'ai_provider_error')).toBe(true);
  });
});
