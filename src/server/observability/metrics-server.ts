import { createServer } from 'node:http';
import type { Registry } from 'prom-client';
import { judgeMetricsRequest, type MetricsAccess } from './metrics-access.js';

/** A listening metrics endpoint and how to close it. */
export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

/**
 * A minimal HTTP server on METRICS_PORT, for processes without the web app (`mcc worker`) and for
 * scraping `mcc serve` away from its public port: `GET /metrics` for Prometheus (with the metrics token
 * when one is set) and `GET /healthz` for health checks, which never needs one; anything else is 404.
 * No Fastify: the worker should not carry a web stack to be scraped.
 *
 * @example
 * const server = await startMetricsServer({ registry, host: '127.0.0.1', port: 9464, access: { kind: 'open' } });
 */
export async function startMetricsServer(options: {
  registry: Registry;
  host: string;
  port: number;
  access: MetricsAccess;
}): Promise<MetricsServer> {
  const { registry, host, port, access } = options;
  const server = createServer((request, response) => {
    if (request.method !== 'GET') {
      response.writeHead(405, { allow: 'GET' }).end();
      return;
    }
    if (request.url === '/healthz') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    const verdict =
      request.url === '/metrics' ? judgeMetricsRequest(access, request.headers.authorization) : 'hidden';
    if (verdict === 'hidden') {
      response.writeHead(404).end();
      return;
    }
    if (verdict === 'unauthenticated') {
      response.writeHead(401, { 'www-authenticate': 'Bearer realm="metrics"' }).end();
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
