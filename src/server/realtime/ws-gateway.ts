import { REALTIME_CLOSE_CODES } from '#shared/events.schema.js';
import type { Role } from '#shared/roles.js';
import type { EventBus } from './event-bus.js';
import { Connection } from './ws-connection.js';

/** The part of a `ws` WebSocket the gateway uses; tests can pass a fake. */
export interface GatewaySocket {
  readonly readyState: number;
  readonly bufferedAmount: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  ping(): void;
  terminate(): void;
  on(event: 'message', listener: (data: unknown) => void): unknown;
  on(event: 'pong' | 'close', listener: () => void): unknown;
}

/** Who a token belongs to, in which session, and until when. */
export interface TokenClaims {
  userId: string;
  sessionId: string;
  expiresAt: number;
}

export interface GatewayOptions {
  bus: Pick<EventBus, 'subscribe'>;
  /** The claims of a well-signed, unexpired access token, or undefined. */
  verifyToken(token: string): TokenClaims | undefined;
  /** Whether the token's session is still signed in. */
  isSessionActive(sessionId: string): Promise<boolean>;
  /** The user's role in the workspace; undefined for strangers and unknown ids alike. */
  roleIn(userId: string, businessId: string): Promise<Role | undefined>;
  /** Counts open connections (the `mcc_ws_connections` gauge). */
  connections?: { inc(): void; dec(): void };
  /** Server ping interval; a connection that has not answered the previous ping is dropped. */
  heartbeatMs?: number;
  /** How long a new connection may take to send its `auth` frame. */
  authTimeoutMs?: number;
  maxSubscriptions?: number;
  now?: () => number;
  onError?: (error: unknown) => void;
}

/** The options with their defaults filled in, as each connection sees them. */
export type ResolvedGatewayOptions = Required<Omit<GatewayOptions, 'connections'>> &
  Pick<GatewayOptions, 'connections'>;

export const DEFAULT_HEARTBEAT_MS = 25_000;
export const DEFAULT_AUTH_TIMEOUT_MS = 5_000;

/**
 * The `/api/ws` protocol, independent of HTTP: authenticate with the first frame (never the URL), then
 * subscribe to workspaces after a membership check; events, resyncs and pongs flow back as JSON frames.
 * A member hears only the events their role may read, and nothing more once removed; a socket closes
 * when its session is signed out. See docs/operations.md "Live updates" for the frames.
 */
export class RealtimeGateway {
  private readonly connections = new Set<Connection>();
  private heartbeat: NodeJS.Timeout | undefined;
  readonly options: ResolvedGatewayOptions;

  constructor(options: GatewayOptions) {
    this.options = {
      ...options,
      heartbeatMs: options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS,
      authTimeoutMs: options.authTimeoutMs ?? DEFAULT_AUTH_TIMEOUT_MS,
      maxSubscriptions: options.maxSubscriptions ?? 20,
      now: options.now ?? Date.now,
      onError: options.onError ?? (() => {}),
    };
  }

  /** Serve one freshly opened socket until it closes. */
  accept(socket: GatewaySocket): void {
    const connection = new Connection(socket, this.options);
    this.connections.add(connection);
    this.options.connections?.inc();
    socket.on('close', () => {
      this.connections.delete(connection);
      this.options.connections?.dec();
      connection.dispose();
      if (this.connections.size === 0) this.stopHeartbeat();
    });
    this.heartbeat ??= setInterval(() => this.beat(), this.options.heartbeatMs).unref();
  }

  /**
   * Sessions were signed out: close their sockets with 4401. `unknown` (announcements may have been
   * lost) checks every socket's session again.
   */
  endSessions(sessionIds: readonly string[] | 'unknown'): void {
    for (const connection of this.connections) {
      const session = connection.session;
      if (session === undefined) continue;
      if (sessionIds !== 'unknown') {
        if (sessionIds.includes(session)) connection.endSession();
        continue;
      }
      this.options.isSessionActive(session).then((active) => {
        if (!active) connection.endSession();
      }, this.options.onError);
    }
  }

  /** Close every connection as "going away" (shutdown); clients reconnect elsewhere. */
  close(): void {
    this.stopHeartbeat();
    for (const connection of this.connections) {
      connection.socket.close(REALTIME_CLOSE_CODES.goingAway, 'Server shutting down');
    }
  }

  private beat(): void {
    for (const connection of this.connections) connection.beat();
  }

  private stopHeartbeat(): void {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }
}
