import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The header that carries a request id in, and always back out. */
export const REQUEST_ID_HEADER = 'x-request-id';

// An id from a proxy or client is kept only when it is short and plain, so it cannot forge log lines
// (newlines), inflate logs, or smuggle markup into headers.
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Whether an incoming request id is safe to adopt. */
export function isSaneRequestId(value: unknown): value is string {
  return typeof value === 'string' && SANE_REQUEST_ID.test(value);
}

/**
 * Fastify's `genReqId`: adopt a sane incoming `x-request-id`, otherwise mint a UUID.
 *
 * @example
 * Fastify({ genReqId: requestIdFor, requestIdHeader: false });
 */
export function requestIdFor(req: Pick<IncomingMessage, 'headers'>): string {
  const incoming = req.headers[REQUEST_ID_HEADER];
  return isSaneRequestId(incoming) ? incoming : randomUUID();
}
