import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnEntry } from '../support/jobs/spawn-process.js';

/** A kept-alive connection of our own, recording everything the server sends and how it ends. */
interface Connection {
  socket: net.Socket;
  received(): string;
  /** Resolves when the connection is closed, with the socket error that closed it, if any. */
  closed: Promise<NodeJS.ErrnoException | undefined>;
}

async function connect(port: number): Promise<Connection> {
  const socket = net.connect(port, '127.0.0.1');
  let received = '';
  let failure: NodeJS.ErrnoException | undefined;
  socket.on('data', (chunk) => {
    received += chunk.toString();
  });
  socket.on('error', (error) => {
    failure = error;
  });
  const closed = new Promise<NodeJS.ErrnoException | undefined>((resolve) =>
    socket.once('close', () => resolve(failure)),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  return { socket, received: () => received, closed };
}

/** Write `request` and resolve once it is handed to the kernel (it is in flight from then on). */
function send(connection: Connection, request: string): Promise<void> {
  return new Promise((resolve, reject) =>
    connection.socket.write(request, (error) => (error ? reject(error) : resolve())),
  );
}

/** Wait until the server's answer so far contains `text` (the end of a response body we know). */
function waitFor(connection: Connection, text: string): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!connection.received().includes(text)) return;
      connection.socket.off('data', check);
      resolve();
    };
    connection.socket.on('data', check);
    check();
  });
}

function loginRequest(n: number): string {
  const body = JSON.stringify({ email: `nobody-${n}@example.com`, password: 'wrong-but-long-enough' });
  return `POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

// Issue 13, item 12: about 20 of 445 requests in flight at SIGTERM got a connection reset.
describe('SIGTERM with requests in flight on kept-alive connections', { timeout: 120_000 }, () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'mcc-shutdown-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('answers every request in flight, closes the idle connections, and exits 0', async () => {
    // Node itself on the built server, so SIGTERM reaches the server (the tsx binary relays it, and kills
    // a child that is slow to acknowledge it).
    const server = await spawnEntry(
      'dist/server/main.js',
      [],
      {
        HOST: '127.0.0.1',
        PORT: '0',
        DATA_DIR: dataDir,
        NODE_ENV: 'test',
        MCC_DEMO: '0',
        LOG_LEVEL: 'warn',
        RATE_LIMIT_MAX: '100000',
        AUTH_RATE_LIMIT_MAX: '100000',
      },
      /is running: http:\/\/\S+:\d+/,
    );
    const port = Number(/is running: http:\/\/\S+:(\d+)/.exec(server.output())?.[1]);
    // Every connection first serves one request, so all are kept-alive connections the server knows.
    const connections = await Promise.all(Array.from({ length: 80 }, () => connect(port)));
    await Promise.all(
      connections.map(async (connection) => {
        await send(connection, 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
        await waitFor(connection, '{"status":"ok"}');
      }),
    );
    const busy = connections.slice(0, 64);
    const idle = connections.slice(64);
    // A login with an unknown email spends a real password verification (argon2, in the thread pool):
    // a route that takes time. SIGTERM goes out as soon as every request is written.
    await Promise.all(busy.map((connection, n) => send(connection, loginRequest(n))));
    const exitCode = server.stop('SIGTERM');

    const endings = await Promise.all(connections.map((connection) => connection.closed));
    expect(endings.filter(Boolean).map((error) => error?.code)).toEqual([]);
    const statuses = busy.map((connection) => {
      const responses = connection.received().split(/(?=HTTP\/1\.1 )/);
      expect(responses, connection.received()).toHaveLength(2);
      return Number(/^HTTP\/1\.1 (\d{3})/.exec(responses[1] ?? '')?.[1]);
    });
    // Answered by the route (401) or, if the server had not read it before closing, a 503 problem.
    expect(statuses.filter((status) => status !== 401 && status !== 503)).toEqual([]);
    for (const connection of idle) expect(connection.received().split(/(?=HTTP\/1\.1 )/)).toHaveLength(1);
    console.info(
      `[shutdown] ${statuses.filter((status) => status === 401).length} in-flight logins answered by the route, ${statuses.filter((status) => status === 503).length} with 503`,
    );
    expect(await exitCode).toBe(0);
  });
});
