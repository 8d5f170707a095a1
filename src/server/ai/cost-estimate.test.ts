import { describe, expect, it } from 'vitest';
import { addUsage, attemptTokenBound, promptTokenBound, reservationShortfall } from './cost-estimate.js';
import { PriceTable } from './prices.js';

describe('promptTokenBound', () => {
  it('counts every UTF-8 byte as a token, plus the framing of each message and of the request', () => {
    expect(promptTokenBound({ messages: [{ role: 'user', content: 'Hi' }] })).toBe(2 + 8 + 32);
    expect(
      promptTokenBound({
        messages: [
          { role: 'system', content: 'abcd' },
          { role: 'user', content: 'efgh' },
        ],
      }),
    ).toBe(4 + 8 + 4 + 8 + 32);
  });

  it('never under-counts text that tokenises densely: Chinese is three bytes a character', () => {
    const chinese = '我们的秋季咖啡豆本周烘焙';
    expect(promptTokenBound({ messages: [{ role: 'user', content: chinese }] })).toBe(
      3 * chinese.length + 40,
    );
    // The usual four-characters-a-token guess would allow a quarter of a token per character here.
    expect(promptTokenBound({ messages: [{ role: 'user', content: chinese }] })).toBeGreaterThan(
      chinese.length,
    );
  });

  it('counts the structured-output schema, which the provider adds to the prompt', () => {
    const schema = { type: 'object', properties: { slogan: { type: 'string' } } };
    const bare = promptTokenBound({ messages: [{ role: 'user', content: 'x' }] });
    const withSchema = promptTokenBound({
      messages: [{ role: 'user', content: 'x' }],
      jsonSchema: { name: 'slogan', schema },
    });
    expect(withSchema - bare).toBe('slogan'.length + JSON.stringify(schema).length);
  });
});

describe('attemptTokenBound', () => {
  it('allows every output token the request asks the model to stay within', () => {
    expect(attemptTokenBound({ messages: [{ role: 'user', content: 'Hi' }], maxTokens: 3_000 })).toEqual({
      promptTokens: 42,
      completionTokens: 3_000,
    });
  });

  it('prices to what the budget reserves for a gpt-4o-mini call', () => {
    const bound = attemptTokenBound({
      messages: [{ role: 'user', content: 'x'.repeat(3_960) }],
      maxTokens: 3_000,
    });
    // 4,000 prompt tokens at $0.15 and 3,000 completion tokens at $0.60 per million.
    expect(new PriceTable().cost('gpt-4o-mini', bound)).toEqual({ microUsd: 2_400, priceKnown: true });
  });
});

describe('reservation arithmetic', () => {
  it('grows a hold only by what the run used plus its next attempt beyond what it holds', () => {
    expect(reservationShortfall(2_400, 2_400)).toBe(0);
    expect(reservationShortfall(2_400, 1_000)).toBe(0);
    // A repair after a first answer that used 1,500: 1,500 + 2,700 needed, 2,400 held.
    expect(reservationShortfall(2_400, 4_200)).toBe(1_800);
  });

  it('adds token counts field by field', () => {
    expect(
      addUsage({ promptTokens: 10, completionTokens: 5 }, { promptTokens: 1, completionTokens: 2 }),
    ).toEqual({ promptTokens: 11, completionTokens: 7 });
  });
});
