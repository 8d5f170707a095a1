import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the receiver saw it. */
export interface ReceivedRequest {
  method: string;
  /** Path and query, as sent. */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: Date;
}

/** How the receiver answers one request: a status, and optionally a body, headers and a delay. */
export interface ScriptedReply {
  status: number;
  body?: string;
  headers?: Record<string, string>;
  /** Wait this long before answering (longer than the sender's timeout to provoke one). */
  delayMs?: number;
}

/** A real HTTP server on 127.0.0.1 that records every request and answers from a script. */
export interface WebhookReceiver {
  /** `http://127.0.0.1:<port>`; append a path for a webhook URL. */
  readonly origin: string;
  /** `<origin>/hook`. */
  readonly url: string;
  readonly requests: ReceivedRequest[];
  /** Queue replies for the next requests, in order; once used up, requests get `fallback`. */
  script(...replies: ScriptedReply[]): void;
  /** Resolves when at least `count` requests have arrived (rejects after `timeoutMs`). */
  waitForRequests(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

/**
 * Start a receiver for outbound webhook tests (signed deliveries, the publishing connector). It speaks
 * real HTTP, so tests exercise the sender's sockets, timeouts and redirects, not a mock.
 *
 * @example
 * const receiver = await startWebhookReceiver();
 * receiver.script({ status: 500 }, { status: 200 });
 * // … deliver to receiver.url …
 * const [first, second] = await receiver.waitForRequests(2);
 */
export async function startWebhookReceiver(
  fallback: ScriptedReply = { status: 200, body: 'ok' },
): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  const queue: ScriptedReply[] = [];
  const waiters = new Set<() => void>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: new Date(),
      });
      for (const wake of waiters) wake();
      const reply = queue.shift() ?? fallback;
      const answer = () => {
        if (response.destroyed) return;
        response.writeHead(reply.status, { 'content-type': 'text/plain', ...reply.headers });
        response.end(reply.body ?? '');
      };
      if (reply.delayMs) setTimeout(answer, reply.delayMs).unref();
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    url: `${origin}/hook`,
    requests,
    script: (...replies) => queue.push(...replies),
    waitForRequests(count, timeoutMs = 10_000) {
      if (requests.length >= count) return Promise.resolve(requests.slice());
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`Expected ${count} webhook requests, got ${requests.length}`));
        }, timeoutMs);
        const check = () => {
          if (requests.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(requests.slice());
        };
        waiters.add(check);
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
