import { describe, expect, it } from 'vitest';
import { fetchAvatar } from './avatar-fetch.js';

// The fetch handed in is the guarded one in the app; here a stand-in answers as a file host would.
const answering =
  (response: () => Response, seen: string[] = []): typeof fetch =>
  async (input) => {
    seen.push(String(input));
    return response();
  };
const http = (call: typeof fetch) => ({ fetch: call, timeoutMs: 1_000 });

describe('fetchAvatar', () => {
  it('reads the bytes of a 200', async () => {
    const bytes = await fetchAvatar(
      http(answering(() => new Response(new Uint8Array([1, 2, 3])))),
      'https://cdn.example/a.png',
    );
    expect(bytes).toEqual(Buffer.from([1, 2, 3]));
  });

  it('reads nothing past the limit, whether announced or not', async () => {
    const big = () => new Response(new Uint8Array(11));
    expect(await fetchAvatar(http(answering(big)), 'https://cdn.example/a.png', 10)).toBeUndefined();
    const unannounced = () =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new Uint8Array(6));
            controller.enqueue(new Uint8Array(6));
            controller.close();
          },
        }),
      );
    expect(await fetchAvatar(http(answering(unannounced)), 'https://cdn.example/a.png', 10)).toBeUndefined();
  });

  it('answers undefined for a failure, an empty body, a refused call and an address that is not http', async () => {
    const seen: string[] = [];
    expect(
      await fetchAvatar(
        http(answering(() => new Response('gone', { status: 404 }))),
        'https://cdn.example/a',
      ),
    ).toBeUndefined();
    expect(
      await fetchAvatar(http(answering(() => new Response(new Uint8Array(0)))), 'https://cdn.example/a'),
    ).toBeUndefined();
    const refusing: typeof fetch = async () => {
      throw new Error('The address is private');
    };
    expect(await fetchAvatar(http(refusing), 'https://10.0.0.1/a.png')).toBeUndefined();
    expect(
      await fetchAvatar(http(answering(() => new Response('x'), seen)), 'file:///etc/passwd'),
    ).toBeUndefined();
    expect(await fetchAvatar(http(answering(() => new Response('x'), seen)), 'not a url')).toBeUndefined();
    expect(seen).toEqual([]);
  });
});
