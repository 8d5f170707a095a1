import type { CompletionRequest } from './provider.js';

// When the provider never reports usage (the attempt timed out, the run was cancelled, a stream was cut),
// the ledger still owes the tokens the provider may bill. They are counted here with gpt-tokenizer's
// o200k_base encoding (the gpt-4o family's); other models tokenise differently, so such counts are always
// flagged as estimates. The encoding's tables take a few megabytes and a quarter of a second to load, so
// they are loaded on the first count, which most processes never need.

/** What the chat format adds per message (role and separators) and to prime the answer (OpenAI's figures). */
const TOKENS_PER_MESSAGE = 3;
const TOKENS_PRIMING_ANSWER = 3;
/** A picture at low detail, as OpenAI bills it. */
const TOKENS_PER_LOW_DETAIL_IMAGE = 85;

let tokenizer: Promise<typeof import('gpt-tokenizer/encoding/o200k_base')> | undefined;

function loadTokenizer() {
  tokenizer ??= import('gpt-tokenizer/encoding/o200k_base');
  return tokenizer;
}

/** Tokens of a piece of text. */
export async function countTextTokens(text: string): Promise<number> {
  if (text === '') return 0;
  const { countTokens } = await loadTokenizer();
  return countTokens(text);
}

/**
 * The prompt tokens of a request: its messages in the chat format, and the structured-output schema the
 * provider also reads.
 *
 * @example
 * await countPromptTokens({ messages: [{ role: 'user', content: 'Hello there' }] }); // 2 + 3 + 3 = 8
 */
export async function countPromptTokens(
  request: Pick<CompletionRequest, 'messages' | 'jsonSchema'>,
): Promise<number> {
  let tokens = TOKENS_PRIMING_ANSWER;
  for (const message of request.messages) {
    tokens += TOKENS_PER_MESSAGE + (await countTextTokens(message.content));
    tokens += (message.images?.length ?? 0) * TOKENS_PER_LOW_DETAIL_IMAGE;
  }
  if (request.jsonSchema) tokens += await countTextTokens(JSON.stringify(request.jsonSchema.schema));
  return tokens;
}
