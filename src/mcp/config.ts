import { z } from 'zod';

/** What every workspace API key starts with (see src/server/services/access/api-key.service.ts). */
export const API_KEY_PREFIX = 'mcc_';

/** Where `mcc serve` answers by default. */
export const DEFAULT_INSTANCE_URL = 'http://localhost:8000';
export const DEFAULT_HTTP_PORT = 8765;
/** Below the 60 s a client waits for a tool by default, so a slow plan answers with its job instead of timing out. */
export const DEFAULT_JOB_WAIT_SECONDS = 45;

const apiKeySchema = z
  .string()
  .trim()
  .regex(/^mcc_[A-Za-z0-9_-]{8,}$/, {
    message: `MCC_API_KEY must be a workspace API key (${API_KEY_PREFIX}…); create one in the workspace's settings`,
  });

const instanceUrlSchema = z
  .url({
    protocol: /^https?$/,
    message: 'MCC_URL must be an http(s) address, such as https://mcc.example.com',
  })
  // `new URL('/api/x', base)` drops any path the base has; a trailing slash is harmless either way.
  .transform((url) => url.replace(/\/+$/, ''));

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Whether `hostname` (as `URL.hostname` gives it) is this machine. */
export function isLoopback(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/** `mcc mcp`'s command-line options (commander gives strings). */
export interface McpCommandOptions {
  transport?: string;
  port?: string;
  host?: string;
  jobWait?: string;
}

const optionsSchema = z.object({
  transport: z.enum(['stdio', 'http']).default('stdio'),
  port: z.coerce.number().int().min(0).max(65_535).default(DEFAULT_HTTP_PORT),
  host: z.string().trim().min(1).default('127.0.0.1'),
  jobWait: z.coerce.number().int().min(0).max(3_600).default(DEFAULT_JOB_WAIT_SECONDS),
});

export type McpConfig =
  | {
      transport: 'stdio';
      instanceUrl: string;
      apiKey: string;
      jobWaitSeconds: number;
      warnings: string[];
    }
  | {
      transport: 'http';
      instanceUrl: string;
      /** Each HTTP client sends its own key; none is kept here. */
      host: string;
      port: number;
      jobWaitSeconds: number;
      warnings: string[];
    };

export class McpConfigError extends Error {
  override name = 'McpConfigError';
}

/**
 * `mcc mcp`'s configuration from its options and the environment (`MCC_URL`, `MCC_API_KEY`). Over stdio
 * the key comes from the environment; over HTTP every request carries its own, so one server can serve
 * several workspaces and holds no secret itself.
 */
export function mcpConfigFrom(
  options: McpCommandOptions,
  env: Record<string, string | undefined>,
): McpConfig {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) throw new McpConfigError(readable(parsed.error));
  const url = instanceUrlSchema.safeParse(env.MCC_URL?.trim() || DEFAULT_INSTANCE_URL);
  if (!url.success) throw new McpConfigError(readable(url.error));
  const instanceUrl = url.data;
  const warnings: string[] = [];
  const { protocol, hostname } = new URL(instanceUrl);
  if (protocol === 'http:' && !isLoopback(hostname)) {
    warnings.push(
      `MCC_URL is plain http to another machine: the API key crosses the network unencrypted. Use https.`,
    );
  }
  const { transport, port, host, jobWait } = parsed.data;
  if (transport === 'http') {
    if (env.MCC_API_KEY) {
      warnings.push(
        'MCC_API_KEY is not used over HTTP: each client sends its own key as "Authorization: Bearer mcc_…".',
      );
    }
    if (!isLoopback(host)) {
      warnings.push(
        `Listening on ${host}, beyond this machine: put TLS in front of it, since clients send their API keys.`,
      );
    }
    return { transport, instanceUrl, host, port, jobWaitSeconds: jobWait, warnings };
  }
  if (!env.MCC_API_KEY) {
    throw new McpConfigError(
      `Set MCC_API_KEY to a workspace API key (${API_KEY_PREFIX}…): an owner or admin creates one in the workspace's settings`,
    );
  }
  const apiKey = apiKeySchema.safeParse(env.MCC_API_KEY);
  if (!apiKey.success) throw new McpConfigError(readable(apiKey.error));
  return { transport, instanceUrl, apiKey: apiKey.data, jobWaitSeconds: jobWait, warnings };
}

const FLAGS: Record<string, string> = {
  transport: '--transport',
  port: '--port',
  host: '--host',
  jobWait: '--job-wait',
};

function readable(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const key = String(issue.path[0] ?? '');
      return FLAGS[key] ? `${FLAGS[key]}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
