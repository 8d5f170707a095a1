import {
  type ClientFrame,
  clientFrameSchema,
  type LiveEvent,
  REALTIME_CLOSE_CODES,
  type ServerFrame,
} from '#shared/events.schema.js';
import type { Role } from '#shared/roles.js';
import type { Unsubscribe } from './event-bus.js';
import { mayReceive } from './event-permissions.js';
import type { GatewaySocket, ResolvedGatewayOptions } from './ws-gateway.js';

const OPEN = 1;
/** A client this far behind is not reading: drop it rather than buffer without bound. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/** A followed workspace: the member's current role there, and how to stop (once subscribed). */
interface Followed {
  role: Role;
  stop: Unsubscribe | undefined;
}

/** What reached a subscription before `subscribed` went out; `settled`: after the bus subscription. */
interface Held {
  item: LiveEvent | 'resync';
  settled: boolean;
}

/** One socket's state: who it is, in which session, what it follows, and whether it still answers. */
export class Connection {
  private userId: string | undefined;
  private sessionId: string | undefined;
  private alive = true;
  private closed = false;
  private authTimer: NodeJS.Timeout | undefined;
  private expiryTimer: NodeJS.Timeout | undefined;
  /** Followed workspaces; `undefined` while the membership check runs. */
  private readonly subscriptions = new Map<string, Followed | undefined>();
  /** Frames are handled one at a time, so a frame sent right after `auth` sees its outcome. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly socket: GatewaySocket,
    private readonly options: ResolvedGatewayOptions,
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
      this.queue = this.queue.then(() =>
        this.receive(data).catch((error: unknown) => {
          this.options.onError(error);
          this.send({ type: 'error', code: 'internal_error', message: 'Something went wrong' });
        }),
      );
    });
  }

  /** The session this socket authenticated in, once it has. */
  get session(): string | undefined {
    return this.sessionId;
  }

  beat(): void {
    if (!this.alive) {
      this.socket.terminate();
      return;
    }
    this.alive = false;
    this.socket.ping();
  }

  /** The session was signed out (logout, password change, token reuse): nothing more for this socket. */
  endSession(): void {
    this.reject('The session has ended; sign in again');
  }

  dispose(): void {
    this.closed = true;
    clearTimeout(this.authTimer);
    clearTimeout(this.expiryTimer);
    for (const followed of this.subscriptions.values()) followed?.stop?.();
    this.subscriptions.clear();
  }

  private async receive(data: unknown): Promise<void> {
    if (this.closed) return;
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
    if (!claims || !(await this.options.isSessionActive(claims.sessionId))) {
      return this.reject('The token is invalid or has expired');
    }
    if (this.closed) return;
    if (this.userId && claims.userId !== this.userId) {
      this.close(REALTIME_CLOSE_CODES.userChanged, 'Re-authenticate as the same user');
      return;
    }
    const renewing = this.userId !== undefined;
    this.userId = claims.userId;
    this.sessionId = claims.sessionId;
    clearTimeout(this.authTimer);
    clearTimeout(this.expiryTimer);
    this.expiryTimer = setTimeout(
      () => this.reject('The token has expired; re-authenticate on time'),
      Math.max(0, claims.expiresAt - this.options.now()),
    );
    this.send({ type: 'authenticated', expires_at: new Date(claims.expiresAt).toISOString() });
    // A missed announcement cannot leave a former member subscribed past the next token.
    if (renewing) {
      for (const [businessId, followed] of [...this.subscriptions]) {
        const role = await this.options.roleIn(claims.userId, businessId);
        if (!role) this.drop(businessId);
        else if (followed) followed.role = role;
      }
    }
  }

  private async subscribe(businessId: string, lastEventId: string | undefined): Promise<void> {
    const userId = this.userId;
    if (!userId || this.subscriptions.has(businessId)) return;
    if (this.subscriptions.size >= this.options.maxSubscriptions) {
      return this.send({
        type: 'error',
        code: 'too_many_subscriptions',
        message: `At most ${this.options.maxSubscriptions} workspaces per connection`,
        business_id: businessId,
      });
    }
    this.subscriptions.set(businessId, undefined);
    const role = await this.options.roleIn(userId, businessId);
    if (!role) return this.drop(businessId);
    if (!this.subscriptions.has(businessId) || this.closed) return;
    const followed: Followed = { role, stop: undefined };
    this.subscriptions.set(businessId, followed);

    // Replayed and early events wait until `subscribed` has gone out.
    let held: Held[] | undefined = [];
    let settled = false;
    const receive = (item: LiveEvent | 'resync') =>
      held ? held.push({ item, settled }) : this.deliver(businessId, followed, item, true);
    const subscription = await this.options.bus.subscribe(businessId, receive, {
      lastEventId,
      onResync: () => receive('resync'),
    });
    settled = true;
    if (this.subscriptions.get(businessId) !== followed || this.closed) {
      subscription();
      return;
    }
    followed.stop = subscription;
    // Membership may have ended between the first check and the subscription; from here on every change
    // arrives as a `member.changed` event, so this second look leaves no gap.
    const current = await this.options.roleIn(userId, businessId);
    if (this.subscriptions.get(businessId) !== followed || this.closed) return;
    if (!current) return this.drop(businessId);
    followed.role = current;
    this.send({ type: 'subscribed', business_id: businessId, last_event_id: subscription.lastEventId });
    const replay = held;
    held = undefined;
    // Role changes heard before the bus subscription are older than the check above, so only later ones count.
    for (const { item, settled: after } of replay) this.deliver(businessId, followed, item, after);
  }

  /** Forward one event or resync, as far as the member's role allows; their own removal ends the feed. */
  private deliver(
    businessId: string,
    followed: Followed,
    item: LiveEvent | 'resync',
    current: boolean,
  ): void {
    if (this.subscriptions.get(businessId) !== followed) return;
    if (item === 'resync') {
      this.send({ type: 'resync', business_id: businessId });
      return;
    }
    if (current && item.type === 'member.changed' && item.data.user_id === this.userId) {
      if (item.data.role === null) {
        this.drop(businessId);
        return;
      }
      followed.role = item.data.role;
    }
    if (mayReceive(followed.role, item, this.userId)) this.send({ type: 'event', event: item });
  }

  private unsubscribe(businessId: string): void {
    this.subscriptions.get(businessId)?.stop?.();
    this.subscriptions.delete(businessId);
    this.send({ type: 'unsubscribed', business_id: businessId });
  }

  /** Not (or no longer) a member: answered like an unknown workspace, so ids of others reveal nothing. */
  private drop(businessId: string): void {
    this.subscriptions.get(businessId)?.stop?.();
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
