import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { CheckedTarget } from './outbound-guard.js';
import { safeResponseHeaders } from './response-headers.js';

/**
 * How much of a response body is read: enough for a connector's `{"id", "url"}` answer. The body is for
 * the caller's own parsing only, never stored or shown (see `safeResponseHeaders`).
 */
export const BODY_BYTES = 1024;

/** One POST's answer: enough to classify it and to follow a redirect. */
export interface HopResponse {
  status: number;
  location: string | null;
  /** The safe subset of the answer's headers. */
  headers: Record<string, string> | null;
  /** The first BODY_BYTES of the body. */
  body: string;
}

/** Sends one POST to a checked target (no redirects); rejects on network errors and on `signal`. */
export type HopTransport = (
  target: CheckedTarget,
  request: { headers: Record<string, string>; body: string },
  signal: AbortSignal,
) => Promise<HopResponse>;

/**
 * POST over node:http(s), connecting to the address the guard checked: the socket's DNS lookup is
 * replaced by one that answers that address, while the Host header and TLS name (SNI, certificate check)
 * stay the URL's host. No keep-alive pool, so no connection made for another address is reused.
 */
export const pinnedTransport: HopTransport = (target, { headers, body }, signal) =>
  new Promise((resolve, reject) => {
    const send = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(target.url, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      lookup: pinnedLookup(target),
      agent: false,
      signal,
    });
    let answered = false;
    // Once the status is in, a late abort or socket error only cuts the body short.
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
    request.on('response', (response) => {
      answered = true;
      readBody(response, signal).then(
        (body) =>
          resolve({
            status: response.statusCode ?? 0,
            location: headerValue(response.headers.location),
            headers: safeResponseHeaders((name) => response.headers[name]),
            body,
          }),
        reject,
      );
    });
    request.end(body);
  });

/**
 * A socket lookup that answers the address the guard checked, whatever name it is asked for: the
 * connection cannot go anywhere a fresh DNS answer (rebinding) would send it.
 */
export function pinnedLookup(target: CheckedTarget): LookupFunction {
  return ((_host, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  }) as LookupFunction;
}

/**
 * A transport over a `fetch` implementation (the test seam). It cannot pin the address, so it is only
 * for tests that replace the network; the guard still checks every hop's URL.
 */
export function fetchTransport(fetchImpl: typeof fetch): HopTransport {
  return async (target, { headers, body }, signal) => {
    const response = await fetchImpl(target.url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal,
    });
    const text = response.body ? await response.text() : '';
    return {
      status: response.status,
      location: response.headers.get('location'),
      headers: safeResponseHeaders((name) => response.headers.get(name)),
      body: Buffer.from(text).subarray(0, BODY_BYTES).toString('utf8'),
    };
  };
}

/** The first BODY_BYTES of the body; the rest is not read (the socket is closed instead). */
function readBody(response: IncomingMessage, signal: AbortSignal): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = () => {
      signal.removeEventListener('abort', finish);
      response.destroy();
      resolve(Buffer.concat(chunks).subarray(0, BODY_BYTES).toString('utf8'));
    };
    // The status is known once headers arrived; a body that trickles past the deadline is cut, not failed.
    signal.addEventListener('abort', finish, { once: true });
    response.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= BODY_BYTES) finish();
    });
    response.on('end', finish);
    response.on('error', finish);
    response.on('close', finish);
  });
}

function headerValue(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}
