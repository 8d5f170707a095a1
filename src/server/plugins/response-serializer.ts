import type { FastifySerializerCompiler } from 'fastify';
import { InvalidSchemaError, ResponseSerializationError } from 'fastify-type-provider-zod';
import { $ZodType, safeEncode, safeParse } from 'zod/v4/core';

type ResponseSchema = $ZodType | { properties: $ZodType };

/**
 * Every answer is still checked against its zod response schema and only the schema's fields are sent, as
 * with fastify-type-provider-zod's own serializer compiler; what changes is the direction. The library
 * *encodes* (so that codecs can turn values back into their wire form), and zod runs an encode as a first
 * pass without checks followed by the checks and a second pass: twice the work of a parse, about 150 µs per
 * 20-campaign page on this machine (docs/benchmarks.md). For a schema made only of plain types (objects,
 * arrays, strings, numbers, enums, unions...), decoding and encoding accept the same values and return the
 * same data, so such schemas are parsed. A schema holding anything whose two directions differ (a codec,
 * pipe, transform, default, prefault, catch, or a type not known here) keeps the library's encode.
 */
export const responseSerializerCompiler: FastifySerializerCompiler<ResponseSchema> = ({
  schema: maybeSchema,
  method,
  url,
}) => {
  const schema = resolveSchema(maybeSchema);
  const check = isDirectionless(schema) ? safeParse : safeEncode;
  return (data) => {
    const result = check(schema, data);
    if (result.error) throw new ResponseSerializationError(method, url, { cause: result.error });
    return JSON.stringify(result.data);
  };
};

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
