import { describe, expect, it } from 'vitest';
import { countPromptTokens, countTextTokens } from './token-count.js';

describe('local token counts', () => {
  it('counts text as the o200k tokenizer does', async () => {
    expect(await countTextTokens('')).toBe(0);
    expect(await countTextTokens('Hello there')).toBe(2);
  });

  it('counts a prompt in the chat format, its schema included', async () => {
    const messages = [{ role: 'user' as const, content: 'Hello there' }];
    expect(await countPromptTokens({ messages })).toBe(8);
    const withSchema = await countPromptTokens({
      messages,
      jsonSchema: { name: 'slogan', schema: { type: 'object', properties: { slogan: { type: 'string' } } } },
    });
    expect(withSchema).toBeGreaterThan(8);
    expect(withSchema).toBe(
      8 + (await countTextTokens('{"type":"object","properties":{"slogan":{"type":"string"}}}')),
    );
  });
});
