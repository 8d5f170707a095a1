import { createServer } from 'node:http';
import type { Registry } from 'prom-client';

/** A listening metrics endpoint and how to close it. */
export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

/**
 * A minimal HTTP server for processes without the web app (`mcc worker`): `GET /metrics` for Prometheus
 * and `GET /healthz` for container health checks; anything else is 404. No Fastify: the worker should not
 * carry a web stack to be scraped.
 *
 * @example
 * const server = await startMetricsServer({ registry, host: '0.0.0.0', port: 9464 });
 */
export async function startMetricsServer(options: {
  registry: Registry;
  host: string;
  port: number;
}): Promise<MetricsServer> {
  const { registry, host, port } = options;
  const server = createServer((request, response) => {
    if (request.method !== 'GET') {
      response.writeHead(405, { allow: 'GET' }).end();
      return;
    }
    if (request.url === '/healthz') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    if (request.url !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
