import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { CheckedTarget, OutboundGuard } from './outbound-guard.js';
import { pinnedLookup } from './signed-delivery-transport.js';

/** A call that was not made: the guard refused the address, or the answer was a redirect (not followed). */
export class OutboundRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutboundRefusedError';
  }
}

/** Statuses whose answer has no body (the Response constructor refuses one). */
const NO_BODY = new Set([101, 204, 205, 304]);

/**
 * A `fetch` for an endpoint a workspace chose (its AI provider), with the webhook sender's protection:
 * each request's URL passes the outbound guard and the socket connects to the address the guard checked,
 * so neither a fresh DNS answer (rebinding) nor a redirect can move the call inside. A redirect answer is
 * an `OutboundRefusedError`, never followed. No keep-alive pool, for the same reason as the sender's.
 *
 * @example
 * const client = new OpenAI({ baseURL, apiKey, fetch: createGuardedFetch(guard) });
 */
export function createGuardedFetch(guard: OutboundGuard): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const verdict = await guard.check(request.url);
    if (!verdict.ok) throw new OutboundRefusedError(verdict.problem);
    // A body whose length the caller declared (a video upload, hundreds of megabytes) is streamed as it
    // is read; any other is small and sent whole, with its length.
    const streamed = request.body !== null && request.headers.has('content-length');
    const body = streamed
      ? Readable.fromWeb(request.body as WebReadableStream)
      : request.body
        ? Buffer.from(await request.arrayBuffer())
        : undefined;
    const response = await send(verdict.target, request, body);
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location) {
      response.destroy();
      throw new OutboundRefusedError(
        `The endpoint answered with a redirect (HTTP ${status}); redirects are not followed`,
      );
    }
    const stream = NO_BODY.has(status) ? null : (Readable.toWeb(response) as unknown as ReadableStream);
    if (!stream) response.destroy();
    return new Response(stream, {
      status,
      statusText: response.statusMessage ?? '',
      headers: headersOf(response),
    });
  };
}

/** One request over node:http(s) to the checked address; resolves with the answer's head. */
function send(
  target: CheckedTarget,
  request: Request,
  body: Buffer | Readable | undefined,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = Object.fromEntries(request.headers);
    if (Buffer.isBuffer(body)) headers['content-length'] = String(body.length);
    const call = (target.url.protocol === 'https:' ? httpsRequest : httpRequest)(target.url, {
      method: request.method,
      headers,
      lookup: pinnedLookup(target),
      agent: false,
      signal: request.signal,
    });
    call.on('error', (error) => {
      // A streamed body still being read (a file from storage) is closed with the request.
      if (body instanceof Readable) body.destroy();
      reject(error);
    });
    call.on('response', resolve);
    if (body instanceof Readable) {
      body.on('error', (error) => call.destroy(error));
      body.pipe(call);
    } else {
      call.end(body);
    }
  });
}

function headersOf(response: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = response.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i] ?? '', raw[i + 1] ?? '');
  return headers;
}
