import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
} from 'openai';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { promptText } from '../support/fake-openai/chat-request.schema.js';
import type { FakeOpenAI } from '../support/fake-openai/fake-openai.types.js';
import { startFakeOpenAI } from '../support/fake-openai/fake-openai-server.js';
import { findSchemaViolations } from '../support/fake-openai/json-schema-check.js';

const MESSAGES: OpenAI.ChatCompletionMessageParam[] = [
  { role: 'system', content: 'You write copy.' },
  { role: 'user', content: 'Say hi' },
];

const POST_SCHEMA = {
  type: 'object',
  properties: {
    headline: { type: 'string', maxLength: 40 },
    hashtags: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 3 },
    tone: { type: 'string', enum: ['friendly', 'formal'] },
    score: { type: 'integer', minimum: 1, maximum: 5 },
  },
  required: ['headline', 'hashtags', 'tone', 'score'],
  additionalProperties: false,
};

const jsonSchemaFormat = (schema: Record<string, unknown>) =>
  ({ type: 'json_schema', json_schema: { name: 'post', schema, strict: true } }) as const;

describe('fake OpenAI server driven by the openai SDK', () => {
  let fake: FakeOpenAI;
  let client: OpenAI;
  beforeEach(async () => {
    fake = await startFakeOpenAI();
    client = new OpenAI({ baseURL: fake.url, apiKey: 'test', maxRetries: 0 });
  });
  afterEach(() => fake.close());

  it('answers a scripted text reply with the model echoed and tokens counted', async () => {
    fake.script({ reply: 'Hello, world!' });
    const completion = await client.chat.completions.create({ model: 'fake-gpt', messages: MESSAGES });

    expect(completion.object).toBe('chat.completion');
    expect(completion.model).toBe('fake-gpt');
    expect(completion.choices[0]?.message).toMatchObject({ role: 'assistant', content: 'Hello, world!' });
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    // "You write copy." = 4 tokens, "Say hi" = 2; "Hello, world!" = 4 (words and punctuation marks).
    expect(completion.usage).toEqual({ prompt_tokens: 6, completion_tokens: 4, total_tokens: 10 });
    const [call] = fake.chatRequests();
    expect(call?.headers.authorization).toBe('Bearer test');
    expect(call?.chat.messages).toEqual(MESSAGES);
  });

  it('consumes scripted steps in order, then falls back to the default reply', async () => {
    fake.script(
      { reply: 'first', model: 'gpt-4o-mini-2024-07-18' },
      { usage: { prompt_tokens: 10, completion_tokens: 5 } },
    );
    const ask = () => client.chat.completions.create({ model: 'fake-gpt', messages: MESSAGES });

    const first = await ask();
    const second = await ask();
    const third = await ask();

    expect(first.model).toBe('gpt-4o-mini-2024-07-18');
    expect(second.usage).toEqual({ prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 });
    expect(second.choices[0]?.message.content).toBe(third.choices[0]?.message.content);
    expect(third.choices[0]?.message.content).toMatch(/\w+ \w+/);
    expect(fake.pending()).toBe(0);
  });

  it('lets a script function answer from the request, and a default generator be set', async () => {
    fake.script((call) => ({ reply: `echo: ${promptText(call.chat)}` }));
    fake.setDefaultReply({ reply: 'always this' });

    const echoed = await client.chat.completions.create({ model: 'fake-gpt', messages: MESSAGES });
    const fallback = await client.chat.completions.create({ model: 'fake-gpt', messages: MESSAGES });

    expect(echoed.choices[0]?.message.content).toBe('echo: You write copy.\nSay hi');
    expect(fallback.choices[0]?.message.content).toBe('always this');
  });

  it('serialises a JSON reply for a json_schema request, even one that does not match the schema', async () => {
    fake.script({ reply: { headline: 'x' } }, { reply: { wrong: 'shape' } });
    const ask = () =>
      client.chat.completions.create({
        model: 'fake-gpt',
        messages: MESSAGES,
        response_format: jsonSchemaFormat(POST_SCHEMA),
      });

    expect(JSON.parse((await ask()).choices[0]?.message.content ?? '')).toEqual({ headline: 'x' });
    expect(JSON.parse((await ask()).choices[0]?.message.content ?? '')).toEqual({ wrong: 'shape' });
    expect(fake.chatRequests()[0]?.chat.response_format).toEqual(jsonSchemaFormat(POST_SCHEMA));
  });

  it('answers an unscripted json_schema request with a value valid against the schema', async () => {
    const completion = await client.chat.completions.create({
      model: 'fake-gpt',
      messages: MESSAGES,
      response_format: jsonSchemaFormat(POST_SCHEMA),
    });

    const value: unknown = JSON.parse(completion.choices[0]?.message.content ?? '');
    expect(findSchemaViolations(value, POST_SCHEMA)).toEqual([]);
  });

  it('refuses a strict schema that OpenAI would refuse (a property left out of required)', async () => {
    const loose = { ...POST_SCHEMA, required: ['headline'] };
    const error = await client.chat.completions
      .create({ model: 'fake-gpt', messages: MESSAGES, response_format: jsonSchemaFormat(loose) })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).code).toBe('invalid_json_schema');
    expect((error as BadRequestError).message).toContain("Missing 'hashtags'");
  });

  it('answers JSON mode with a JSON object, and refuses it when the prompt never says JSON', async () => {
    const jsonMode = { type: 'json_object' } as const;
    const answered = await client.chat.completions.create({
      model: 'fake-gpt',
      messages: [{ role: 'user', content: 'Reply in JSON.' }],
      response_format: jsonMode,
    });
    const refused = client.chat.completions.create({
      model: 'fake-gpt',
      messages: MESSAGES,
      response_format: jsonMode,
    });

    expect(JSON.parse(answered.choices[0]?.message.content ?? '')).toEqual({ text: expect.any(String) });
    await expect(refused).rejects.toBeInstanceOf(BadRequestError);
  });

  it('cuts the reply at max_tokens and says so in finish_reason', async () => {
    fake.script({ reply: 'one two three four five' });
    const completion = await client.chat.completions.create({
      model: 'fake-gpt',
      messages: MESSAGES,
      max_tokens: 3,
    });

    expect(completion.choices[0]?.message.content).toBe('one two three');
    expect(completion.choices[0]?.finish_reason).toBe('length');
    expect(completion.usage?.completion_tokens).toBe(3);
  });

  it('streams the reply in several deltas, then a usage-only chunk when include_usage is set', async () => {
    fake.script({ reply: 'Fresh ideas for your spring launch.', chunkDelayMs: 5 });
    const stream = await client.chat.completions.create({
      model: 'fake-gpt',
      messages: MESSAGES,
      stream: true,
      stream_options: { include_usage: true },
    });

    const chunks: OpenAI.ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);

    const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
    expect(text).toBe('Fresh ideas for your spring launch.');
    expect(chunks.filter((chunk) => chunk.choices[0]?.delta.content).length).toBeGreaterThan(3);
    expect(chunks[0]?.choices[0]?.delta.role).toBe('assistant');
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop');
    expect(chunks.at(-1)?.choices).toEqual([]);
    expect(chunks.at(-1)?.usage).toEqual({ prompt_tokens: 6, completion_tokens: 7, total_tokens: 13 });
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);
    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(1);
  });

  it('streams without a usage chunk unless include_usage is set', async () => {
    const stream = await client.chat.completions.create({
      model: 'fake-gpt',
      messages: MESSAGES,
      stream: true,
    });
    const chunks: OpenAI.ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);

    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop');
    expect(chunks.some((chunk) => 'usage' in chunk)).toBe(false);
  });

  it('surfaces a scripted 429 as RateLimitError with the retry-after header', async () => {
    fake.script({ status: 429, retryAfter: 2 });
    const error = await client.chat.completions
      .create({ model: 'fake-gpt', messages: MESSAGES })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).headers?.get('retry-after')).toBe('2');
    expect((error as RateLimitError).code).toBe('rate_limit_exceeded');
    expect((error as RateLimitError).requestID).toMatch(/^req_fake/);
  });

  it('surfaces a scripted 500 as InternalServerError', async () => {
    fake.script({ status: 500 });
    await expect(
      client.chat.completions.create({ model: 'fake-gpt', messages: MESSAGES }),
    ).rejects.toBeInstanceOf(InternalServerError);
  });

  it('answers a slow reply within a generous timeout', async () => {
    fake.script({ delayMs: 100, reply: 'worth the wait' });
    const completion = await client.chat.completions.create(
      { model: 'fake-gpt', messages: MESSAGES },
      { timeout: 10_000 },
    );
    expect(completion.choices[0]?.message.content).toBe('worth the wait');
  });

  it('lets a hanging request time out on the client', async () => {
    fake.script({ hang: true });
    await expect(
      client.chat.completions.create({ model: 'fake-gpt', messages: MESSAGES }, { timeout: 300 }),
    ).rejects.toBeInstanceOf(APIConnectionTimeoutError);
  });

  it('ends a hanging request when the server closes', async () => {
    fake.script({ hang: true });
    const pending = client.chat.completions.create({ model: 'fake-gpt', messages: MESSAGES });
    await vi.waitFor(() => expect(fake.requests).toHaveLength(1));

    await fake.close();

    await expect(pending).rejects.toBeInstanceOf(APIConnectionError);
  });

  // The SDK does not wrap these in its own error classes: the engine must expect plain SyntaxError/TypeError.
  it('makes the SDK throw a SyntaxError on a 200 whose body is not JSON', async () => {
    fake.script({ malformedJson: true });
    await expect(
      client.chat.completions.create({ model: 'fake-gpt', messages: MESSAGES }),
    ).rejects.toBeInstanceOf(SyntaxError);
  });

  it('makes the stream iterator throw a SyntaxError on an event that is not JSON', async () => {
    fake.script({ malformedJson: true });
    const quiet = new OpenAI({ baseURL: fake.url, apiKey: 'test', maxRetries: 0, logLevel: 'off' });
    const stream = await quiet.chat.completions.create({
      model: 'fake-gpt',
      messages: MESSAGES,
      stream: true,
    });
    const iterate = async () => {
      for await (const _chunk of stream);
    };
    await expect(iterate()).rejects.toBeInstanceOf(SyntaxError);
  });

  it('makes the stream iterator throw when the connection drops mid-stream', async () => {
    fake.script({ reply: 'one two three four five six', cutStreamAfterChunks: 3 });
    const stream = await client.chat.completions.create({
      model: 'fake-gpt',
      messages: MESSAGES,
      stream: true,
    });

    let text = '';
    const iterate = async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    };

    await expect(iterate()).rejects.toThrow('terminated');
    // The opening role chunk, then two words.
    expect(text).toBe('one two');
  });

  it('makes a non-streaming request fail when the connection drops mid-body', async () => {
    fake.script({ cutStreamAfterChunks: 0 });
    await expect(client.chat.completions.create({ model: 'fake-gpt', messages: MESSAGES })).rejects.toThrow(
      'terminated',
    );
  });

  it('answers 401 in the OpenAI error format without a bearer token', async () => {
    const response = await fetch(`${fake.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'fake-gpt', messages: MESSAGES }),
    });
    const basicAuth = new OpenAI({
      baseURL: fake.url,
      apiKey: 'x',
      maxRetries: 0,
      defaultHeaders: { Authorization: 'Basic eDp5' },
    });

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: {
        message: expect.stringContaining('API key'),
        type: 'invalid_request_error',
        param: null,
        code: null,
      },
    });
    await expect(basicAuth.models.list()).rejects.toBeInstanceOf(AuthenticationError);
    expect(fake.pending()).toBe(0);
  });

  it('answers 400 naming the parameter when the body has the wrong shape', async () => {
    fake.script({ reply: 'not consumed by invalid requests' });
    const missingContent = await client.chat.completions
      .create({ model: 'fake-gpt', messages: [{ role: 'user' } as OpenAI.ChatCompletionMessageParam] })
      .catch((caught: unknown) => caught);
    const badRole = await client.chat.completions
      .create({ model: 'fake-gpt', messages: [{ role: 'bot', content: 'hi' } as never] })
      .catch((caught: unknown) => caught);
    const notJson = await fetch(`${fake.url}/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer test', 'content-type': 'application/json' },
      body: '{"model":',
    });

    expect(missingContent).toBeInstanceOf(BadRequestError);
    expect((missingContent as BadRequestError).param).toBe('messages[0].content');
    expect((badRole as BadRequestError).param).toBe('messages[0].role');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: { type: 'invalid_request_error', param: null } });
    expect(fake.pending()).toBe(1);
    expect(fake.chatRequests()).toHaveLength(0);
    expect(fake.requests).toHaveLength(3);
  });

  it('lists models, and answers 404 for unknown ones and unknown paths', async () => {
    const models = [];
    for await (const model of client.models.list()) models.push(model);

    expect(models.map((model) => model.id)).toEqual(['fake-gpt', 'gpt-4o-mini']);
    expect(models[0]).toEqual({
      id: 'fake-gpt',
      object: 'model',
      created: expect.any(Number),
      owned_by: 'fake-openai',
    });
    expect((await client.models.retrieve('gpt-4o-mini')).id).toBe('gpt-4o-mini');
    await expect(client.models.retrieve('nope')).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.embeddings.create({ model: 'x', input: 'y' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('forgets scripts and requests on reset', async () => {
    fake.script({ reply: 'a' }, { reply: 'b' });
    await client.chat.completions.create({ model: 'fake-gpt', messages: MESSAGES });

    fake.reset();

    expect(fake.pending()).toBe(0);
    expect(fake.requests).toHaveLength(0);
  });
});
