import { z } from 'zod';
import { fieldErrorSchema } from '#shared/problem.schema.js';

/**
 * A problem as this client reads it: the shared problem schema, except that `code` may be one this
 * version does not know yet (codes are only ever added), and everything beyond `title` and `status` is
 * optional so a proxy's plain error still reads.
 */
export const apiProblemSchema = z.object({
  type: z.string().default('about:blank'),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  code: z.string().optional(),
  request_id: z.string().optional(),
  errors: z.array(fieldErrorSchema).optional(),
});
export type ApiProblem = z.infer<typeof apiProblemSchema>;

/** The instance answered with a problem (RFC 9457), or with an error that is read as one. */
export class ApiProblemError extends Error {
  override name = 'ApiProblemError';
  constructor(
    readonly problem: ApiProblem,
    /** Seconds from `Retry-After`, when the instance sent one (429, 503). */
    readonly retryAfterSeconds?: number,
  ) {
    super(problem.detail ?? problem.title);
  }
}

/** The instance could not be reached, or its answer could not be read. */
export class InstanceError extends Error {
  override name = 'InstanceError';
}

export type QueryValue = string | number | boolean | undefined | null;

export interface ApiClientOptions {
  /** The instance's base URL, such as `https://mcc.example.com`. */
  baseUrl: string;
  /** A workspace API key (`mcc_…`), sent as a Bearer token. */
  apiKey: string;
  /** Sent as `User-Agent`, so the instance's logs tell MCP calls apart. */
  userAgent: string;
  /** How long one request may take; AI tasks on a slow model need a while. */
  timeoutMs?: number;
  /** Ends every request of this client when it fires (the MCP call it serves was cancelled). */
  signal?: AbortSignal;
}

interface RequestOptions<T> {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** The shared response schema the answer is read with. */
  schema: z.ZodType<T>;
  signal?: AbortSignal;
}

const DEFAULT_TIMEOUT_MS = 120_000;
const PROBLEM_TYPES = /^application\/(problem\+)?json\b/i;

/**
 * The mcc HTTP API as its workspace API key sees it. Every call goes through the same routes as the web
 * app's, so the instance applies the key's role, the AI budget, rate limits and the audit log.
 */
export class MccApiClient {
  private readonly baseUrl: string;
  constructor(private readonly options: ApiClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  /**
   * This client for one MCP call: cancelling the call aborts its requests (routes that watch for a closed
   * connection, such as content generation and rewrites, then stop their model call).
   */
  forCall(signal: AbortSignal): MccApiClient {
    return new MccApiClient({ ...this.options, signal });
  }

  get<T>(path: string, options: Omit<RequestOptions<T>, 'body'>): Promise<T> {
    return this.request('GET', path, options);
  }

  post<T>(path: string, options: RequestOptions<T>): Promise<T> {
    return this.request('POST', path, options);
  }

  patch<T>(path: string, options: RequestOptions<T>): Promise<T> {
    return this.request('PATCH', path, options);
  }

  async request<T>(method: string, path: string, options: RequestOptions<T>): Promise<T> {
    const url = new URL(this.baseUrl + path);
    for (const [name, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined && value !== null) url.searchParams.set(name, String(value));
    }
    const timeout = AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const cancel = [options.signal, this.options.signal].filter((given) => given !== undefined);
    const signal = AbortSignal.any([...cancel, timeout]);
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.options.apiKey}`,
      accept: 'application/json, application/problem+json',
      'user-agent': this.options.userAgent,
    };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
        signal,
        // The key goes to the configured instance only, never to wherever a redirect points.
        redirect: 'error',
      });
    } catch (error) {
      if (cancel.some((given) => given.aborted)) throw new InstanceError('The request was cancelled');
      if (timeout.aborted) {
        throw new InstanceError(`mcc at ${this.baseUrl} did not answer ${method} ${path} in time`);
      }
      throw new InstanceError(`Could not reach mcc at ${this.baseUrl}: ${describeCause(error)}`);
    }
    if (!response.ok) throw await problemFrom(response);
    if (response.status === 204) return options.schema.parse(null);
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      throw new InstanceError(`mcc answered ${method} ${path} with something that is not JSON`);
    }
    const parsed = options.schema.safeParse(json);
    if (!parsed.success) {
      // A different version of mcc, or not mcc at all: say so instead of passing on a wrong shape.
      throw new InstanceError(
        `mcc answered ${method} ${path} in an unexpected shape (${z.prettifyError(parsed.error).split('\n')[0]}); is MCC_URL an mcc server of the same version?`,
      );
    }
    return parsed.data;
  }
}

async function problemFrom(response: Response): Promise<ApiProblemError> {
  const retryAfter = Number(response.headers.get('retry-after'));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
  const text = await response.text().catch(() => '');
  if (PROBLEM_TYPES.test(response.headers.get('content-type') ?? '')) {
    try {
      const problem = apiProblemSchema.safeParse(JSON.parse(text));
      if (problem.success) return new ApiProblemError(problem.data, retryAfterSeconds);
    } catch {
      // Not JSON after all: read as a plain error below.
    }
  }
  // A proxy's or load balancer's page: keep its status, and a little of what it said.
  const excerpt = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
  return new ApiProblemError(
    {
      type: 'about:blank',
      title: response.statusText || `HTTP ${response.status}`,
      status: response.status,
      ...(excerpt && { detail: excerpt }),
    },
    retryAfterSeconds,
  );
}

function describeCause(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return typeof code === 'string' ? `${code} (${cause.message})` : cause.message;
  }
  return String(cause);
}
