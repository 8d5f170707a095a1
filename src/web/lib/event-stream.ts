import { NetworkError } from './api-error.js';
import { refreshSession } from './auth/refresh-session.js';
import { getAccessToken } from './auth/session-store.js';
import { reportReachable, reportUnreachable } from './connectivity.js';
import { toApiError } from './problem.js';
import { createSseParser, type SseEvent } from './sse-parser.js';

interface EventStreamOptions {
  body: unknown;
  /** Called for each event, in order, as soon as it is complete. */
  onEvent: (event: SseEvent) => void;
  signal?: AbortSignal;
}

/**
 * POSTs JSON and reads the answer as Server-Sent Events. `EventSource` cannot send a bearer token or a
 * body, so this is `fetch` and a stream reader. Failures before the stream opens are typed like
 * `apiRequest`'s (`ApiError`, `NetworkError`, one retry after refreshing an expired token); what happens
 * inside the stream is the caller's to read from the events.
 *
 * @example
 * await postEventStream(API.generateContent, { body, onEvent: (event) => console.log(event.event) });
 */
export async function postEventStream(path: string, options: EventStreamOptions): Promise<void> {
  let response = await send(path, options);
  if (response.status === 401 && getAccessToken() !== undefined) {
    const error = await toApiError(response);
    if (error.code !== 'unauthenticated' || !(await refreshSession())) throw error;
    response = await send(path, options);
  }
  if (!response.ok) throw await toApiError(response);
  if (!response.body) throw new NetworkError(`The answer to ${path} has no body`);

  const parser = createSseParser();
  // Bytes decoded here rather than through a TextDecoderStream: a stream piped into another realm's
  // transform (the component tests run each file in its own context) is refused.
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (const event of parser.push(decoder.decode(value, { stream: true }))) options.onEvent(event);
    }
    for (const event of parser.push(decoder.decode())) options.onEvent(event);
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new NetworkError(`The stream from ${path} was cut off`, { cause: error });
  } finally {
    reader.releaseLock();
  }
  parser.end();
}

async function send(path: string, options: EventStreamOptions): Promise<Response> {
  const headers: Record<string, string> = {
    accept: 'text/event-stream',
    'content-type': 'application/json',
  };
  const token = getAccessToken();
  if (token) headers.authorization = `Bearer ${token}`;
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers,
      body: JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
    reportReachable();
    return response;
  } catch (error) {
    if (options.signal?.aborted) throw error;
    reportUnreachable();
    throw new NetworkError(`Could not reach the server for ${path}`, { cause: error });
  }
}
