import type { FastifySerializerCompiler } from 'fastify';
import { InvalidSchemaError, ResponseSerializationError } from 'fastify-type-provider-zod';
import { $ZodType, safeEncode, safeParse } from 'zod/v4/core';
import { compileResponse, INVALID } from './compiled-response.js';

type ResponseSchema = $ZodType | { properties: $ZodType };

/**
 * Every answer is checked against its zod response schema and only the schema's fields are sent, as with
 * fastify-type-provider-zod's own serializer compiler; what changes is how.
 *
 * The library *encodes* (so that codecs can turn values back into their wire form), and zod runs an encode
 * as a first pass without checks followed by the checks and a second pass. For a schema made only of plain
 * types (objects, arrays, strings, numbers, enums, unions...), decoding and encoding accept the same values
 * and return the same data, so such schemas go through `compileResponse` (compiled-response.ts): one pass
 * that runs zod's own type tests and checks and writes the JSON of what zod's parse would return, without
 * building the parsed copy (docs/benchmarks.md, "Responses compiled"). A value it refuses is parsed by zod
 * for zod's error. A schema holding anything whose two directions differ (a codec, pipe, transform,
 * default, prefault, catch, or a type not known here) keeps the library's encode.
 *
 * `crossCheck` (the test suite) also parses every answer with zod and fails loudly if the two disagree, so
 * that every response the tests see proves the compiled path answers zod's bytes.
 */
export function createResponseSerializerCompiler(
  options: { crossCheck?: boolean } = {},
): FastifySerializerCompiler<ResponseSchema> {
  const crossCheck = options.crossCheck === true;
  return ({ schema: maybeSchema, method, url }) => {
    const schema = resolveSchema(maybeSchema);
    const compiled = compiledFor(schema);
    if (!compiled)
      return (data) => {
        const result = safeEncode(schema, data);
        if (result.error) throw new ResponseSerializationError(method, url, { cause: result.error });
        return JSON.stringify(result.data);
      };
    return (data) => {
      const parsed = compiled(data);
      const json = parsed === INVALID ? undefined : JSON.stringify(parsed);
      if (json !== undefined && !crossCheck) return json;
      const result = safeParse(schema, data);
      if (result.error) {
        if (json !== undefined) throw disagreement(method, url, 'accepted an answer zod refuses');
        throw new ResponseSerializationError(method, url, { cause: result.error });
      }
      const expected = JSON.stringify(result.data);
      if (crossCheck && json !== expected)
        throw disagreement(
          method,
          url,
          json === undefined ? 'refused an answer zod accepts' : 'wrote other bytes',
        );
      // Outside the cross-check, only where the compiled path refused what zod accepts: zod's answer stands.
      return expected;
    };
  };
}

/**
 * The compiled form of each response schema (null: it keeps zod's encode), made once per process: routes
 * share their schemas, and every app built in the process (the test suite builds one per test) compiles
 * the same ones again otherwise.
 */
const compiledBySchema = new WeakMap<$ZodType, ReturnType<typeof compileResponse> | null>();

function compiledFor(schema: $ZodType): ReturnType<typeof compileResponse> | null {
  let compiled = compiledBySchema.get(schema);
  if (compiled === undefined) {
    compiled = isDirectionless(schema) ? compileResponse(schema) : null;
    compiledBySchema.set(schema, compiled);
  }
  return compiled;
}

function disagreement(method: string, url: string, what: string): Error {
  return new Error(`The compiled response serializer for ${method} ${url} ${what} (compiled-response.ts)`);
}

/** The serializer outside the test suite. */
export const responseSerializerCompiler = createResponseSerializerCompiler();

function resolveSchema(maybeSchema: ResponseSchema): $ZodType {
  if (maybeSchema instanceof $ZodType) return maybeSchema;
  if ('properties' in maybeSchema && maybeSchema.properties instanceof $ZodType)
    return maybeSchema.properties;
  throw new InvalidSchemaError(JSON.stringify(maybeSchema));
}

/** Types that hold no schema and read the same both ways. */
const LEAVES = new Set([
  'any',
  'bigint',
  'boolean',
  'date',
  'enum',
  'literal',
  'nan',
  'never',
  'null',
  'number',
  'string',
  'symbol',
  'template_literal',
  'undefined',
  'unknown',
  'void',
]);

/** Whether parsing and encoding `schema` give the same answer: plain types all the way down. */
export function isDirectionless(schema: $ZodType, seen = new Set<$ZodType>()): boolean {
  if (seen.has(schema)) return true;
  seen.add(schema);
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const all = (schemas: unknown[]) =>
    schemas.every((inner) => inner === undefined || isDirectionless(inner as $ZodType, seen));
  if (LEAVES.has(def.type)) return true;
  switch (def.type) {
    case 'object':
      return all([...Object.values(def.shape as Record<string, unknown>), def.catchall]);
    case 'array':
      return all([def.element]);
    case 'optional':
    case 'nullable':
    case 'nonoptional':
    case 'readonly':
      return all([def.innerType]);
    case 'union':
      return all(def.options as unknown[]);
    case 'intersection':
      return all([def.left, def.right]);
    case 'record':
      return all([def.keyType, def.valueType]);
    case 'tuple':
      return all([...(def.items as unknown[]), def.rest]);
    default:
      return false;
  }
}
