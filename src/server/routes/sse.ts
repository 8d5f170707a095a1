import type { FastifyReply, FastifyRequest } from 'fastify';
import { buildProblem, resolveProblem } from '../plugins/problem-details.js';

/** A Server-Sent Events stream on a hijacked reply. */
export interface EventStream {
  send(event: string, data: unknown): void;
  /** Send the error as an `error` event carrying a problem document, then end. */
  fail(error: unknown): void;
  end(): void;
  /** Aborts when the client goes away before the stream ends. */
  readonly signal: AbortSignal;
}

/**
 * Start an SSE response. Headers set so far (request id, security headers) are kept; from here on
 * Fastify no longer writes to this reply, so errors travel as `error` events.
 */
export function openEventStream(request: FastifyRequest, reply: FastifyReply): EventStream {
  const controller = new AbortController();
  reply.raw.on('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  reply.hijack();
  const kept = Object.fromEntries(
    Object.entries(reply.getHeaders()).filter(
      (entry): entry is [string, string | number | string[]] => entry[1] !== undefined,
    ),
  );
  reply.raw.writeHead(200, {
    ...kept,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    // nginx buffers proxied responses by default; streams must reach the browser as they are written.
    'x-accel-buffering': 'no',
  });
  const write = (event: string, data: unknown) => {
    if (!reply.raw.writableEnded) reply.raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  return {
    signal: controller.signal,
    send: write,
    fail(error) {
      const resolved = resolveProblem(error);
      if (resolved.internal) request.log.error({ err: error }, 'stream failed');
      else if (resolved.diagnostics) {
        request.log.warn({ code: resolved.code, diagnostics: resolved.diagnostics }, 'stream failed');
      }
      write('error', buildProblem(resolved, request));
      reply.raw.end();
    },
    end() {
      reply.raw.end();
    },
  };
}

/** Whether the client asked for an event stream. */
export function wantsEventStream(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('text/event-stream');
}
