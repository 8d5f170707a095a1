import { serializerCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { campaignPageSchema, campaignSchema } from '#shared/campaign.schema.js';
import { compileResponse, INVALID } from './compiled-response.js';
import {
  createResponseSerializerCompiler,
  isDirectionless,
  responseSerializerCompiler,
} from './response-serializer.js';

const compile = (schema: z.ZodType) =>
  responseSerializerCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' });
const library = (schema: z.ZodType) =>
  serializerCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' });

const campaign = {
  id: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  business_id: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c',
  name: 'Autumn launch',
  objective: 'awareness',
  channels: ['instagram', 'facebook'],
  budget_minor: 150000,
  currency: 'EUR',
  start_date: '2027-01-01',
  end_date: '2027-01-28',
  kpis: [{ metric: 'clicks', target: 40.5 }],
  status: 'draft',
  created_by: null,
  created_at: '2026-12-06T23:15:11.123Z',
  updated_at: '2026-12-06T23:15:11.123Z',
};

describe('responseSerializerCompiler', () => {
  it('parses plain schemas and answers exactly what the library’s encode answers', () => {
    expect(isDirectionless(campaignPageSchema)).toBe(true);
    const page = { items: [{ ...campaign, secret: 'not in the schema' }], next_cursor: null };
    expect(compile(campaignPageSchema)(page)).toBe(library(campaignPageSchema)(page));
    expect(JSON.parse(compile(campaignPageSchema)(page)).items[0]).toEqual(campaign);
  });

  it('still refuses an answer that breaks the schema', () => {
    const broken = { items: [{ ...campaign, id: 'not-a-uuid' }], next_cursor: null };
    expect(() => compile(campaignPageSchema)(broken)).toThrow(/Response doesn't match the schema/);
    expect(() =>
      compile(campaignPageSchema)({ items: [{ ...campaign, status: 'lost' }], next_cursor: null }),
    ).toThrow();
  });

  it('keeps encoding where the two directions differ', () => {
    const stamp = z.codec(z.iso.datetime(), z.date(), {
      decode: (text) => new Date(text),
      encode: (date) => date.toISOString(),
    });
    const withCodec = z.object({ at: stamp });
    expect(isDirectionless(withCodec)).toBe(false);
    const at = new Date('2026-12-06T10:00:00.000Z');
    expect(compile(withCodec)({ at })).toBe('{"at":"2026-12-06T10:00:00.000Z"}');
    expect(isDirectionless(z.object({ n: z.number().default(1) }))).toBe(false);
    expect(isDirectionless(z.array(z.string().transform((text) => text.trim())))).toBe(false);
    expect(isDirectionless(z.object({ child: z.lazy(() => z.string()) }))).toBe(false);
  });
});

describe('compiled response serialization', () => {
  const checked = (schema: z.ZodType) =>
    createResponseSerializerCompiler({ crossCheck: true })({
      schema,
      method: 'GET',
      url: '/x',
      httpStatus: '200',
    });

  it('never sends a field the schema does not name, at any depth', () => {
    const page = {
      items: [
        {
          ...campaign,
          password_hash: 'argon2id$secret',
          kpis: [{ metric: 'clicks', target: 1 }],
        },
      ],
      next_cursor: null,
      secret_token: 'tok_live_123',
    };
    const json = compile(campaignPageSchema)(page);
    expect(json).not.toContain('argon2id');
    expect(json).not.toContain('tok_live_123');
    expect(json).toBe(library(campaignPageSchema)(page));
    const nested = z.object({
      owner: z.object({ name: z.string() }),
      tags: z.array(z.object({ id: z.number() })),
    });
    const leaky = { owner: { name: 'Ada', api_key: 'k-1' }, tags: [{ id: 1, token: 't-1' }] };
    expect(compile(nested)(leaky)).toBe('{"owner":{"name":"Ada"},"tags":[{"id":1}]}');
  });

  it('fails loudly on a wrong type, with zod’s error', () => {
    const wrong = [
      { ...campaign, budget_minor: '150000' },
      { ...campaign, budget_minor: 1.5 },
      { ...campaign, budget_minor: Number.NaN },
      { ...campaign, created_at: 'yesterday' },
      { ...campaign, start_date: '2027-02-30' },
      { ...campaign, channels: ['myspace'] },
      { ...campaign, kpis: [{ metric: 'clicks', target: 1, extra: true }] },
      { ...campaign, kpis: [{ metric: '   ', target: 1 }] },
      { ...campaign, name: undefined },
    ];
    for (const item of wrong) {
      expect(() => compile(campaignPageSchema)({ items: [item], next_cursor: null })).toThrow(
        /Response doesn't match the schema/,
      );
    }
    const { name: _left, ...withoutName } = campaign;
    expect(() => compile(campaignSchema)(withoutName)).toThrow(/Response doesn't match the schema/);
    expect(() => compile(campaignSchema)([campaign])).toThrow(/Response doesn't match the schema/);
  });

  it('answers zod’s bytes for optional, nullable, unions, enums, literals, rewrites and unknowns', () => {
    const schema = z.object({
      maybe: z.string().optional(),
      exact: z.number().exactOptional(),
      nothing: z.null(),
      either: z.union([z.object({ a: z.number() }), z.object({ b: z.string() })]),
      kind: z.discriminatedUnion('type', [
        z.object({ type: z.literal('post'), text: z.string() }),
        z.object({ type: z.literal('poll'), options: z.array(z.string()).min(2) }),
      ]),
      trimmed: z.string().trim().toLowerCase(),
      level: z.enum(['low', 'high']),
      anything: z.unknown(),
      list: z.array(z.number().int().nullable()).max(3),
      when: z.date(),
      counts: z.record(z.string(), z.number()),
    });
    const values = [
      {
        nothing: null,
        either: { b: 'x', a: 'not a number' },
        kind: { type: 'poll', options: ['a', 'b'], text: 'dropped' },
        trimmed: '  MiXeD ',
        level: 'high',
        anything: { deep: [1, undefined, { x: new Date(0) }] },
        list: [1, null, 3],
        when: new Date('2026-12-07T00:00:00.000Z'),
        counts: { a: 1, b: 2 },
      },
      {
        maybe: 'here',
        exact: 2,
        nothing: null,
        either: { a: 1, b: 'both' },
        kind: { type: 'post', text: 'hello' },
        trimmed: 'ok',
        level: 'low',
        anything: undefined,
        list: [],
        when: new Date(0),
        counts: {},
        extra: 'dropped',
      },
    ];
    for (const value of values) expect(checked(schema)(value)).toBe(library(schema)(value));
    const refused = [
      { ...values[1], exact: undefined },
      { ...values[1], kind: { type: 'poll', options: ['only one'] } },
      { ...values[1], kind: { type: 'story' } },
      { ...values[1], list: [1, 2, 3, 4] },
      { ...values[1], list: [1.5] },
      { ...values[1], counts: { a: 'one' } },
      { ...values[1], either: { c: 1 } },
    ];
    for (const value of refused)
      expect(() => checked(schema)(value)).toThrow(/Response doesn't match the schema/);
  });

  it('answers zod’s bytes for a schema that refers to itself', () => {
    interface Node {
      name: string;
      children: Node[];
    }
    const node: z.ZodType<Node> = z.object({
      name: z.string(),
      get children() {
        return z.array(node);
      },
    });
    const tree = { name: 'root', secret: 1, children: [{ name: 'leaf', children: [], secret: 2 }] };
    expect(checked(node)(tree)).toBe('{"name":"root","children":[{"name":"leaf","children":[]}]}');
  });
});

describe('compileResponse', () => {
  it('takes the compiled path for the campaign page (zod is only asked about refused answers)', () => {
    const page = { items: [campaign, { ...campaign, kpis: [] }], next_cursor: 'abc' };
    const parsed = compileResponse(campaignPageSchema)(page);
    expect(parsed).not.toBe(INVALID);
    expect(JSON.stringify(parsed)).toBe(library(campaignPageSchema)(page));
    expect(compileResponse(campaignPageSchema)({ items: [{ ...campaign, id: 7 }], next_cursor: null })).toBe(
      INVALID,
    );
  });
});
