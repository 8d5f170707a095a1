import * as randexp from 'randexp';
import { CopyWriter } from './copy-writer.js';
import { FILLER_SENTENCE } from './marketing-copy.js';
import { neutralHints, type PromptHints, stemOf } from './prompt-hints.js';

/**
 * Generate a value that validates against a JSON Schema, so the fake can answer structured-output requests
 * the app has never scripted, the way a model constrained by the schema would. Honoured: objects (every
 * listed property), arrays (minItems/maxItems, and the count the prompt asks for), strings (field-aware
 * marketing copy from the prompt's brand within minLength/maxLength, `pattern`, the formats date, time,
 * date-time, email, uri and uuid), enum/const, numbers within bounds, booleans, null, anyOf/oneOf (first
 * non-null branch), allOf (merged) and local `$ref`s. A plan (items with a date and a channel-like enum)
 * follows the prompt's cadence and dates. `multipleOf` is not honoured.
 */

/** A JSON Schema node; only the keywords the walker understands are read. */
export type JsonSchema = Record<string, unknown>;

interface WalkContext {
  root: JsonSchema;
  /** Where the value goes, array positions left out (`variants.body`): picks the words and counts reuse. */
  key: string;
  /** The property name (or the array's, for its items). */
  field: string;
  /** The position inside the enclosing array, for values that are array items themselves. */
  index: number;
  /** True when this value is an array item itself (enum items then differ, for `uniqueItems`). */
  arrayItem: boolean;
  depth: number;
  writer: CopyWriter;
  /** Values already given per `key`, so titles and bodies in one answer differ. */
  used: Map<string, string[]>;
  /** Values decided before the walk reaches them (a plan's channel and date for each item). */
  preset: Record<string, unknown> | undefined;
  /** The enclosing object's values so far (a `format` enum follows its `channel` sibling). */
  siblings: Record<string, unknown>;
}

// Past this depth (recursive `$ref`s), arrays stay at minItems and objects keep only required keys.
const MAX_DEPTH = 8;
const PREFERRED_ARRAY_LENGTH = 2;
const DEFAULT_DATE = '2025-03-14';

/** The part of randexp's generator used here. */
interface PatternGenerator {
  max: number;
  randInt(low: number, high: number): number;
  gen(): string;
}
// randexp is CommonJS (`module.exports = RandExp`) with typings that claim a default export, so TypeScript
// and Node disagree on where the class is: take it from either place.
const loadedRandexp = randexp as unknown as { default?: unknown };
const RandExp = (loadedRandexp.default ?? loadedRandexp) as new (pattern: string) => PatternGenerator;

const isSchema = (value: unknown): value is JsonSchema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value valid against `schema`, written with `hints` read from the prompt (see `readPromptHints`). */
export function sampleFromJsonSchema(schema: JsonSchema, hints: PromptHints = neutralHints()): unknown {
  return walk(schema, {
    root: schema,
    key: '',
    field: '',
    index: 0,
    arrayItem: false,
    depth: 0,
    writer: new CopyWriter(hints),
    used: new Map(),
    preset: undefined,
    siblings: {},
  });
}

function walk(schema: JsonSchema, context: WalkContext): unknown {
  if (typeof schema.$ref === 'string') {
    return walk(resolveRef(context.root, schema.$ref), { ...context, depth: context.depth + 1 });
  }
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return pickEnum(schema.enum, context);
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

/**
 * An enum value: an array's items take turns; a property takes the value a sibling already has (an
 * `email` channel gets the `email` format), else the first one, as the schema's author listed it.
 */
function pickEnum(values: unknown[], context: WalkContext): unknown {
  const choices = values.filter((value) => value !== null);
  const pool = choices.length > 0 ? choices : values;
  if (context.arrayItem) return pool[context.index % pool.length];
  const siblingValues = Object.values(context.siblings);
  return pool.find((value) => siblingValues.includes(value)) ?? pool[0];
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
  const preset = context.preset ?? {};
  const result: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(properties)) {
    if (context.depth >= MAX_DEPTH && !required.includes(key)) continue;
    if (key in preset) {
      result[key] = preset[key];
      continue;
    }
    result[key] = walk(isSchema(child) ? child : {}, {
      ...context,
      key: context.key ? `${context.key}.${key}` : key,
      field: key,
      index: 0,
      arrayItem: false,
      depth: context.depth + 1,
      preset: undefined,
      siblings: { ...preset, ...result },
    });
  }
  return result;
}

function sampleArray(schema: JsonSchema, context: WalkContext): unknown[] {
  const minItems = typeof schema.minItems === 'number' ? schema.minItems : 0;
  const maxItems = typeof schema.maxItems === 'number' ? schema.maxItems : Number.POSITIVE_INFINITY;
  const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems : [];
  const itemSchema = isSchema(schema.items) ? resolveDeep(context.root, schema.items) : {};
  const presets = prefix.length === 0 ? planPresets(itemSchema, context.writer.hints) : undefined;
  const wanted =
    prefix.length > 0
      ? prefix.length
      : context.depth >= MAX_DEPTH
        ? minItems
        : (presets?.length ?? askedCount(context) ?? unaskedCount(schema, context));
  const length = Math.max(minItems, prefix.length > 0 ? wanted : Math.min(wanted, maxItems));
  return Array.from({ length }, (_, index) => {
    const item = prefix[index] ?? schema.items;
    return walk(isSchema(item) ? item : {}, {
      ...context,
      index,
      arrayItem: true,
      depth: context.depth + 1,
      preset: presets?.[index],
      siblings: {},
    });
  });
}

/** How many items the prompt asks for in the array called `field` ("Write 3 variants"), if it says. */
function askedCount(context: WalkContext): number | undefined {
  const { hints } = context.writer;
  if (/hashtag/i.test(context.field) && hints.hashtags !== undefined) return hints.hashtags;
  const stem = stemOf(context.field);
  if (!stem) return undefined;
  return hints.counts.find((count) => count.noun === stem)?.count;
}

/**
 * The length of a list the prompt gives no number for: an optional list (empty by default) stays empty
 * unless the prompt names it (a thread's `thread`), as a model leaves out what it was not asked for.
 */
function unaskedCount(schema: JsonSchema, context: WalkContext): number {
  const optionalEmpty = Array.isArray(schema.default) && schema.default.length === 0;
  if (optionalEmpty && !context.writer.hints.mentioned.has(context.field)) return 0;
  return PREFERRED_ARRAY_LENGTH;
}

/**
 * A plan's items, decided up front from the prompt's cadence ("instagram: 3/week"): when the items have an
 * enum naming the cadence's channels, one item per post (spread over each week from the first date) if
 * they carry a date, else one item per channel with its posts per week.
 */
function planPresets(item: JsonSchema, hints: PromptHints): Array<Record<string, unknown>> | undefined {
  if (hints.cadence.length === 0 || !isSchema(item.properties)) return undefined;
  const properties = Object.entries(item.properties).filter((entry): entry is [string, JsonSchema] =>
    isSchema(entry[1]),
  );
  const channelKey = properties.find(
    ([, child]) =>
      Array.isArray(child.enum) &&
      hints.cadence.every((entry) => (child.enum as unknown[]).includes(entry.word)),
  )?.[0];
  if (!channelKey) return undefined;
  const dateKey = properties.find(([key, child]) => child.format === 'date' || /(^|_)date$/i.test(key))?.[0];
  if (!dateKey) {
    const countKey = properties.find(([, child]) => child.type === 'integer' || child.type === 'number')?.[0];
    return hints.cadence.map((entry) => ({
      [channelKey]: entry.word,
      ...(countKey ? { [countKey]: entry.perWeek } : {}),
    }));
  }
  const start = hints.dates[0] ?? DEFAULT_DATE;
  const posts: Array<Record<string, unknown>> = [];
  for (let week = 0; week < (hints.weeks ?? 1); week += 1) {
    for (const { word, perWeek } of hints.cadence) {
      for (let post = 0; post < perWeek; post += 1) {
        const day = week * 7 + Math.floor((post * 7) / perWeek);
        posts.push({ [channelKey]: word, [dateKey]: addDays(start, day) });
      }
    }
  }
  return posts.sort((a, b) => String(a[dateKey]).localeCompare(String(b[dateKey])));
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

function sampleString(schema: JsonSchema, context: WalkContext): string {
  const { writer } = context;
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const schemaMax = typeof schema.maxLength === 'number' ? schema.maxLength : undefined;
  const limit = /(^|[._])(body|text)$/i.test(context.key) ? writer.hints.charLimit : undefined;
  const maxLength = schemaMax === undefined ? limit : Math.min(schemaMax, limit ?? schemaMax);
  const pattern = compilePattern(schema.pattern);
  const used = context.used.get(context.key) ?? [];
  const format = typeof schema.format === 'string' ? schema.format : undefined;
  const candidates = (
    format && format in FORMAT_EXAMPLES
      ? formatCandidates(format, context)
      : writer.candidates(context.key || context.field, used.length, maxLength)
  ).map((text) => fitLength(text, minLength, maxLength));
  const fits = (text: string) =>
    text.length >= minLength &&
    (maxLength === undefined || text.length <= maxLength) &&
    (!pattern || pattern.test(text)) &&
    !writer.usesAvoidedWord(text);
  const chosen =
    candidates.find((text) => fits(text) && !used.includes(text)) ??
    candidates.find(fits) ??
    (pattern ? fromPattern(String(schema.pattern), pattern, fits, used.length) : undefined) ??
    candidates[0] ??
    fitLength(FILLER_SENTENCE, minLength, maxLength);
  context.used.set(context.key, [...used, chosen]);
  return chosen;
}

const FORMAT_EXAMPLES: Record<string, string> = {
  'date-time': '',
  date: '',
  time: '',
  email: 'hello@example.com',
  uri: 'https://example.com/launch',
  url: 'https://example.com/launch',
  uuid: '3f1c2a9e-5b7d-4c8e-9a1f-2b3c4d5e6f70',
};

/** Dates inside the prompt's range (spread by position), times in office hours, or a fixed example. */
function formatCandidates(format: string, context: WalkContext): string[] {
  const { hints } = context.writer;
  const first = hints.dates[0] ?? DEFAULT_DATE;
  const last = hints.dates.at(-1) ?? first;
  const span = Math.max(0, daysBetween(first, last));
  const ordinal = context.used.get(context.key)?.length ?? 0;
  const date = addDays(first, span === 0 ? 0 : (ordinal * 3) % (span + 1));
  const times = context.writer.candidates('time', ordinal).filter((time) => /^\d\d:\d\d$/.test(time));
  switch (format) {
    case 'date':
      return [date];
    case 'time':
      return times.map((time) => `${time}:00Z`);
    case 'date-time':
      return times.map((time) => `${date}T${time}:00Z`);
    default:
      return [FORMAT_EXAMPLES[format] as string];
  }
}

/** A JSON Schema `pattern` as a RegExp (Unicode mode, as the spec says; plain when that fails). */
function compilePattern(source: unknown): RegExp | undefined {
  if (typeof source !== 'string') return undefined;
  try {
    return new RegExp(source, 'u');
  } catch {
    try {
      return new RegExp(source);
    } catch {
      return undefined;
    }
  }
}

/**
 * A string generated from the pattern itself (randexp), for fields no candidate fits. Seeded, so the same
 * request gets the same answer; randexp does not know every construct (`\p{L}`), so each try is checked.
 */
function fromPattern(
  source: string,
  pattern: RegExp,
  fits: (text: string) => boolean,
  seed: number,
): string | undefined {
  let generator: PatternGenerator;
  try {
    generator = new RandExp(source);
  } catch {
    return undefined;
  }
  generator.max = 8;
  let state = seed + 1;
  generator.randInt = (low: number, high: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return low + (state % (high - low + 1));
  };
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const text = generator.gen();
    if (pattern.test(text) && fits(text)) return text;
  }
  return undefined;
}

function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** `schema` with its `$ref` (if any) followed, to look at an array's item properties. */
function resolveDeep(root: JsonSchema, schema: JsonSchema): JsonSchema {
  let node = schema;
  for (let hops = 0; typeof node.$ref === 'string' && hops < MAX_DEPTH; hops += 1) {
    node = resolveRef(root, node.$ref);
  }
  return node;
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
