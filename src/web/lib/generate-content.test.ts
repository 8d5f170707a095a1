import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, NetworkError } from './api-error.js';
import { generateContent } from './generate-content.js';

const BODY = {
  business_id: '0190a5b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b',
  channel: 'x' as const,
  brief: 'Fresh bread',
};
const RESULT = {
  call_id: '0190a5b2-7c3d-7e4f-8a9b-0c1d2e3f4a5c',
  task: 'writeContent',
  provider: 'offline',
  model: 'offline-writer',
  offline: true,
  cached: false,
  prompt_tokens: 0,
  completion_tokens: 0,
  cost_micro_usd: 0,
  output: { variants: [{ title: 'Bread', body: 'Fresh bread daily.' }] },
};

/** A streamed answer delivered in awkward pieces, as a network would. */
function streamOf(text: string, pieceSize = 7): Response {
  const bytes = new TextEncoder().encode(text);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let start = 0; start < bytes.length; start += pieceSize) {
        controller.enqueue(bytes.slice(start, start + pieceSize));
      }
      controller.close();
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
}

const event = (name: string, data: unknown) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;

afterEach(() => vi.unstubAllGlobals());

describe('generateContent', () => {
  it('asks for an event stream and hands over start, every delta and the parsed result', async () => {
    const fetchMock = vi.fn(async (_url: string, _init: RequestInit) =>
      streamOf(
        event('start', { provider: 'offline', model: 'offline-writer', offline: true }) +
          event('delta', { text: '{"variants":[{"body":"Fresh ' }) +
          event('delta', { text: 'bread daily."}]}' }) +
          event('result', RESULT),
      ),
    );
    vi.stubGlobal('fetch', fetchMock);
    const onStart = vi.fn();
    const deltas: string[] = [];

    const result = await generateContent(BODY, { onStart, onDelta: (text) => deltas.push(text) });

    expect(fetchMock.mock.calls[0]?.[1]).toMatchObject({
      method: 'POST',
      headers: { accept: 'text/event-stream' },
    });
    expect(onStart).toHaveBeenCalledWith({ provider: 'offline', model: 'offline-writer', offline: true });
    expect(deltas.join('')).toBe('{"variants":[{"body":"Fresh bread daily."}]}');
    expect(result.output.variants[0]).toMatchObject({ body: 'Fresh bread daily.', hashtags: [], thread: [] });
  });

  it('throws the problem of an `error` event as an ApiError', async () => {
    const problem = { type: 'about:blank', title: 'Bad gateway', status: 502, code: 'ai_provider_error' };
    vi.stubGlobal('fetch', async () =>
      streamOf(event('start', { provider: 'p', model: 'm', offline: false }) + event('error', problem)),
    );
    const failure = await generateContent(BODY).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 502, code: 'ai_provider_error' });
  });

  it('throws a 402 answered before the stream opens as budget_exceeded', async () => {
    const problem = { type: 'about:blank', title: 'Payment required', status: 402, code: 'budget_exceeded' };
    vi.stubGlobal('fetch', async () =>
      Response.json(problem, { status: 402, headers: { 'content-type': 'application/problem+json' } }),
    );
    await expect(generateContent(BODY)).rejects.toMatchObject({ status: 402, code: 'budget_exceeded' });
  });

  it('treats a stream that ends without a result as cut off', async () => {
    vi.stubGlobal('fetch', async () => streamOf(event('delta', { text: '{"vari' })));
    await expect(generateContent(BODY)).rejects.toBeInstanceOf(NetworkError);
  });
});
