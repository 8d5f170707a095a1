import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseChatRequest } from './chat-request.schema.js';
import { respondToChat } from './chat-responder.js';
import { generateDefaultReply } from './default-reply.js';
import { DIALECTS } from './dialects.js';
import type {
  ChatCall,
  FakeOpenAI,
  FakeOpenAIOptions,
  RecordedRequest,
  ScriptEntry,
  ScriptStep,
} from './fake-openai.types.js';
import { type ImageScriptStep, parseImageRequest, sendGeneratedImage } from './image-generation.js';
import { type OpenAIErrorDetails, sendOpenAIError } from './openai-error.js';

const DEFAULT_MODELS = ['fake-gpt', 'gpt-4o-mini'];
// A fixed date keeps `GET /v1/models` identical between runs.
const MODELS_CREATED = 1_700_000_000;

/**
 * Start a fake OpenAI-compatible server on 127.0.0.1: `POST /v1/chat/completions` (JSON and SSE),
 * `POST /v1/images/generations` (real PNGs of the requested size) and `GET /v1/models`, answering from a
 * per-test script.
 *
 * @example
 * const fake = await startFakeOpenAI();
 * fake.script({ reply: 'Hello' }, { status: 429, retryAfter: 2 });
 * const client = new OpenAI({ baseURL: fake.url, apiKey: 'test', maxRetries: 0 });
 * await fake.close();
 */
export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const queue: ScriptEntry[] = [];
  const imageQueue: ImageScriptStep[] = [];
  const requests: RecordedRequest[] = [];
  const models = options.models ?? DEFAULT_MODELS;
  const closing = new AbortController();
  const dialect = DIALECTS[options.dialect ?? 'openai'];
  const openai = DIALECTS.openai;
  const defaultEntry: ScriptEntry = (call) => ({
    reply: dialect.ignoresResponseFormat
      ? `Sure! ${String(generateDefaultReply({ ...call.chat, response_format: undefined }))}`
      : generateDefaultReply(call.chat),
  });
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
    const fail = (status: number, details: OpenAIErrorDetails) =>
      sendOpenAIError(response, status, details, {}, dialect.errorBody);
    if (!authorized(recorded)) {
      return fail(401, {
        message: options.apiKey
          ? 'Incorrect API key provided.'
          : "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
        code: options.apiKey ? 'invalid_api_key' : null,
      });
    }
    if (route === 'GET /v1/models') {
      return sendJson(response, { object: 'list', data: models.map(modelObject) });
    }
    const modelMatch = /^GET \/v1\/models\/(.+)$/.exec(route);
    if (modelMatch?.[1]) {
      const id = decodeURIComponent(modelMatch[1]);
      if (models.includes(id)) return sendJson(response, modelObject(id));
      return fail(404, openai.modelNotFound(id));
    }
    if (route === 'POST /v1/images/generations') {
      const parsed = parseImageRequest(recorded.body);
      if ('error' in parsed) return fail(400, parsed.error);
      recorded.image = parsed.request;
      const step = imageQueue.shift() ?? {};
      if (step.status)
        return sendOpenAIError(
          response,
          step.status,
          step.error,
          step.retryAfter !== undefined ? { 'retry-after': String(step.retryAfter) } : {},
          dialect.errorBody,
        );
      return sendGeneratedImage(response, parsed.request);
    }
    if (route !== 'POST /v1/chat/completions') {
      return fail(404, { message: `Invalid URL (${route})`, code: null });
    }
    if (typeof recorded.body === 'string') {
      return fail(400, {
        message:
          'We could not parse the JSON body of your request. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.',
        code: null,
      });
    }
    const parsed = parseChatRequest(readableBody(recorded.body), { openAIRules: dialect.openAIRules });
    if ('error' in parsed) return fail(400, parsed.error);
    recorded.chat = parsed.request;
    const call = recorded as ChatCall;
    const refusal = dialectRefusal(call);
    if (refusal) return fail(refusal.status, refusal.details);
    const step = await resolveEntry(queue.shift() ?? fallback, call);
    const defaultReply = async () =>
      (await resolveEntry(fallback, call)).reply ?? generateDefaultReply(call.chat);
    const answeringModel = dialect.answersAsLoadedModel ? (models[0] ?? call.chat.model) : call.chat.model;
    await respondToChat(response, { call, step, defaultReply, signal, dialect, answeringModel });
  }

  /** What the emulated server refuses that OpenAI would take: an unknown model, a format it lacks. */
  function dialectRefusal(call: ChatCall): { status: number; details: OpenAIErrorDetails } | undefined {
    if (dialect.checksModel && !models.includes(call.chat.model)) {
      return { status: 404, details: dialect.modelNotFound(call.chat.model) };
    }
    if (options.vision === false) {
      for (const [index, message] of call.chat.messages.entries()) {
        const part = Array.isArray(message.content)
          ? message.content.findIndex((candidate) => candidate.type === 'image_url')
          : -1;
        if (part >= 0) {
          return {
            status: 400,
            details: {
              message: 'Invalid content type. image_url is only supported by certain models.',
              param: `messages.[${index}].content.[${part}].type`,
              code: null,
            },
          };
        }
      }
    }
    if (dialect.refusesJsonObject && call.chat.response_format?.type === 'json_object') {
      return {
        status: 400,
        details: {
          message: "'response_format.type' must be 'json_schema' or 'text'",
          param: 'response_format',
        },
      };
    }
    return undefined;
  }

  /**
   * llama.cpp's `{"type": "json_schema", "schema": …}` (schema beside `type`) read as OpenAI's form, so
   * one validator serves both.
   */
  function readableBody(body: unknown): unknown {
    if (!dialect.readsTopLevelSchema || !isRecord(body) || !isRecord(body.response_format)) return body;
    const format = body.response_format;
    if (format.type !== 'json_schema' || format.json_schema !== undefined || !isRecord(format.schema))
      return body;
    return {
      ...body,
      response_format: { type: 'json_schema', json_schema: { name: 'response', schema: format.schema } },
    };
  }

  function authorized(request: RecordedRequest): boolean {
    const header = request.headers.authorization ?? '';
    if (options.apiKey !== undefined) return header === `Bearer ${options.apiKey}`;
    return !dialect.requiresBearer || /^Bearer\s+\S+/i.test(header);
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
    scriptImages: (...steps) => void imageQueue.push(...steps),
    imageRequests: () => requests.filter((request) => request.image !== undefined),
    setDefaultReply: (entry) => {
      fallback = entry;
    },
    pending: () => queue.length,
    reset: () => {
      queue.length = 0;
      imageQueue.length = 0;
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function modelObject(id: string) {
  return { id, object: 'model', created: MODELS_CREATED, owned_by: 'fake-openai' };
}

function sendJson(response: ServerResponse, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}
