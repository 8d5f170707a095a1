/**
 * Deterministic token counting for the fake OpenAI server.
 *
 * One token = one run of letters/digits, or one other non-space character. So `Hello, world!` is 4 tokens.
 * Real tokenisers differ, but tests need a count they can work out by hand, not an accurate one.
 */

const TOKEN_PATTERN = /[\p{L}\p{N}]+|[^\p{L}\p{N}\s]/gu;

/** Count the tokens in `text` (words and punctuation marks). */
export function countTokens(text: string): number {
  return text.match(TOKEN_PATTERN)?.length ?? 0;
}

/** Cut `text` after its first `maxTokens` tokens; returns the text unchanged when it is short enough. */
export function truncateToTokens(text: string, maxTokens: number): { text: string; truncated: boolean } {
  let seen = 0;
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    seen += 1;
    if (seen === maxTokens) {
      const end = match.index + match[0].length;
      return { text: text.slice(0, end), truncated: end < text.trimEnd().length };
    }
  }
  if (maxTokens <= 0) return { text: '', truncated: text.trim() !== '' };
  return { text, truncated: false };
}
