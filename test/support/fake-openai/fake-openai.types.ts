import type { IncomingHttpHeaders } from 'node:http';
import type { FinishReason } from './chat-completion-body.js';
import type { ChatRequest } from './chat-request.schema.js';
import type { FakeDialect } from './dialects.js';
import type { ImageRequestBody, ImageScriptStep } from './image-generation.js';
import type { OpenAIErrorDetails } from './openai-error.js';

/**
 * How the fake answers one chat completion request. Every field is optional; an empty step answers like
 * the default (see `FakeOpenAIOptions.defaultReply`).
 */
export interface ScriptStep {
  /** The assistant's content: a string as is, anything else serialised with `JSON.stringify`. */
  reply?: unknown;
  /** Wait this long before sending anything (headers included). */
  delayMs?: number;
  /** Streaming: wait this long between chunks. */
  chunkDelayMs?: number;
  /** Answer this error status with an OpenAI error body instead of a completion (e.g. 429, 500, 503). */
  status?: number;
  /** With `status`: the `retry-after` header, in seconds. */
  retryAfter?: number;
  /** With `status`: override the error body's message, type, param or code. */
  error?: OpenAIErrorDetails;
  /** Accept the request and never answer, until the client gives up or the server closes. */
  hang?: boolean;
  /** Answer 200 with a body (or a stream event) that is not valid JSON. */
  malformedJson?: boolean;
  /**
   * Destroy the socket mid-answer: when streaming, after this many `chat.completion.chunk` events (the
   * opening role chunk counts; a shorter stream is cut before `[DONE]`); otherwise halfway through the body.
   */
  cutStreamAfterChunks?: number;
  /** Replace the counted usage; `total_tokens` is always their sum. */
  usage?: { prompt_tokens?: number; completion_tokens?: number };
  /** The model named in the answer (default: the requested one). */
  model?: string;
  /** The finish reason (default: `stop`, or `length` when `max_tokens` cut the reply). */
  finishReason?: FinishReason;
}

/** A step, or a function of the request that decides the step (e.g. to echo the prompt). */
export type ScriptEntry = ScriptStep | ((call: ChatCall) => ScriptStep | Promise<ScriptStep>);

/** One HTTP request the fake received, whatever its path or validity. */
export interface RecordedRequest {
  method: string;
  /** The path without the query string, e.g. `/v1/chat/completions`. */
  path: string;
  headers: IncomingHttpHeaders;
  /** The body parsed as JSON, or the raw text when it is not JSON (`undefined` when empty). */
  body: unknown;
  receivedAt: Date;
  /** Set when the request is a chat completion whose body passed validation. */
  chat?: ChatRequest;
  /** Set when the request is an image generation whose body passed validation. */
  image?: ImageRequestBody;
}

/** A recorded chat completion request that passed validation. */
export interface ChatCall extends RecordedRequest {
  chat: ChatRequest;
}

/** Options for `startFakeOpenAI`. */
export interface FakeOpenAIOptions {
  /** Port to listen on; 0 (the default) picks a free one. Always on 127.0.0.1. */
  port?: number;
  /** The behaviour when the script queue is empty (default: `generateDefaultReply`). */
  defaultReply?: ScriptEntry;
  /** Model ids listed by `GET /v1/models`. */
  models?: string[];
  /** Keep every request in `requests` (default true); a long-running standalone server turns it off. */
  recordRequests?: boolean;
  /** The server to emulate (default `openai`): its auth, model, error and `response_format` rules. */
  dialect?: FakeDialect;
  /** Require exactly this bearer key (a 401 otherwise), as a local server started with a key does. */
  apiKey?: string;
  /**
   * Whether the model reads images (default true). Off, a request with an `image_url` part is refused
   * with OpenAI's 400 for models without vision.
   */
  vision?: boolean;
  /** Called once each request's answer is over, e.g. to log it. */
  onAnswered?: (request: RecordedRequest, status: number) => void;
}

/** A running fake OpenAI-compatible server. */
export interface FakeOpenAI {
  /** The base URL to hand to the SDK, e.g. `http://127.0.0.1:40123/v1`. */
  readonly url: string;
  readonly port: number;
  /** Every request received, oldest first. */
  readonly requests: readonly RecordedRequest[];
  /** Only the valid chat completion requests, oldest first. */
  chatRequests(): ChatCall[];
  /** Queue behaviours; each valid chat completion request consumes one, in order. */
  script(...entries: ScriptEntry[]): void;
  /** Queue image generation behaviours (errors); each valid request consumes one, then pictures are drawn. */
  scriptImages(...steps: ImageScriptStep[]): void;
  /** Only the valid image generation requests, oldest first. */
  imageRequests(): RecordedRequest[];
  /** Replace the behaviour used when the queue is empty. */
  setDefaultReply(entry: ScriptEntry): void;
  /** How many queued behaviours have not been consumed yet. */
  pending(): number;
  /** Forget queued behaviours and recorded requests, and restore the original default. */
  reset(): void;
  /** Stop listening, ending hanging and streaming answers. */
  close(): Promise<void>;
}
