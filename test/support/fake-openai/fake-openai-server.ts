import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseChatRequest } from './chat-request.schema.js';
import { respondToChat } from './chat-responder.js';
import { generateDefaultReply } from './default-reply.js';
import type {
  ChatCall,
  FakeOpenAI,
  FakeOpenAIOptions,
  RecordedRequest,
  ScriptEntry,
  ScriptStep,
} from './fake-openai.types.js';
import { sendOpenAIError } from './openai-error.js';

const DEFAULT_MODELS = ['fake-gpt', 'gpt-4o-mini'];
// A fixed date keeps `GET /v1/models` identical between runs.
const MODELS_CREATED = 1_700_000_000;

const defaultEntry: ScriptEntry = (call) => ({ reply: generateDefaultReply(call.chat) });

/**
 * Start a fake OpenAI-compatible server on 127.0.0.1: `POST /v1/chat/completions` (JSON and SSE) and
 * `GET /v1/models`, answering from a per-test script.
 *
 * @example
 * const fake = await startFakeOpenAI();
 * fake.script({ reply: 'Hello' }, { status: 429, retryAfter: 2 });
 * const client = new OpenAI({ baseURL: fake.url, apiKey: 'test', maxRetries: 0 });
 * await fake.close();
 */
export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const queue: ScriptEntry[] = [];
  const requests: RecordedRequest[] = [];
  const models = options.models ?? DEFAULT_MODELS;
  const closing = new AbortController();
  let fallback = options.defaultReply ?? defaultEntry;
  let requestCount = 0;

  const server = createServer((request, response) => {
    requestCount += 1;
    response.setHeader('x-request-id', `req_fake${requestCount}`);
    // Client gone or server closing: stop delays, hangs and streams for this request.
    const clientGone = new AbortController();
    response.once('close', () => clientGone.abort());
    const signal = AbortSignal.any([closing.signal, clientGone.signal]);
    handle(request, response, signal).catch((error: unknown) => {
      if (response.headersSent) return void response.destroy();
      sendOpenAIError(response, 500, { message: `fake-openai failed: ${String(error)}` });
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse, signal: AbortSignal) {
    const recorded = await recordRequest(request);
    if (options.recordRequests !== false) requests.push(recorded);
    response.once('close', () => options.onAnswered?.(recorded, response.statusCode));
    const route = `${recorded.method} ${recorded.path.replace(/\/+$/, '')}`;
    if (!hasBearerToken(recorded)) {
      return sendOpenAIError(response, 401, {
        message:
          "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
        code: null,
      });
    }
    if (route === 'GET /v1/models') {
      return sendJson(response, { object: 'list', data: models.map(modelObject) });
    }
    const modelMatch = /^GET \/v1\/models\/(.+)$/.exec(route);
    if (modelMatch?.[1]) {
      const id = decodeURIComponent(modelMatch[1]);
      if (models.includes(id)) return sendJson(response, modelObject(id));
      return sendOpenAIError(response, 404, {
        message: `The model '${id}' does not exist`,
        param: 'model',
        code: 'model_not_found',
      });
    }
    if (route !== 'POST /v1/chat/completions') {
      return sendOpenAIError(response, 404, { message: `Invalid URL (${route})`, code: null });
    }
    if (typeof recorded.body === 'string') {
      return sendOpenAIError(response, 400, {
        message:
          'We could not parse the JSON body of your request. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.',
        code: null,
      });
    }
    const parsed = parseChatRequest(recorded.body);
    if ('error' in parsed) return sendOpenAIError(response, 400, parsed.error);
    recorded.chat = parsed.request;
    const call = recorded as ChatCall;
    const step = await resolveEntry(queue.shift() ?? fallback, call);
    const defaultReply = async () =>
      (await resolveEntry(fallback, call)).reply ?? generateDefaultReply(call.chat);
    await respondToChat(response, { call, step, defaultReply, signal });
  }

  let closed: Promise<void> | undefined;
  async function closeServer(): Promise<void> {
    closing.abort();
    const done = once(server, 'close');
    server.close();
    // Hanging and kept-alive connections would otherwise hold `close` open until they time out.
    server.closeAllConnections();
    await done;
  }

  server.listen(options.port ?? 0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    chatRequests: () => requests.filter((request): request is ChatCall => request.chat !== undefined),
    script: (...entries) => void queue.push(...entries),
    setDefaultReply: (entry) => {
      fallback = entry;
    },
    pending: () => queue.length,
    reset: () => {
      queue.length = 0;
      requests.length = 0;
      fallback = options.defaultReply ?? defaultEntry;
    },
    close: () => {
      closed ??= closeServer();
      return closed;
    },
  };
}

function resolveEntry(entry: ScriptEntry, call: ChatCall): Promise<ScriptStep> {
  return Promise.resolve(typeof entry === 'function' ? entry(call) : entry);
}

async function recordRequest(request: IncomingMessage): Promise<RecordedRequest> {
  const receivedAt = new Date();
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return {
    method: request.method ?? 'GET',
    path: new URL(request.url ?? '/', 'http://fake').pathname,
    headers: request.headers,
    body: parseBody(text),
    receivedAt,
  };
}

/** JSON when it parses, the raw text otherwise, `undefined` when empty. */
function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function hasBearerToken(request: RecordedRequest): boolean {
  return /^Bearer\s+\S+/i.test(request.headers.authorization ?? '');
}

function modelObject(id: string) {
  return { id, object: 'model', created: MODELS_CREATED, owned_by: 'fake-openai' };
}

function sendJson(response: ServerResponse, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}
