import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A reverse proxy in front of a listening app that loses some answers on the way back. */
export interface DroppingProxy {
  /** `http://127.0.0.1:<port>`: send requests here instead of to the app. */
  url: string;
  /** How many answers the upstream gave that the client never got. */
  readonly dropped: number;
  /** How many answers reached the client. */
  readonly delivered: number;
  /** Lose the next `count` answers (after the app has answered them in full). */
  dropNext(count: number): void;
  close(): Promise<void>;
}

/**
 * Forward every request to `upstream` (its Host header and body as they came) and relay the answer,
 * except that for each answer it was told to drop it reads the app's whole answer and then destroys the
 * client's socket: what a client sees when a network or a load balancer fails after the server did the
 * work. Retrying is then the client's decision.
 *
 * @example
 * const proxy = await startDroppingProxy(`http://127.0.0.1:${port}`);
 * proxy.dropNext(1);
 * await fetch(`${proxy.url}/api/campaign/`, { method: 'POST', … }); // rejects: the socket was destroyed
 */
export async function startDroppingProxy(upstream: string): Promise<DroppingProxy> {
  const target = new URL(upstream);
  const agent = new http.Agent({ keepAlive: false });
  let toDrop = 0;
  let dropped = 0;
  let delivered = 0;

  const server = http.createServer((request, response) => {
    const forwarded = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: request.method,
        path: request.url,
        headers: request.headers,
        agent,
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          if (toDrop > 0) {
            toDrop -= 1;
            dropped += 1;
            request.socket.destroy();
            return;
          }
          delivered += 1;
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          response.end(Buffer.concat(chunks));
        });
      },
    );
    forwarded.on('error', () => response.destroy());
    request.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    get dropped() {
      return dropped;
    },
    get delivered() {
      return delivered;
    },
    dropNext(count) {
      toDrop += count;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
