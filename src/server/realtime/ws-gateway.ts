import {
  type ClientFrame,
  clientFrameSchema,
  REALTIME_CLOSE_CODES,
  type ServerFrame,
} from '../../shared/events.schema.js';
import type { EventBus, Unsubscribe } from './event-bus.js';

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

/** Who a token belongs to and until when. */
export interface TokenClaims {
  userId: string;
  expiresAt: number;
}

export interface GatewayOptions {
  bus: Pick<EventBus, 'subscribe'>;
  /** The claims of a valid access token, or undefined. */
  verifyToken(token: string): TokenClaims | undefined;
  /** Whether the user may follow the workspace (a member); false for strangers and unknown ids alike. */
  canSubscribe(userId: string, businessId: string): Promise<boolean>;
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

const OPEN = 1;
/** A client this far behind is not reading: drop it rather than buffer without bound. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

export const DEFAULT_HEARTBEAT_MS = 25_000;
export const DEFAULT_AUTH_TIMEOUT_MS = 5_000;

/**
 * The `/api/ws` protocol, independent of HTTP: authenticate with the first frame (never the URL), then
 * subscribe to workspaces after a membership check; events, resyncs and pongs flow back as JSON frames.
 * See docs/operations.md "Live updates" for the frames.
 */
export class RealtimeGateway {
  private readonly connections = new Set<Connection>();
  private heartbeat: NodeJS.Timeout | undefined;
  readonly options: Required<Omit<GatewayOptions, 'connections'>> & Pick<GatewayOptions, 'connections'>;

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

/** One socket's state: who it is, what it follows, and whether it still answers. */
class Connection {
  private userId: string | undefined;
  private alive = true;
  private closed = false;
  private authTimer: NodeJS.Timeout | undefined;
  private expiryTimer: NodeJS.Timeout | undefined;
  /** Followed workspaces; `undefined` while the subscription is being set up. */
  private readonly subscriptions = new Map<string, Unsubscribe | undefined>();

  constructor(
    readonly socket: GatewaySocket,
    private readonly options: RealtimeGateway['options'],
  ) {
    this.authTimer = setTimeout(
      () => this.reject('Send {"type":"auth","token":…} first'),
      options.authTimeoutMs,
    );
    socket.on('pong', () => {
      this.alive = true;
    });
    socket.on('message', (data) => {
      this.alive = true;
      this.receive(data).catch((error: unknown) => {
        this.options.onError(error);
        this.send({ type: 'error', code: 'internal_error', message: 'Something went wrong' });
      });
    });
  }

  beat(): void {
    if (!this.alive) {
      this.socket.terminate();
      return;
    }
    this.alive = false;
    this.socket.ping();
  }

  dispose(): void {
    this.closed = true;
    clearTimeout(this.authTimer);
    clearTimeout(this.expiryTimer);
    for (const unsubscribe of this.subscriptions.values()) unsubscribe?.();
    this.subscriptions.clear();
  }

  private async receive(data: unknown): Promise<void> {
    const frame = parseFrame(data);
    if (!this.userId && frame?.type !== 'auth') {
      this.reject('Send {"type":"auth","token":…} first');
      return;
    }
    if (!frame) {
      this.send({ type: 'error', code: 'bad_request', message: 'Not a valid frame' });
      return;
    }
    switch (frame.type) {
      case 'auth':
        return this.authenticate(frame.token);
      case 'subscribe':
        return this.subscribe(frame.business_id, frame.last_event_id);
      case 'unsubscribe':
        return this.unsubscribe(frame.business_id);
      case 'ping':
        return this.send({ type: 'pong' });
    }
  }

  private async authenticate(token: string): Promise<void> {
    const claims = this.options.verifyToken(token);
    if (!claims) return this.reject('The token is invalid or has expired');
    if (this.userId && claims.userId !== this.userId) {
      this.close(REALTIME_CLOSE_CODES.userChanged, 'Re-authenticate as the same user');
      return;
    }
    const renewing = this.userId !== undefined;
    this.userId = claims.userId;
    clearTimeout(this.authTimer);
    clearTimeout(this.expiryTimer);
    this.expiryTimer = setTimeout(
      () => this.reject('The token has expired; re-authenticate on time'),
      Math.max(0, claims.expiresAt - this.options.now()),
    );
    this.send({ type: 'authenticated', expires_at: new Date(claims.expiresAt).toISOString() });
    // Membership may have ended since the last token: a fresh token re-checks every workspace followed.
    if (renewing) {
      for (const businessId of [...this.subscriptions.keys()]) {
        if (!(await this.options.canSubscribe(claims.userId, businessId))) this.drop(businessId);
      }
    }
  }

  private async subscribe(businessId: string, lastEventId: string | undefined): Promise<void> {
    const userId = this.userId;
    if (!userId) return;
    if (this.subscriptions.has(businessId)) {
      // Already followed, or being set up (which answers by itself).
      return;
    }
    if (this.subscriptions.size >= this.options.maxSubscriptions) {
      return this.send({
        type: 'error',
        code: 'too_many_subscriptions',
        message: `At most ${this.options.maxSubscriptions} workspaces per connection`,
        business_id: businessId,
      });
    }
    this.subscriptions.set(businessId, undefined);
    if (!(await this.options.canSubscribe(userId, businessId))) return this.drop(businessId);
    if (!this.subscriptions.has(businessId) || this.closed) return;

    // Replayed events arrive while `subscribe` runs: hold them until `subscribed` has gone out.
    let held: ServerFrame[] | undefined = [];
    const deliver = (frame: ServerFrame) => (held ? held.push(frame) : this.send(frame));
    const subscription = await this.options.bus.subscribe(
      businessId,
      (event) => deliver({ type: 'event', event }),
      { lastEventId, onResync: () => deliver({ type: 'resync', business_id: businessId }) },
    );
    if (!this.subscriptions.has(businessId) || this.closed) {
      subscription();
      return;
    }
    this.subscriptions.set(businessId, subscription);
    this.send({ type: 'subscribed', business_id: businessId, last_event_id: subscription.lastEventId });
    const replay = held;
    held = undefined;
    for (const frame of replay) this.send(frame);
  }

  private unsubscribe(businessId: string): void {
    this.subscriptions.get(businessId)?.();
    this.subscriptions.delete(businessId);
    this.send({ type: 'unsubscribed', business_id: businessId });
  }

  /** Not (or no longer) a member: answered like an unknown workspace, so ids of others reveal nothing. */
  private drop(businessId: string): void {
    this.subscriptions.get(businessId)?.();
    this.subscriptions.delete(businessId);
    this.send({ type: 'error', code: 'not_found', message: 'No such workspace', business_id: businessId });
  }

  private send(frame: ServerFrame): void {
    if (this.closed || this.socket.readyState !== OPEN) return;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.socket.terminate();
      return;
    }
    this.socket.send(JSON.stringify(frame));
  }

  private reject(reason: string): void {
    this.close(REALTIME_CLOSE_CODES.unauthenticated, reason);
  }

  private close(code: number, reason: string): void {
    if (this.closed) return;
    this.socket.close(code, reason);
    this.dispose();
  }
}

function parseFrame(data: unknown): ClientFrame | undefined {
  try {
    const parsed = clientFrameSchema.safeParse(JSON.parse(String(data)));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
