import { Agent, request } from 'node:https';

/** One answer: status, headers and the body as text (left compressed if the server compressed it). */
export interface HttpsAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json<T>(): T;
}

/** An HTTPS client for one origin that trusts exactly `ca` (a self-signed certificate) and keeps connections alive. */
export interface HttpsClient {
  request(
    method: string,
    path: string,
    options?: { headers?: Record<string, string>; body?: object },
  ): Promise<HttpsAnswer>;
  close(): void;
}

/**
 * @example
 * const client = httpsClient('https://127.0.0.1:8443', caPem);
 * const health = await client.request('GET', '/healthz');
 */
export function httpsClient(origin: string, ca: string): HttpsClient {
  const agent = new Agent({ ca, keepAlive: true, maxSockets: 64 });
  return {
    request: (method, path, { headers = {}, body } = {}) =>
      new Promise((resolve, reject) => {
        const payload = body === undefined ? undefined : JSON.stringify(body);
        const req = request(
          new URL(path, origin),
          {
            method,
            agent,
            headers: {
              ...(payload !== undefined && {
                'content-type': 'application/json',
                'content-length': String(Buffer.byteLength(payload)),
              }),
              ...headers,
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('error', reject);
            res.on('end', () => {
              const text = Buffer.concat(chunks).toString('utf8');
              resolve({
                status: res.statusCode ?? 0,
                headers: res.headers,
                body: text,
                json: <T>() => JSON.parse(text) as T,
              });
            });
          },
        );
        req.on('error', reject);
        req.end(payload);
      }),
    close: () => agent.destroy(),
  };
}
