import { describe, expect, it } from 'vitest';
import { generateClientTypes, schemaType } from './client-types.js';

describe('TypeScript types from JSON Schema', () => {
  it('translates scalars, literals, nullables and references', () => {
    expect(schemaType({ type: 'string', format: 'uuid' })).toBe('string');
    expect(schemaType({ type: 'integer' })).toBe('number');
    expect(schemaType({ type: ['number', 'null'] })).toBe('number | null');
    expect(schemaType({ type: 'string', enum: ['a', 'b'] })).toBe('"a" | "b"');
    expect(schemaType({ const: 'content.changed' })).toBe('"content.changed"');
    expect(schemaType({ anyOf: [{ type: 'string' }, { type: 'null' }] })).toBe('string | null');
    expect(schemaType({ $ref: '#/components/schemas/Problem' })).toBe('components["schemas"]["Problem"]');
    expect(schemaType({})).toBe('unknown');
  });

  it('keeps a union together inside an array and an intersection', () => {
    expect(schemaType({ type: 'array', items: { type: 'string', enum: ['x', 'y'] } })).toBe('("x" | "y")[]');
    expect(
      schemaType({
        allOf: [{ $ref: '#/components/schemas/Problem' }, { anyOf: [{ type: 'string' }, { type: 'null' }] }],
      }),
    ).toBe('components["schemas"]["Problem"] & (string | null)');
    // A `|` inside a string literal or an object is not a top-level union.
    expect(schemaType({ type: 'array', items: { const: 'a|b' } })).toBe('"a|b"[]');
  });

  it('writes objects with optional properties, closed or with an index signature', () => {
    expect(
      schemaType({
        type: 'object',
        properties: { id: { type: 'string', description: 'The id' }, 'x-y': { type: 'boolean' } },
        required: ['id'],
        additionalProperties: false,
      }),
    ).toBe('{\n    /** @description The id */\n    id: string;\n    "x-y"?: boolean;\n}');
    expect(schemaType({ type: 'object', additionalProperties: { type: 'integer' } })).toBe(
      '{\n    [key: string]: number;\n}',
    );
    expect(schemaType({ type: 'object', properties: {}, additionalProperties: false })).toBe(
      'Record<string, never>',
    );
    expect(schemaType({ type: 'object' })).toBe('{\n    [key: string]: unknown;\n}');
  });
});

describe('the generated module', () => {
  const document = {
    paths: {
      '/api/things/{id}': {
        get: {
          operationId: 'getThing',
          summary: 'One thing',
          parameters: [
            { name: 'id', in: 'path' as const, required: true, schema: { type: 'string' } },
            { name: 'expand', in: 'query' as const, schema: { type: 'boolean' } },
          ],
          responses: {
            200: {
              description: 'OK',
              content: {
                'application/json': { schema: { type: 'object', properties: { id: { type: 'string' } } } },
              },
            },
            404: {
              description: 'Not found',
              headers: { 'Retry-After': { schema: { type: 'integer' } } },
              content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
            },
          },
        },
      },
    },
    webhooks: {
      'thing.made': {
        post: {
          operationId: 'notifyThingMade',
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'string' } } } },
          responses: { '2XX': { description: 'Received' } },
        },
      },
    },
    components: { schemas: { Problem: { type: 'object', properties: { code: { type: 'string' } } } } },
  };
  const output = generateClientTypes(document);

  it('points each path’s methods at its operation, `?: never` for the rest', () => {
    expect(output).toContain('    "/api/things/{id}": {\n');
    expect(output).toContain('        /** @summary One thing */\n        get: operations["getThing"];\n');
    expect(output).toContain('        post?: never;\n');
    expect(output).toContain('        post: operations["notifyThingMade"];\n');
  });

  it('types parameters by place, optional when none is required', () => {
    expect(output).toContain('            query?: {\n                expand?: boolean;\n            };\n');
    expect(output).toContain('            path: {\n                id: string;\n            };\n');
    expect(output).toContain('            header?: never;\n');
  });

  it('types bodies and answers by media type and status', () => {
    expect(output).toContain(
      '        requestBody: {\n            content: {\n                "application/json": string;',
    );
    expect(output).toContain('        requestBody?: never;\n');
    expect(output).toContain('"application/problem+json": components["schemas"]["Problem"];');
    expect(output).toContain('                    "Retry-After"?: number;\n');
    expect(output).toContain(
      '            "2XX": {\n                headers: { [name: string]: unknown };\n                content?: never;',
    );
    expect(output).toContain('export type $defs = Record<string, never>;');
  });

  it('refuses an operation without an operationId (generated SDKs would have no name for it)', () => {
    expect(() => generateClientTypes({ paths: { '/x': { get: { responses: {} } } } })).toThrow(/operationId/);
  });
});
