import { FILLER_SENTENCE, wordsForField } from './marketing-copy.js';

/**
 * Generate a value that validates against a JSON Schema, so the fake can answer structured-output requests
 * the app has never scripted. Covers what structured outputs use: objects (every listed property), arrays
 * (two items, within minItems/maxItems), strings (field-aware words within minLength/maxLength, common
 * formats), enum/const (first value), numbers within bounds, booleans, null, anyOf/oneOf (first non-null
 * branch), allOf (merged) and local `$ref`s. `pattern` and `multipleOf` are not honoured.
 */

/** A JSON Schema node; only the keywords the walker understands are read. */
export type JsonSchema = Record<string, unknown>;

interface WalkContext {
  root: JsonSchema;
  /** The property name (or the parent's, inside arrays): drives which words a string gets. */
  field: string;
  /** The position inside an array, so items differ (and `uniqueItems` holds). */
  index: number;
  depth: number;
}

// Past this depth (recursive `$ref`s), arrays stay at minItems and objects keep only required keys.
const MAX_DEPTH = 8;
const PREFERRED_ARRAY_LENGTH = 2;

const isSchema = (value: unknown): value is JsonSchema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value valid against `schema` (see the module comment for the keywords honoured). */
export function sampleFromJsonSchema(schema: JsonSchema): unknown {
  return walk(schema, { root: schema, field: '', index: 0, depth: 0 });
}

function walk(schema: JsonSchema, context: WalkContext): unknown {
  if (typeof schema.$ref === 'string') {
    return walk(resolveRef(context.root, schema.$ref), { ...context, depth: context.depth + 1 });
  }
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    const choices = schema.enum.filter((value) => value !== null);
    const pool = choices.length > 0 ? choices : schema.enum;
    return pool[context.index % pool.length];
  }
  const branches = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(branches) && branches.length > 0) {
    const branch =
      branches.find((candidate) => isSchema(candidate) && candidate.type !== 'null') ?? branches[0];
    return walk(isSchema(branch) ? branch : {}, context);
  }
  if (Array.isArray(schema.allOf)) return walk(mergeAllOf(schema), context);

  switch (typeOf(schema)) {
    case 'object':
      return sampleObject(schema, context);
    case 'array':
      return sampleArray(schema, context);
    case 'integer':
      return sampleNumber(schema, true);
    case 'number':
      return sampleNumber(schema, false);
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return sampleString(schema, context);
  }
}

function typeOf(schema: JsonSchema): string {
  const declared = Array.isArray(schema.type)
    ? (schema.type.find((type) => type !== 'null') ?? 'null')
    : schema.type;
  if (typeof declared === 'string') return declared;
  if (isSchema(schema.properties)) return 'object';
  if (schema.items !== undefined || schema.prefixItems !== undefined) return 'array';
  return 'string';
}

function sampleObject(schema: JsonSchema, context: WalkContext): Record<string, unknown> {
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required : [];
  const result: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(properties)) {
    if (context.depth >= MAX_DEPTH && !required.includes(key)) continue;
    result[key] = walk(isSchema(child) ? child : {}, {
      ...context,
      field: key,
      index: 0,
      depth: context.depth + 1,
    });
  }
  return result;
}

function sampleArray(schema: JsonSchema, context: WalkContext): unknown[] {
  const minItems = typeof schema.minItems === 'number' ? schema.minItems : 0;
  const maxItems = typeof schema.maxItems === 'number' ? schema.maxItems : Number.POSITIVE_INFINITY;
  const preferred = context.depth >= MAX_DEPTH ? minItems : PREFERRED_ARRAY_LENGTH;
  const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems : [];
  const length = Math.max(minItems, prefix.length > 0 ? prefix.length : Math.min(preferred, maxItems));
  return Array.from({ length }, (_, index) => {
    const itemSchema = prefix[index] ?? schema.items;
    return walk(isSchema(itemSchema) ? itemSchema : {}, { ...context, index, depth: context.depth + 1 });
  });
}

function sampleNumber(schema: JsonSchema, integer: boolean): number {
  const read = (key: string) => (typeof schema[key] === 'number' ? (schema[key] as number) : undefined);
  const exclusiveMin = read('exclusiveMinimum');
  const exclusiveMax = read('exclusiveMaximum');
  // Inclusive bounds; integers step inside exclusive bounds by one.
  let lower = read('minimum') ?? (exclusiveMin === undefined ? undefined : exclusiveMin + (integer ? 1 : 0));
  let upper = read('maximum') ?? (exclusiveMax === undefined ? undefined : exclusiveMax - (integer ? 1 : 0));
  if (integer) {
    lower = lower === undefined ? undefined : Math.ceil(lower);
    upper = upper === undefined ? undefined : Math.floor(upper);
  }
  const fallback = integer ? 3 : 1.5;
  if (lower !== undefined && upper !== undefined) {
    const middle = (lower + upper) / 2;
    return integer ? Math.floor(middle) : middle;
  }
  if (lower !== undefined) return Math.max(fallback, exclusiveMin === undefined ? lower : lower + 1);
  if (upper !== undefined) return Math.min(fallback, exclusiveMax === undefined ? upper : upper - 1);
  return fallback;
}

const FORMAT_EXAMPLES: Record<string, string> = {
  'date-time': '2025-03-14T09:30:00Z',
  date: '2025-03-14',
  time: '09:30:00Z',
  email: 'hello@example.com',
  uri: 'https://example.com/launch',
  url: 'https://example.com/launch',
  uuid: '3f1c2a9e-5b7d-4c8e-9a1f-2b3c4d5e6f70',
};

function sampleString(schema: JsonSchema, context: WalkContext): string {
  const format = typeof schema.format === 'string' ? FORMAT_EXAMPLES[schema.format] : undefined;
  const text = format ?? wordsForField(context.field, context.index);
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : undefined;
  return fitLength(text, minLength, maxLength);
}

/** Shorten at a word boundary (or pad with filler words) until `minLength ≤ length ≤ maxLength`. */
export function fitLength(text: string, minLength: number, maxLength?: number): string {
  let result = text;
  while (result.length < minLength) result = `${result} ${FILLER_SENTENCE}`;
  if (maxLength === undefined || result.length <= maxLength) return result;
  const cut = result.slice(0, maxLength + 1);
  const lastSpace = cut.lastIndexOf(' ');
  const atWord = lastSpace > 0 ? cut.slice(0, lastSpace).replace(/[\s,;:]+$/, '') : '';
  return atWord.length >= minLength && atWord.length > 0 ? atWord : result.slice(0, maxLength);
}

function resolveRef(root: JsonSchema, ref: string): JsonSchema {
  if (!ref.startsWith('#')) return {};
  let node: unknown = root;
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    node = isSchema(node) ? node[key] : undefined;
  }
  return isSchema(node) ? node : {};
}

/** Fold `allOf` parts into one schema: properties and `required` combined, other keywords last-wins. */
function mergeAllOf(schema: JsonSchema): JsonSchema {
  const { allOf, ...rest } = schema;
  const parts = [rest, ...(allOf as unknown[]).filter(isSchema)];
  const merged: JsonSchema = {};
  const properties: JsonSchema = {};
  const required: unknown[] = [];
  for (const part of parts) {
    Object.assign(merged, part);
    if (isSchema(part.properties)) Object.assign(properties, part.properties);
    if (Array.isArray(part.required)) required.push(...part.required);
  }
  if (Object.keys(properties).length > 0) merged.properties = properties;
  if (required.length > 0) merged.required = required;
  return merged;
}
