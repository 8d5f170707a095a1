import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { splitIntoPieces } from '../support/fake-openai/chat-completion-body.js';
import { parseChatRequest } from '../support/fake-openai/chat-request.schema.js';
import { findSchemaViolations } from '../support/fake-openai/json-schema-check.js';
import {
  fitLength,
  type JsonSchema,
  sampleFromJsonSchema,
} from '../support/fake-openai/json-schema-sample.js';
import { readPromptHints } from '../support/fake-openai/prompt-hints.js';
import { findStrictSchemaProblem } from '../support/fake-openai/strict-schema-rules.js';
import { countTokens, truncateToTokens } from '../support/fake-openai/token-count.js';

/** Sample `schema` and fail with the violations when the sample does not validate. */
function sampleValid(schema: JsonSchema): unknown {
  const value = sampleFromJsonSchema(schema);
  expect(findSchemaViolations(value, schema), JSON.stringify(value)).toEqual([]);
  return value;
}

describe('sampleFromJsonSchema', () => {
  it('fills every property of an object with field-aware marketing words', () => {
    const value = sampleValid({
      type: 'object',
      properties: {
        headline: { type: 'string' },
        cta: { type: 'string' },
        hashtags: { type: 'array', items: { type: 'string' } },
        published: { type: 'boolean' },
        note: { type: ['string', 'null'] },
      },
      required: ['headline', 'cta', 'hashtags', 'published', 'note'],
      additionalProperties: false,
    });

    expect(value).toEqual({
      headline: expect.stringMatching(/\w+ \w+/),
      cta: expect.any(String),
      hashtags: [expect.stringMatching(/^#/), expect.stringMatching(/^#/)],
      published: true,
      note: expect.any(String),
    });
  });

  it('honours maxLength at a word boundary, and minLength by padding', () => {
    const short = sampleValid({ type: 'string', maxLength: 12 }) as string;
    const long = sampleValid({ type: 'string', minLength: 120, maxLength: 130 }) as string;

    expect(short.length).toBeGreaterThan(0);
    expect(short).not.toMatch(/\s$/);
    expect(long.length).toBeGreaterThanOrEqual(120);
    expect(fitLength('abcdefghij', 0, 4)).toBe('abcd');
  });

  it('keeps array lengths within minItems and maxItems, with distinct enum items', () => {
    expect(sampleValid({ type: 'array', items: { type: 'string' }, minItems: 4 })).toHaveLength(4);
    expect(sampleValid({ type: 'array', items: { type: 'string' }, maxItems: 1 })).toHaveLength(1);
    expect(sampleValid({ type: 'array', items: { enum: ['a', 'b', 'c'] }, uniqueItems: true })).toEqual([
      'a',
      'b',
    ]);
  });

  it('picks enum and const values, and numbers within their bounds', () => {
    expect(sampleValid({ type: 'string', enum: ['friendly', 'formal'] })).toBe('friendly');
    expect(sampleValid({ const: 'fixed' })).toBe('fixed');
    expect(sampleValid({ type: 'integer', minimum: 1, maximum: 5 })).toBe(3);
    expect(sampleValid({ type: 'integer', minimum: 10 })).toBe(10);
    expect(sampleValid({ type: 'integer', exclusiveMaximum: 0 })).toBeLessThan(0);
    expect(sampleValid({ type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 })).toBe(0.5);
  });

  it('gives common string formats a valid-looking example', () => {
    expect(sampleValid({ type: 'string', format: 'date-time' })).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(sampleValid({ type: 'string', format: 'email' })).toContain('@');
  });

  it('follows $ref into $defs, takes the first non-null anyOf branch and merges allOf', () => {
    const value = sampleValid({
      type: 'object',
      properties: {
        audience: { $ref: '#/$defs/audience' },
        channel: { anyOf: [{ type: 'null' }, { type: 'string', enum: ['email', 'sms'] }] },
        merged: {
          allOf: [
            { type: 'object', properties: { a: { type: 'integer' } }, required: ['a'] },
            { properties: { b: { type: 'boolean' } }, required: ['b'] },
          ],
        },
      },
      required: ['audience', 'channel', 'merged'],
      $defs: { audience: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } },
    });

    expect(value).toEqual({
      audience: { name: expect.any(String) },
      channel: 'email',
      merged: { a: 3, b: true },
    });
  });

  it('stops a recursive schema from recursing forever', () => {
    const value = sampleValid({
      $ref: '#/$defs/node',
      $defs: {
        node: {
          type: 'object',
          properties: {
            label: { type: 'string' },
            children: { type: 'array', items: { $ref: '#/$defs/node' } },
          },
          required: ['label'],
        },
      },
    });
    expect(JSON.stringify(value).length).toBeLessThan(100_000);
  });

  it('validates against a schema made by zod', () => {
    const post = z.object({
      headline: z.string().max(60),
      body: z.string().min(20),
      variants: z
        .array(z.object({ channel: z.enum(['x', 'linkedin']), score: z.number().min(0).max(1) }))
        .min(1),
    });
    const schema = z.toJSONSchema(post) as JsonSchema;

    expect(post.safeParse(sampleValid(schema)).success).toBe(true);
  });
});

describe('sampleFromJsonSchema following the prompt', () => {
  const hintsFor = (system: string, user: string) =>
    readPromptHints({
      model: 'fake-gpt',
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: user },
      ],
    });

  it('honours patterns: from field-aware candidates first, else generated from the pattern', () => {
    const value = sampleValid({
      type: 'object',
      properties: {
        time: { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' },
        code: { type: 'string', pattern: '^[A-Z]{3}-\\d{4}$' },
      },
      required: ['time', 'code'],
    }) as { time: string; code: string };

    expect(value.time).toBe('09:30');
    expect(value.code).toMatch(/^[A-Z]{3}-\d{4}$/);
  });

  it('returns the count the prompt asks for, within the schema bounds', () => {
    const schema = { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 5 };
    const variants = { type: 'object', properties: { variants: schema }, required: ['variants'] };

    expect(sampleFromJsonSchema(variants, hintsFor('', 'Write 3 distinct variant(s).'))).toEqual({
      variants: expect.any(Array),
    });
    expect(
      (sampleFromJsonSchema(variants, hintsFor('', 'Write 3 distinct variant(s).')) as { variants: [] })
        .variants,
    ).toHaveLength(3);
    expect(
      (sampleFromJsonSchema(variants, hintsFor('', 'Write 9 variants.')) as { variants: [] }).variants,
    ).toHaveLength(5);
  });

  it('writes about the brand and leaves out the words it avoids', () => {
    const hints = hintsFor(
      'Business: Bluebird Coffee (Coffee).\nWords to AVOID (never write these, in any form or hashtag): morning.\nProducts and offers:\n- Morning Blend (€12): a roast\n- Cold Brew: iced',
      'Write a post.',
    );
    const value = sampleFromJsonSchema(
      { type: 'object', properties: { body: { type: 'string' } }, required: ['body'] },
      hints,
    ) as { body: string };

    expect(hints.products).toEqual(['Morning Blend', 'Cold Brew']);
    expect(value.body).toMatch(/Bluebird Coffee|Cold Brew/);
    expect(value.body).not.toMatch(/morning/i);
  });

  it('plans one dated item per post of the cadence, inside the dates asked for', () => {
    const item = {
      type: 'object',
      properties: {
        date: { type: 'string', format: 'date' },
        channel: { type: 'string', enum: ['x', 'instagram', 'email'] },
      },
      required: ['date', 'channel'],
    };
    const hints = hintsFor(
      '',
      'Plan 2 week(s) from 2026-03-02 to 2026-03-15. Channels and cadence: instagram: 2/week, email: 1/week.',
    );
    const items = sampleFromJsonSchema({ type: 'array', items: item }, hints) as Array<{
      date: string;
      channel: string;
    }>;

    expect(items).toHaveLength(6);
    expect(items.filter((entry) => entry.channel === 'email').map((entry) => entry.date)).toEqual([
      '2026-03-02',
      '2026-03-09',
    ]);
    expect(items.every((entry) => entry.date >= '2026-03-02' && entry.date <= '2026-03-15')).toBe(true);
  });
});

describe('findStrictSchemaProblem', () => {
  it('accepts a schema that follows the strict rules', () => {
    const schema = z.toJSONSchema(z.object({ a: z.string(), b: z.array(z.object({ c: z.number() })) }));
    expect(findStrictSchemaProblem(schema as JsonSchema)).toBeUndefined();
  });

  it('names an optional property, as OpenAI does', () => {
    const schema = z.toJSONSchema(z.object({ a: z.string(), b: z.string().optional() }));
    expect(findStrictSchemaProblem(schema as JsonSchema)).toMatch(/Missing 'b'/);
  });

  it('names a nested object that allows additional properties', () => {
    const schema = {
      type: 'object',
      properties: { inner: { type: 'object', properties: {} } },
      required: ['inner'],
    };
    const withRootClosed = { ...schema, additionalProperties: false };
    expect(findStrictSchemaProblem(withRootClosed)).toBe(
      "In context=('properties', 'inner'), 'additionalProperties' is required to be supplied and to be false.",
    );
  });
});

describe('parseChatRequest', () => {
  const base = { model: 'fake-gpt', messages: [{ role: 'user', content: 'hi' }] };

  it('accepts text content parts and unknown extra fields', () => {
    const parts = { ...base, messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }], seed: 1 };
    expect(parseChatRequest(parts)).toHaveProperty('request');
  });

  it('refuses what OpenAI refuses', () => {
    expect(parseChatRequest({ messages: base.messages })).toEqual({
      error: expect.objectContaining({ param: 'model', code: 'missing_required_parameter' }),
    });
    expect(parseChatRequest({ ...base, messages: [] })).toEqual({
      error: expect.objectContaining({ param: 'messages' }),
    });
    expect(parseChatRequest({ ...base, stream_options: { include_usage: true } })).toEqual({
      error: expect.objectContaining({ param: 'stream_options' }),
    });
    expect(parseChatRequest([])).toEqual({ error: expect.objectContaining({ message: expect.any(String) }) });
  });
});

describe('token counting and stream pieces', () => {
  it('counts words and punctuation marks', () => {
    expect(countTokens('Hello, world!')).toBe(4);
    expect(countTokens('naïve café 42')).toBe(3);
    expect(countTokens('   ')).toBe(0);
  });

  it('truncates after the requested number of tokens', () => {
    expect(truncateToTokens('one, two three', 2)).toEqual({ text: 'one,', truncated: true });
    expect(truncateToTokens('one two', 2)).toEqual({ text: 'one two', truncated: false });
  });

  it('splits text into pieces that join back exactly', () => {
    for (const text of [
      'Fresh ideas for spring.',
      '  leading and trailing  ',
      JSON.stringify({ a: 'x'.repeat(60) }),
    ]) {
      const pieces = splitIntoPieces(text);
      expect(pieces.join('')).toBe(text);
      expect(pieces.length).toBeGreaterThan(1);
      expect(pieces.every((piece) => piece.length <= 24)).toBe(true);
    }
    expect(splitIntoPieces('')).toEqual([]);
  });
});
