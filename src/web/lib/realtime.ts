import { API } from '#shared/api-paths.js';
import {
  type ClientFrame,
  type LiveEvent,
  REALTIME_CLOSE_CODES,
  serverFrameSchema,
} from '#shared/events.schema.js';
import { backoffDelayMs } from './backoff.js';

/** What the client needs from a browser WebSocket; tests pass a fake. */
export interface RealtimeSocket {
  readonly readyState: number;
  onopen: (() => void) | null;
  onmessage: ((message: { data: unknown }) => void) | null;
  onclose: ((close: { code: number }) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/** `connecting` until the server accepted the token; `live` while it did; `offline` between attempts. */
export type RealtimeStatus = 'idle' | 'connecting' | 'live' | 'offline';

export interface RealtimeClientOptions {
  url: string;
  /** The in-memory access token, or undefined when signed out. */
  getToken(): string | undefined;
  /** Called whenever the session changes (sign in, token refresh, sign out); returns an unsubscribe. */
  onSessionChange(listener: () => void): () => void;
  /** Refresh the access token after the server refused it (4401). */
  refreshToken(): Promise<unknown>;
  onEvent(event: LiveEvent): void;
  /** Events were missed and cannot be replayed: refetch everything of the workspace. */
  onResync(businessId: string): void;
  createSocket?: (url: string) => RealtimeSocket;
  random?: () => number;
  /** How often the client checks the connection, and how long it waits for the answer. */
  pingIntervalMs?: number;
  pongTimeoutMs?: number;
  maxBackoffMs?: number;
}

const OPEN = 1;

/** `wss://host/api/ws` on an https page, `ws://` otherwise: always the page's own origin. */
export function realtimeUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${API.realtime}`;
}

/**
 * The browser side of `/api/ws`: authenticates with the in-memory access token (never in the URL),
 * follows one workspace, resumes after a reconnect from the last event id, re-authenticates when the
 * token is refreshed, and reconnects with exponential backoff and jitter.
 */
export class RealtimeClient {
  private socket: RealtimeSocket | undefined;
  private status: RealtimeStatus = 'idle';
  private readonly statusListeners = new Set<() => void>();
  private workspace: string | undefined;
  /** Where to resume each workspace from (the last event seen, or the `subscribed` position). */
  private readonly resumeFrom = new Map<string, string>();
  private sentToken: string | undefined;
  private authenticated = false;
  private attempt = 0;
  private started = false;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private pongTimer: ReturnType<typeof setTimeout> | undefined;
  private stopSessionWatch: (() => void) | undefined;
  private readonly options: Required<RealtimeClientOptions>;

  constructor(options: RealtimeClientOptions) {
    this.options = {
      createSocket: (url) => new WebSocket(url) as unknown as RealtimeSocket,
      random: Math.random,
      pingIntervalMs: 25_000,
      pongTimeoutMs: 10_000,
      maxBackoffMs: 30_000,
      ...options,
    };
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.stopSessionWatch = this.options.onSessionChange(() => this.sessionChanged());
    this.connect();
  }

  stop(): void {
    this.started = false;
    this.stopSessionWatch?.();
    this.disconnect();
    this.setStatus('idle');
  }

  /** Follow `businessId` (or nothing); switching workspaces unsubscribes from the previous one. */
  setWorkspace(businessId: string | undefined): void {
    if (businessId === this.workspace) return;
    const previous = this.workspace;
    this.workspace = businessId;
    if (!this.authenticated) return;
    if (previous) this.send({ type: 'unsubscribe', business_id: previous });
    if (businessId) this.subscribe(businessId);
  }

  getStatus(): RealtimeStatus {
    return this.status;
  }

  subscribeToStatus(listener: () => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private connect(): void {
    if (!this.started || this.socket) return;
    const token = this.options.getToken();
    if (!token) {
      this.setStatus('idle');
      return;
    }
    this.setStatus('connecting');
    const socket = this.options.createSocket(this.options.url);
    this.socket = socket;
    socket.onopen = () => this.authenticate(token);
    socket.onmessage = (message) => this.receive(message.data);
    socket.onclose = (close) => this.closed(socket, close.code);
  }

  private authenticate(token: string): void {
    this.sentToken = token;
    this.send({ type: 'auth', token });
  }

  private receive(data: unknown): void {
    this.alive();
    let parsed: unknown;
    try {
      parsed = JSON.parse(String(data));
    } catch {
      return;
    }
    const frame = serverFrameSchema.safeParse(parsed);
    if (!frame.success) return;
    const message = frame.data;
    switch (message.type) {
      case 'authenticated':
        if (this.authenticated) return;
        this.authenticated = true;
        this.attempt = 0;
        this.setStatus('live');
        this.startPinging();
        if (this.workspace) this.subscribe(this.workspace);
        return;
      case 'subscribed':
        this.resumeFrom.set(message.business_id, message.last_event_id);
        return;
      case 'event':
        if (message.event.business_id !== this.workspace) return;
        this.resumeFrom.set(message.event.business_id, message.event.id);
        this.options.onEvent(message.event);
        return;
      case 'resync':
        this.options.onResync(message.business_id);
        return;
      default:
        return;
    }
  }

  private subscribe(businessId: string): void {
    this.send({ type: 'subscribe', business_id: businessId, last_event_id: this.resumeFrom.get(businessId) });
  }

  private sessionChanged(): void {
    const token = this.options.getToken();
    if (!token) {
      this.disconnect();
      this.setStatus('idle');
      return;
    }
    if (!this.socket) {
      clearTimeout(this.reconnectTimer);
      this.connect();
    } else if (this.authenticated && token !== this.sentToken) {
      // A refreshed token keeps the same socket alive past the old token's expiry.
      this.authenticate(token);
    }
  }

  private closed(socket: RealtimeSocket, code: number): void {
    if (socket !== this.socket) return;
    this.resetConnection();
    if (!this.started) return;
    this.setStatus('offline');
    if (code === REALTIME_CLOSE_CODES.unauthenticated) {
      // The token was refused or ran out: get a new one first (a sign-out ends the session instead).
      this.options
        .refreshToken()
        .catch(() => undefined)
        .finally(() => this.scheduleReconnect());
      return;
    }
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    clearTimeout(this.reconnectTimer);
    const ceiling = backoffDelayMs(this.attempt, 1000, this.options.maxBackoffMs);
    this.attempt += 1;
    // Half fixed, half random, so a restarted server is not hit by every tab at the same instant.
    const delay = ceiling / 2 + this.options.random() * (ceiling / 2);
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }

  private startPinging(): void {
    clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => {
      this.send({ type: 'ping' });
      this.pongTimer ??= setTimeout(() => this.dropDeadSocket(), this.options.pongTimeoutMs);
    }, this.options.pingIntervalMs);
  }

  /** A dead connection can take long to report its close: give up on it now and reconnect. */
  private dropDeadSocket(): void {
    const socket = this.socket;
    if (!socket) return;
    socket.close();
    this.closed(socket, 1006);
  }

  /** Any frame proves the connection works. */
  private alive(): void {
    clearTimeout(this.pongTimer);
    this.pongTimer = undefined;
  }

  private send(frame: ClientFrame): void {
    if (this.socket?.readyState === OPEN) this.socket.send(JSON.stringify(frame));
  }

  private disconnect(): void {
    clearTimeout(this.reconnectTimer);
    const socket = this.socket;
    this.resetConnection();
    socket?.close(1000, 'Client closed');
  }

  private resetConnection(): void {
    clearInterval(this.pingTimer);
    clearTimeout(this.pongTimer);
    this.pongTimer = undefined;
    this.socket = undefined;
    this.authenticated = false;
    this.sentToken = undefined;
  }

  private setStatus(status: RealtimeStatus): void {
    if (status === this.status) return;
    this.status = status;
    for (const listener of this.statusListeners) listener();
  }
}
