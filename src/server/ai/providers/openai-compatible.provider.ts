import OpenAI from 'openai';
import type {
  ChatCompletionCreateParamsBase,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import type {
  ChatMessage,
  ChatProvider,
  CompletionChunk,
  CompletionRequest,
  CompletionResult,
} from '../provider.js';
import { ProviderError } from '../provider-errors.js';

/** Where and how to reach an OpenAI-compatible endpoint. */
export interface OpenAiCompatibleOptions {
  /** Undefined means api.openai.com. */
  baseUrl: string | undefined;
  /** Local servers (Ollama, llama.cpp) need none; the SDK insists on a value. */
  apiKey: string | undefined;
  model: string;
  timeoutMs: number;
  /** How requests go out; the SDK's default (global fetch) when omitted. See `createGuardedFetch`. */
  fetch?: typeof fetch;
}

/**
 * The official SDK's client for an endpoint, with its own retries off: callers retry with their own policy,
 * budget and breaker (and a picture is never retried).
 */
export function openAiClient(options: OpenAiCompatibleOptions): OpenAI {
  return new OpenAI({
    apiKey: options.apiKey || 'not-needed',
    baseURL: options.baseUrl,
    timeout: options.timeoutMs,
    maxRetries: 0,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

/**
 * Any `/v1/chat/completions` server through the official SDK: OpenAI, Azure OpenAI, Ollama, vLLM, llama.cpp,
 * LM Studio. The SDK's own retries are off: the engine retries with its own policy, budget and breaker.
 */
export class OpenAiCompatibleProvider implements ChatProvider {
  readonly name = 'openai-compatible';
  readonly model: string;
  private readonly client: OpenAI;

  constructor(options: OpenAiCompatibleOptions) {
    this.model = options.model;
    this.client = openAiClient(options);
  }

  async complete(request: CompletionRequest): Promise<CompletionResult> {
    const completion = await this.client.chat.completions.create(
      { ...this.params(request), stream: false },
      { signal: request.signal },
    );
    const text = completion.choices[0]?.message?.content;
    if (typeof text !== 'string')
      throw new ProviderError('bad_response', 'The AI provider answered without any text');
    return {
      text,
      model: completion.model || this.model,
      usage: {
        promptTokens:
          completion.usage?.prompt_tokens ??
          estimateTokens(request.messages.map((m) => m.content).join('\n')),
        completionTokens: completion.usage?.completion_tokens ?? estimateTokens(text),
      },
    };
  }

  async *stream(request: CompletionRequest): AsyncIterable<CompletionChunk> {
    const stream = await this.client.chat.completions.create(
      { ...this.params(request), stream: true, stream_options: { include_usage: true } },
      { signal: request.signal },
    );
    let text = '';
    let model = this.model;
    let usage: CompletionResult['usage'] | undefined;
    for await (const chunk of stream) {
      if (chunk.model) model = chunk.model;
      if (chunk.usage)
        usage = { promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens };
      const delta = chunk.choices[0]?.delta?.content;
      if (delta) {
        text += delta;
        yield { type: 'delta', text: delta };
      }
    }
    yield {
      type: 'done',
      text,
      model,
      usage: usage ?? {
        promptTokens: estimateTokens(request.messages.map((m) => m.content).join('\n')),
        completionTokens: estimateTokens(text),
      },
    };
  }

  private params(request: CompletionRequest): ChatCompletionCreateParamsBase {
    return {
      model: this.model,
      messages: request.messages.map(toWireMessage),
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
      // `max_tokens` is deprecated and refused by OpenAI's reasoning models; servers that do not know this
      // name ignore it (they are local and unpriced, so the budget does not rely on their limit).
      ...(request.maxTokens !== undefined ? { max_completion_tokens: request.maxTokens } : {}),
      ...(request.jsonSchema
        ? {
            response_format: {
              type: 'json_schema' as const,
              json_schema: {
                name: request.jsonSchema.name,
                schema: request.jsonSchema.schema,
                strict: false,
              },
            },
          }
        : {}),
    };
  }
}

/**
 * A message as the Chat Completions API takes it: a user message with pictures becomes content parts (its
 * text, then each picture as an `image_url` part at low detail, a fixed small cost per picture).
 */
function toWireMessage(message: ChatMessage): ChatCompletionMessageParam {
  if (message.role === 'user' && message.images?.length) {
    return {
      role: 'user',
      content: [
        { type: 'text', text: message.content },
        ...message.images.map((url) => ({
          type: 'image_url' as const,
          image_url: { url, detail: 'low' as const },
        })),
      ],
    };
  }
  return { role: message.role, content: message.content };
}

/**
 * A rough token count (≈ 4 characters per token for English) for when a provider reports no usage, e.g.
 * a stream cut before its final chunk: better an estimate in the ledger than nothing.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
