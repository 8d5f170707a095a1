import type { ErrorCode } from '#shared/error-codes.js';
import { type FieldError, type Problem, problemSchema } from '#shared/problem.schema.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One request the web app sent, as the fake server saw it. */
export interface FakeRequest {
  method: Method;
  /** The path without the query string (`/api/business/…/members`). */
  path: string;
  query: URLSearchParams;
  /** The parsed JSON body, or undefined. */
  body: unknown;
  headers: Headers;
}

/** An answer: a status, a JSON body (omitted for 204) or raw `text`, and headers. */
export interface FakeReply {
  status: number;
  body?: unknown;
  text?: string;
  headers?: Record<string, string>;
}

type Handler = (request: FakeRequest) => FakeReply | Promise<FakeReply>;

/** `200 OK` (or `status`) with a JSON body. */
export function json(body: unknown, status = 200): FakeReply {
  return { status, body };
}

/** `204 No Content`. */
export function noContent(): FakeReply {
  return { status: 204 };
}

/**
 * An RFC 9457 problem as the API answers it (application/problem+json), checked against the shared schema.
 *
 * @example
 * api.on('POST', API.login, () => problem(401, 'invalid_credentials', 'Wrong email or password'));
 */
export function problem(
  status: number,
  code: ErrorCode,
  detail?: string,
  errors?: FieldError[],
  headers?: Record<string, string>,
): FakeReply {
  const body: Problem = problemSchema.parse({
    type: `https://mcc.example/problems/${code}`,
    title: code.replaceAll('_', ' '),
    status,
    code,
    ...(detail === undefined ? {} : { detail }),
    ...(errors === undefined ? {} : { errors }),
    request_id: 'req-test',
  });
  return { status, body, headers: { 'content-type': 'application/problem+json', ...headers } };
}

/** A 400 `validation_failed` with one message per body field, as the server's zod handler answers it. */
export function fieldProblem(fields: Record<string, string>): FakeReply {
  return problem(
    400,
    'validation_failed',
    undefined,
    Object.entries(fields).map(([field, message]) => ({ path: `body.${field}`, message, code: 'custom' })),
  );
}

/**
 * A `text/event-stream` answer holding `events` in order, as the streaming endpoints send them.
 *
 * @example
 * api.on('POST', API.generateContent, eventStream([{ event: 'start', data: { … } }, { event: 'result', data }]));
 */
export function eventStream(events: readonly { event: string; data: unknown }[]): FakeReply {
  return {
    status: 200,
    text: events.map(({ event, data }) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`).join(''),
    headers: { 'content-type': 'text/event-stream' },
  };
}

/** An answer that never comes: the screen stays in its loading state. */
export function never(): Promise<FakeReply> {
  return new Promise(() => undefined);
}

/**
 * The API faked at the fetch boundary: answers keyed by method and path (no query string), so the web
 * app's own client, schemas and error handling run as they do against the server. A later `on()` for the
 * same key replaces the earlier one (a test overrides a default). An unexpected request answers 404 and
 * is listed in `unhandled`, which the harness checks after each test.
 *
 * @example
 * const api = new FakeApi();
 * api.on('GET', API.members(business.id), json({ items: [owner] }));
 * api.on('POST', API.members(business.id), () => problem(404, 'not_found'));
 */
export class FakeApi {
  readonly requests: FakeRequest[] = [];
  readonly unhandled: string[] = [];
  private readonly handlers = new Map<string, Handler>();

  on(method: Method, path: string, answer: FakeReply | Handler): this {
    this.handlers.set(`${method} ${path}`, typeof answer === 'function' ? answer : () => answer);
    return this;
  }

  /** The requests sent to `method path`, oldest first. */
  sent(method: Method, path: string): FakeRequest[] {
    return this.requests.filter((request) => request.method === method && request.path === path);
  }

  /** A `fetch` for `vi.stubGlobal`. */
  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input), 'http://app.test');
    const method = (init.method ?? 'GET').toUpperCase() as Method;
    const request: FakeRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: new Headers(init.headers),
    };
    this.requests.push(request);
    const handler = this.handlers.get(`${method} ${url.pathname}`);
    if (!handler) {
      this.unhandled.push(`${method} ${url.pathname}`);
      return toResponse(problem(404, 'not_found', `No fake answer for ${method} ${url.pathname}`));
    }
    return toResponse(await handler(request));
  };
}

function toResponse({ status, body, text, headers }: FakeReply): Response {
  const content = status === 204 ? null : (text ?? (body === undefined ? null : JSON.stringify(body)));
  return new Response(content, {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}
