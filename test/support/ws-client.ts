import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import { expect, vi } from 'vitest';
import type { ServerFrame } from '#shared/events.schema.js';

/** The part of the `ws` client these tests use (the package ships no types of its own). */
interface RawClient {
  readyState: number;
  send(data: string): void;
  pong(): void;
  close(): void;
  on(event: 'message', listener: (data: Buffer) => void): void;
  on(event: 'close', listener: (code: number, reason: Buffer) => void): void;
  on(event: 'ping', listener: () => void): void;
  on(event: 'open', listener: () => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
}

/** A WebSocket client on the app that records every frame it receives. */
export interface TestSocket {
  readonly frames: ServerFrame[];
  /** Protocol pings received from the server. */
  readonly pings: number;
  /** Set once the server closed the socket. */
  readonly closed: { code: number; reason: string } | undefined;
  send(frame: object | string): void;
  /** The first received frame of `type` that matches; waits for it. */
  waitFor<T extends ServerFrame['type']>(
    type: T,
    match?: (frame: Extract<ServerFrame, { type: T }>) => boolean,
  ): Promise<Extract<ServerFrame, { type: T }>>;
  waitForClose(): Promise<{ code: number; reason: string }>;
  close(): void;
}

const WAIT = { timeout: 5_000, interval: 5 };

/** `ws`, the WebSocket client @fastify/websocket depends on; loaded by hand because it ships no types. */
const WebSocketClient = createRequire(import.meta.url)('ws') as new (
  url: string,
  options?: { ca?: string },
) => RawClient;

/**
 * Open `/api/ws` (or `path`) on the app without listening, through `app.injectWS`. Answers the server's
 * pings like a browser does, unless `answerPings` is false (a dead client).
 */
export async function openSocket(
  app: FastifyInstance,
  path = '/api/ws',
  { answerPings = true } = {},
): Promise<TestSocket> {
  return recordFrames((await app.injectWS(path)) as RawClient, answerPings);
}

/**
 * Connect to a listening server over TCP, like a browser (`url` is `ws://host:port/api/ws`, or `wss://`
 * with `ca`, the certificate to trust, e.g. nginx's self-signed one).
 */
export async function connectSocket(url: string, options: { ca?: string } = {}): Promise<TestSocket> {
  const raw = new WebSocketClient(url, options);
  await new Promise<void>((resolve, reject) => {
    raw.on('open', resolve);
    raw.on('error', reject);
  });
  return recordFrames(raw, true);
}

function recordFrames(raw: RawClient, answerPings: boolean): TestSocket {
  const frames: ServerFrame[] = [];
  let pings = 0;
  let closed: { code: number; reason: string } | undefined;
  raw.on('message', (data) => frames.push(JSON.parse(data.toString()) as ServerFrame));
  raw.on('ping', () => {
    pings += 1;
    // The injected client does not answer pings by itself.
    if (answerPings) raw.pong();
  });
  raw.on('close', (code, reason) => {
    closed = { code, reason: reason.toString() };
  });
  return {
    frames,
    get pings() {
      return pings;
    },
    get closed() {
      return closed;
    },
    send: (frame) => raw.send(typeof frame === 'string' ? frame : JSON.stringify(frame)),
    waitFor: (type, match = () => true) =>
      vi.waitFor(() => {
        const found = frames.find(
          (frame): frame is Extract<ServerFrame, { type: typeof type }> =>
            frame.type === type && match(frame as never),
        );
        expect(found, `a ${type} frame in ${JSON.stringify(frames)}`).toBeDefined();
        return found as never;
      }, WAIT),
    waitForClose: () =>
      vi.waitFor(() => {
        expect(closed, 'the socket to close').toBeDefined();
        return closed as { code: number; reason: string };
      }, WAIT),
    close: () => raw.close(),
  };
}

/** Open a socket and authenticate it with `accessToken`. */
export async function openAuthenticatedSocket(app: FastifyInstance, accessToken: string) {
  const socket = await openSocket(app);
  socket.send({ type: 'auth', token: accessToken });
  await socket.waitFor('authenticated');
  return socket;
}
