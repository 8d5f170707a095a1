import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isLoopback } from './config.js';
import { createMcpServer } from './server.js';

/** The path MCP clients post to. */
export const MCP_PATH = '/mcp';

const BEARER_API_KEY = /^Bearer (mcc_[A-Za-z0-9_-]{8,})$/;

export interface HttpMcpOptions {
  instanceUrl: string;
  host: string;
  port: number;
  jobWaitMs: number;
  jobPollMs?: number;
  /** Called with what went wrong while answering a request (the answer itself is a 500). */
  onError?: (error: unknown) => void;
}

export interface HttpMcpServer {
  /** Where clients connect, such as `http://127.0.0.1:8765/mcp`. */
  url: string;
  close(): Promise<void>;
}

/**
 * MCP over streamable HTTP, stateless: every POST gets a server of its own, built for the API key the
 * request carries (`Authorization: Bearer mcc_…`). The key is the client's; this process keeps none, so
 * one server can serve several workspaces, and a request without a key gets nothing but a 401.
 */
export async function startHttpMcpServer(options: HttpMcpOptions): Promise<HttpMcpServer> {
  const loopbackOnly = isLoopback(options.host);
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      options.onError?.(error);
      if (!response.headersSent) rpcError(response, 500, -32603, 'Internal error');
      else response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // A refusal does not read the body; drain it, so the connection stays usable for the next request.
    const refuse = (status: number, code: number, message: string) => {
      request.resume();
      rpcError(response, status, code, message);
    };
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== MCP_PATH) return refuse(404, -32601, `MCP is served at ${MCP_PATH}`);
    // A web page must not reach a server on this machine through a name it controls (DNS rebinding).
    if (loopbackOnly && !isLoopback(hostnameOf(request.headers.host))) {
      return refuse(403, -32600, 'Host not allowed');
    }
    const key = BEARER_API_KEY.exec(request.headers.authorization ?? '')?.[1];
    if (!key) {
      response.setHeader('www-authenticate', 'Bearer realm="mcc", error="invalid_token"');
      return refuse(401, -32001, 'Send a workspace API key as "Authorization: Bearer mcc_…"');
    }
    // Stateless: no session to stream to later or to end.
    if (request.method !== 'POST') {
      response.setHeader('allow', 'POST');
      return refuse(405, -32000, 'Method not allowed: post JSON-RPC messages');
    }
    const mcp = createMcpServer({
      instanceUrl: options.instanceUrl,
      apiKey: key,
      jobWaitMs: options.jobWaitMs,
      ...(options.jobPollMs !== undefined && { jobPollMs: options.jobPollMs }),
    });
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    response.on('close', () => {
      void transport.close();
      void mcp.close();
    });
    await mcp.connect(transport);
    await transport.handleRequest(request, response);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}${MCP_PATH}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function hostnameOf(host: string | undefined): string {
  if (!host) return '';
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return '';
  }
}

function rpcError(response: ServerResponse, status: number, code: number, message: string): void {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null }));
}
