import type { ChatMessage, CompletionRequest, TokenUsage } from './provider.js';

// What a provider call can cost at most, for the budget's reservations. These are ceilings, not guesses: a
// reservation smaller than the call's real cost would let parallel calls overshoot the cap by many calls.

/** Role markers and separators a chat format adds around each message (a few tokens; kept generous). */
const MESSAGE_FRAMING_TOKENS = 8;
/** The wrapper around the structured-output schema and the start of the answer. */
const REQUEST_FRAMING_TOKENS = 32;

/**
 * The most prompt tokens `request` can count. Byte-level BPE tokenisers (OpenAI's, and those of most open
 * models) never make more tokens than the text has UTF-8 bytes, so bytes bound the count in any language;
 * the usual "four characters a token" under-counts Chinese or Thai about fourfold.
 *
 * @example
 * promptTokenBound({ messages: [{ role: 'user', content: 'Hi' }] }); // 2 + 8 + 32 = 42
 */
export function promptTokenBound(request: Pick<CompletionRequest, 'messages' | 'jsonSchema'>): number {
  let tokens = REQUEST_FRAMING_TOKENS;
  for (const message of request.messages) tokens += messageTokenBound(message) + MESSAGE_FRAMING_TOKENS;
  if (request.jsonSchema) {
    tokens +=
      Buffer.byteLength(request.jsonSchema.name) +
      Buffer.byteLength(JSON.stringify(request.jsonSchema.schema));
  }
  return tokens;
}

/** The most one provider attempt can consume: the bounded prompt, and every output token it allows. */
export function attemptTokenBound(
  request: Pick<CompletionRequest, 'messages' | 'jsonSchema' | 'maxTokens'>,
): TokenUsage {
  return { promptTokens: promptTokenBound(request), completionTokens: request.maxTokens ?? 0 };
}

/** Two token counts added up. */
export function addUsage(a: TokenUsage, b: TokenUsage): TokenUsage {
  return {
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
  };
}

/**
 * How many micro-dollars a reservation holding `held` must grow by so that what the run already used plus
 * its next attempt's worst case (`needed`, both together) stay covered; 0 when it already does.
 */
export function reservationShortfall(held: number, needed: number): number {
  return Math.max(0, needed - held);
}

/**
 * What one picture can count as prompt tokens. Pictures go at low detail: 85 tokens on OpenAI's gpt-4o
 * family; other vendors count a small picture at up to about a thousand (Anthropic's formula, pixels/750,
 * gives 546 for 640 × 640), so the ceiling is generous.
 */
export const IMAGE_TOKEN_BOUND = 1_500;

function messageTokenBound(message: ChatMessage): number {
  return Buffer.byteLength(message.content) + (message.images?.length ?? 0) * IMAGE_TOKEN_BOUND;
}
