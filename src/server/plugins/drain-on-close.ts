import type { Socket } from 'node:net';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors/app-error.js';

/**
 * Graceful shutdown on the HTTP side, for `app.close()`: every request the server has received gets an
 * answer, then every connection closes, so the process can exit without resetting anyone.
 *
 * - Requests already running finish. The last answer on each kept-alive connection says
 *   `Connection: close`, so the connection ends after it instead of lingering until its keep-alive
 *   timeout (which held shutdown past its deadline, to exit 1); an answer with another request
 *   pipelined behind it keeps the connection open for that one.
 * - A request that arrives after closing began gets a `service_unavailable` problem (Fastify's own 503
 *   is bare JSON), also with `Connection: close`.
 * - Before the server sweeps idle connections (`server.close()` destroys them), one turn of the event
 *   loop lets it read requests already sent on them: destroying a connection with an unread request
 *   resets it, which the client sees as ECONNRESET.
 */
export function drainOnClose(app: FastifyInstance): void {
  let closing = false;
  // Requests received and not yet answered, per connection: a socket may carry pipelined requests.
  const open = new WeakMap<Socket, number>();

  app.addHook('preClose', async () => {
    closing = true;
    await nextTurn();
  });
  app.addHook('onRequest', async (request, reply) => {
    const socket = request.raw.socket;
    if (socket) {
      open.set(socket, (open.get(socket) ?? 0) + 1);
      reply.raw.once('close', () => open.set(socket, (open.get(socket) ?? 1) - 1));
    }
    if (!closing) return;
    reply.header('connection', 'close');
    throw new AppError('service_unavailable', 'The server is shutting down; retry shortly');
  });
  app.addHook('onSend', async (request, reply) => {
    const socket = request.raw.socket;
    if (closing && (!socket || (open.get(socket) ?? 0) <= 1)) reply.header('connection', 'close');
  });
}
