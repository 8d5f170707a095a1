import { randomBytes } from 'node:crypto';

/** Token counts in OpenAI's shape. */
export interface CompletionUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

/** Why generation stopped. */
export type FinishReason = 'stop' | 'length' | 'content_filter';

/** What every body of one completion shares. */
export interface CompletionIdentity {
  id: string;
  created: number;
  model: string;
}

/** A fresh id and timestamp for one completion answered as `model`. */
export function newCompletionIdentity(model: string): CompletionIdentity {
  return {
    id: `chatcmpl-fake${randomBytes(9).toString('hex')}`,
    created: Math.floor(Date.now() / 1000),
    model,
  };
}

/** A non-streaming `chat.completion` body. */
export function completionBody(
  identity: CompletionIdentity,
  content: string,
  finishReason: FinishReason,
  usage: CompletionUsage,
) {
  return {
    ...identity,
    object: 'chat.completion',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: finishReason,
      },
    ],
    usage,
    system_fingerprint: 'fp_fake',
  };
}

/**
 * A `chat.completion.chunk` carrying `delta` (pass `null` for the usage-only chunk, whose `choices` is
 * empty). With `include_usage`, OpenAI puts `usage: null` on every chunk but the last.
 */
export function chunkBody(
  identity: CompletionIdentity,
  delta: Record<string, unknown> | null,
  options: { finishReason?: FinishReason; usage?: CompletionUsage | null } = {},
) {
  const choices =
    delta === null ? [] : [{ index: 0, delta, logprobs: null, finish_reason: options.finishReason ?? null }];
  return {
    ...identity,
    object: 'chat.completion.chunk',
    choices,
    system_fingerprint: 'fp_fake',
    ...(options.usage === undefined ? {} : { usage: options.usage }),
  };
}

const LONGEST_PIECE = 24;

/**
 * Split `text` into stream pieces: one per word (with its leading spaces), long runs without spaces (JSON)
 * cut every 24 characters. Joining the pieces gives `text` back exactly.
 */
export function splitIntoPieces(text: string): string[] {
  const words = text.split(/(?=\s+\S)/).filter((piece) => piece !== '');
  return words.flatMap((word) => {
    const pieces: string[] = [];
    for (let start = 0; start < word.length; start += LONGEST_PIECE) {
      pieces.push(word.slice(start, start + LONGEST_PIECE));
    }
    return pieces;
  });
}
