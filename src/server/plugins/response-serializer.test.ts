import { serializerCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { campaignPageSchema } from '#shared/campaign.schema.js';
import { isDirectionless, responseSerializerCompiler } from './response-serializer.js';

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
