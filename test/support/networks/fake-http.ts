import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// What the contract fakes of the webhook and bot networks share: a real HTTP server on 127.0.0.1 and the
// request body read the way each network takes it (JSON, multipart, or form fields).

/** A request's body: JSON, the parts of a multipart form, or nothing the fake understands. */
export interface ReadBody {
  raw: Buffer;
  json: Record<string, unknown> | null;
  form: FormData | null;
  /** JSON that did not parse. */
  malformed: boolean;
}

export interface FakeHttp {
  server: Server;
  url: string;
  close: () => Promise<void>;
}

/** Starts `handle` on a free port; an exception answers 500 (a fake's bug shows as the network's 5xx). */
export async function startFakeHttp(
  handle: (request: IncomingMessage, response: ServerResponse, body: ReadBody) => Promise<void> | void,
): Promise<FakeHttp> {
  const server = createServer((request, response) => {
    void readBody(request)
      .then((body) => handle(request, response, body))
      .catch((error: unknown) => {
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(String(error));
      });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function readBody(request: IncomingMessage): Promise<ReadBody> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const type = request.headers['content-type'] ?? '';
  if (type.startsWith('application/json')) {
    try {
      return {
        raw,
        json: JSON.parse(raw.toString()) as Record<string, unknown>,
        form: null,
        malformed: false,
      };
    } catch {
      return { raw, json: null, form: null, malformed: true };
    }
  }
  if (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded')) {
    const form = await new Request('http://fake.invalid/', {
      method: 'POST',
      headers: { 'content-type': type },
      body: new Uint8Array(raw),
    }).formData();
    return { raw, json: null, form, malformed: false };
  }
  return { raw, json: null, form: null, malformed: false };
}

/** An injected failure: answered to the next request that matches, instead of (or after) the real work. */
export interface Injection {
  /** Matched against the request's path (without the query). */
  path: string | RegExp;
  status: number;
  /** The answer as the network words it (JSON, or Slack's plain text). */
  body: unknown;
  headers?: Record<string, string>;
  /** Do the work, then answer the failure: a lost answer. */
  afterHandling?: boolean;
}

/** Takes the first injection matching `path` out of the list. */
export function takeInjection(injections: Injection[], path: string): Injection | undefined {
  const index = injections.findIndex((injection) =>
    typeof injection.path === 'string' ? path.endsWith(injection.path) : injection.path.test(path),
  );
  return index >= 0 ? injections.splice(index, 1)[0] : undefined;
}
