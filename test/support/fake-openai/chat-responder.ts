import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  type CompletionIdentity,
  type CompletionUsage,
  chunkBody,
  completionBody,
  type FinishReason,
  newCompletionIdentity,
  splitIntoPieces,
} from './chat-completion-body.js';
import { messageText } from './chat-request.schema.js';
import type { DialectRules } from './dialects.js';
import type { ChatCall, ScriptStep } from './fake-openai.types.js';
import { sendOpenAIError } from './openai-error.js';
import { countTokens, truncateToTokens } from './token-count.js';

/** What the responder needs beyond the step: the reply to use when the step has none. */
export interface RespondInput {
  call: ChatCall;
  step: ScriptStep;
  defaultReply: () => Promise<unknown>;
  /** Aborted when the client goes away or the server closes. */
  signal: AbortSignal;
  /** How the server being emulated differs from OpenAI (see dialects.ts). */
  dialect: DialectRules;
  /** The model the server says answered when the step names none. */
  answeringModel: string;
}

/** Carry out one scripted step for a valid chat completion request. */
export async function respondToChat(response: ServerResponse, input: RespondInput): Promise<void> {
  const { call, step, signal } = input;
  if (step.delayMs && !(await pause(step.delayMs, signal))) return;
  if (step.hang) return waitForAbort(signal);
  if (step.status !== undefined && step.status !== 200) {
    const headers: Record<string, string> =
      step.retryAfter === undefined ? {} : { 'retry-after': String(step.retryAfter) };
    return sendOpenAIError(response, step.status, step.error, headers, input.dialect.errorBody);
  }

  const reply = step.reply === undefined ? await input.defaultReply() : step.reply;
  const maxTokens =
    (input.dialect.honoursMaxCompletionTokens ? call.chat.max_completion_tokens : undefined) ??
    call.chat.max_tokens;
  const full = typeof reply === 'string' ? reply : JSON.stringify(reply);
  const { text, truncated } = maxTokens
    ? truncateToTokens(full, maxTokens)
    : { text: full, truncated: false };
  const finishReason = step.finishReason ?? (truncated ? 'length' : 'stop');
  const identity = newCompletionIdentity(step.model ?? input.answeringModel);
  const usage = countUsage(call, text, step.usage);

  if (call.chat.stream)
    return streamCompletion(response, { identity, text, finishReason, usage, step, call, signal });
  if (step.malformedJson) return sendRaw(response, 'application/json', `{"id":"${identity.id}","choices":[{`);
  const body = JSON.stringify(completionBody(identity, text, finishReason, usage));
  if (step.cutStreamAfterChunks !== undefined) return cutBody(response, body);
  sendRaw(response, 'application/json', body);
}

/** Prompt tokens: every message's text; completion tokens: the reply (see `countTokens`). */
function countUsage(call: ChatCall, text: string, override: ScriptStep['usage']): CompletionUsage {
  const prompt =
    override?.prompt_tokens ?? call.chat.messages.reduce((sum, m) => sum + countTokens(messageText(m)), 0);
  const completion = override?.completion_tokens ?? countTokens(text);
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

interface StreamInput {
  identity: CompletionIdentity;
  text: string;
  finishReason: FinishReason;
  usage: CompletionUsage;
  step: ScriptStep;
  call: ChatCall;
  signal: AbortSignal;
}

async function streamCompletion(response: ServerResponse, input: StreamInput): Promise<void> {
  const { identity, step, signal } = input;
  const includeUsage = input.call.chat.stream_options?.include_usage === true;
  // OpenAI marks every chunk with `usage: null` when the caller asked for a final usage chunk.
  const usageMark = includeUsage ? { usage: null } : {};
  const chunks = [
    chunkBody(identity, { role: 'assistant', content: '', refusal: null }, usageMark),
    ...splitIntoPieces(input.text).map((piece) => chunkBody(identity, { content: piece }, usageMark)),
    chunkBody(identity, {}, { ...usageMark, finishReason: input.finishReason }),
    ...(includeUsage ? [chunkBody(identity, null, { usage: input.usage })] : []),
  ];
  const events = chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`);
  if (step.malformedJson) events.splice(1, 0, `data: {"id":"${identity.id}","choices":[{\n\n`);
  events.push('data: [DONE]\n\n');
  const cutAt =
    step.cutStreamAfterChunks === undefined ? undefined : Math.min(step.cutStreamAfterChunks, chunks.length);

  response.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  for (const [index, event] of events.entries()) {
    if (index === cutAt) return dropConnection(response);
    response.write(event);
    const isLast = index === events.length - 1;
    if (!isLast && step.chunkDelayMs && !(await pause(step.chunkDelayMs, signal))) return;
    if (signal.aborted) return;
  }
  response.end();
}

function sendRaw(response: ServerResponse, contentType: string, body: string): void {
  response.writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

/** Promise a full body, send half of it, then drop the connection. */
function cutBody(response: ServerResponse, body: string): void {
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  response.write(body.slice(0, Math.floor(body.length / 2)));
  dropConnection(response);
}

/**
 * Close the connection mid-answer. Ending the socket (rather than destroying it at once) flushes what was
 * written first, so the client really receives the partial answer before the connection goes.
 */
function dropConnection(response: ServerResponse): void {
  response.flushHeaders();
  const socket = response.socket;
  if (!socket) return;
  socket.once('finish', () => socket.destroy());
  socket.end();
}

/** Wait `ms`; resolves `false` when `signal` aborted the wait. */
async function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  try {
    await sleep(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}

function waitForAbort(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
