/** One chat message. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
  /** Pictures for a model that reads images (user messages only), as data URLs. */
  images?: string[];
}

/** Tokens a call consumed, as the provider reported them. */
export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

/** A chat completion request; `jsonSchema` asks for structured output. */
export interface CompletionRequest {
  messages: ChatMessage[];
  /** Structured output: the model must answer one JSON value matching `schema` (JSON Schema). */
  jsonSchema?: { name: string; schema: Record<string, unknown> };
  temperature?: number;
  maxTokens?: number;
  /** Aborts the call (client disconnected, timeout). */
  signal?: AbortSignal;
}

/** A finished completion. */
export interface CompletionResult {
  text: string;
  /** The model that actually answered (providers may resolve aliases). */
  model: string;
  usage: TokenUsage;
}

/** A piece of a streamed completion: text deltas, then exactly one `done`. */
export type CompletionChunk = { type: 'delta'; text: string } | ({ type: 'done' } & CompletionResult);

/**
 * A model endpoint. The openai-compatible provider talks to any `/v1/chat/completions` server; the
 * offline provider never gets here (tasks answer offline themselves).
 */
export interface ChatProvider {
  /** `openai-compatible`; appears in the ledger and metrics. */
  readonly name: string;
  /** The configured model, for the ledger when a call fails before any answer. */
  readonly model: string;
  complete(request: CompletionRequest): Promise<CompletionResult>;
  stream(request: CompletionRequest): AsyncIterable<CompletionChunk>;
}
