import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';

/** Route label for requests that matched no route (404s, the SPA fallback). */
export const UNMATCHED_ROUTE = 'unmatched';

/** The route template a request matched (`/api/business/:id`), never the raw URL. */
export function routeLabel(request: FastifyRequest): string {
  return request.is404 ? UNMATCHED_ROUTE : (request.routeOptions.url ?? UNMATCHED_ROUTE);
}

/**
 * Replaces Fastify's two per-request log lines (incoming + completed, each serialising the whole request)
 * with one lean line on completion: logging every request is the expensive part of a small response, so
 * the line carries only what an operator needs. The request id comes from the child logger's bindings.
 */
export class LeanRequestLogController extends LogController {
  constructor() {
    super({ requestIdLogLabel: 'request_id' });
  }

  override incomingRequest(): void {}

  // The not-found handler answers with a problem and the completion line still records the 404.
  override routeNotFound(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const line = {
      method: request.method,
      route: routeLabel(request),
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (error) reply.log.error({ ...line, err: error }, 'request failed');
    else reply.log.info(line, 'request');
  }
}
