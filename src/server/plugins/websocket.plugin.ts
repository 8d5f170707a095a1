import websocket from '@fastify/websocket';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';

/** Client frames are a few hundred bytes; anything much larger is refused by the socket itself. */
const MAX_FRAME_BYTES = 16 * 1024;

const websocketPluginImpl: FastifyPluginAsync = async (app) => {
  await app.register(websocket, {
    options: { maxPayload: MAX_FRAME_BYTES },
    // Open sockets are closed by their route's own preClose hook (with a code clients understand); here
    // the server only stops accepting new ones.
    preClose(done) {
      this.websocketServer.close();
      done();
    },
  });
};

/**
 * WebSocket support for the whole app (`websocket: true` routes, `app.injectWS` in tests). Registered at
 * the root, before any route, because it wraps every route registered after it.
 */
export const websocketPlugin = fp(websocketPluginImpl, { name: 'mcc-websocket', fastify: '5.x' });
