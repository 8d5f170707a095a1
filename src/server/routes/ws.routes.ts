import type { FastifyPluginAsync } from 'fastify';
import type { Registry } from 'prom-client';
import type { Services } from '../composition-root.js';
import { isAppError } from '../errors/app-error.js';
import { createConnectionGauge } from '../realtime/realtime-metrics.js';
import { type GatewayOptions, type GatewaySocket, RealtimeGateway } from '../realtime/ws-gateway.js';

export interface WsRouteOptions extends Pick<GatewayOptions, 'heartbeatMs' | 'authTimeoutMs'> {
  registry: Registry;
}

/**
 * `GET /api/ws`: live updates over a WebSocket. Authentication and workspace membership are checked
 * in-band by the gateway (the browser cannot set headers on a WebSocket, and tokens never go in URLs).
 * Needs `websocketPlugin` registered on the app.
 */
export function wsRoutes(
  services: Pick<Services, 'accessTokens' | 'sessions' | 'workspaces' | 'events'>,
  options: WsRouteOptions,
): FastifyPluginAsync {
  return async (app) => {
    const gateway = new RealtimeGateway({
      bus: services.events,
      verifyToken: (token) => services.accessTokens.verify(token),
      isSessionActive: (sessionId) => services.sessions.isActive(sessionId),
      roleIn: async (userId, businessId) => {
        try {
          return await services.workspaces.roleOf({ kind: 'user', userId }, businessId);
        } catch (error) {
          // A workspace that requires two-factor sign-in sends nothing live to a member without it.
          if (isAppError(error) && ['not_found', 'forbidden', 'two_factor_required'].includes(error.code))
            return undefined;
          throw error;
        }
      },
      connections: createConnectionGauge(options.registry),
      heartbeatMs: options.heartbeatMs,
      authTimeoutMs: options.authTimeoutMs,
      onError: (error) => app.log.error({ err: error }, 'live updates failed'),
    });
    // Sign-outs on any instance close their sockets here.
    const stopWatchingSessions = services.sessions.onEnded((sessionIds) => gateway.endSessions(sessionIds));
    // On shutdown clients hear "going away" (1001) and reconnect, to another instance if there is one.
    app.addHook('preClose', async () => {
      stopWatchingSessions();
      gateway.close();
    });
    app.get('/ws', { websocket: true }, (socket) => gateway.accept(socket as GatewaySocket));
  };
}
