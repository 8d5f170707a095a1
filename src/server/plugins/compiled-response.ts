import { type $ZodType, safeParse } from 'zod/v4/core';

/**
 * What a compiled node answers for a value zod refuses at that node. The serializer then runs zod on the
 * whole answer, for zod's own error (docs/benchmarks.md, "Responses compiled" under the HTTP API).
 */
export const INVALID: unique symbol = Symbol('invalid');

/** What zod's parse returns for a value (undefined: nothing), or INVALID. */
type Emit = (value: unknown) => unknown;

type Def = Record<string, unknown> & { type: string; checks?: Check[]; coerce?: boolean };
interface Check {
  _zod: {
    def: { check: string; when?: (payload: Payload) => boolean };
    check: (payload: Payload) => unknown;
  };
}
interface Payload {
  value: unknown;
  issues: unknown[];
}

const payload: Payload = { value: undefined, issues: [] };

const defOf = (schema: $ZodType) => schema._zod.def as unknown as Def;

/**
 * Compile a directionless zod schema (response-serializer.ts `isDirectionless`) into one function that
 * checks a value and returns what `safeParse` would return for it: the same type tests, the same stripped
 * copy of every object with its keys in the schema's order, without zod's bookkeeping. The checks are
 * zod's own: every type test below is the one zod's parser makes, and every refinement, format, length or
 * range check is the schema's own check object, called as zod calls it. Whatever is not compiled here (records, tuples, dates, catch-alls, intersections, checks on
 * objects...) is handed to `safeParse` for that part of the value, so nothing is accepted that zod refuses.
 * A node answers INVALID only where zod refuses the value at that node.
 */
export function compileResponse(schema: $ZodType): (value: unknown) => unknown {
  return compileNode(schema, new Map());
}

function compileNode(schema: $ZodType, compiled: Map<$ZodType, Emit>): Emit {
  const known = compiled.get(schema);
  if (known) return known;
  // A schema that refers to itself (an object getter) reaches this node again before it is built.
  let built: Emit | undefined;
  compiled.set(schema, (value) => (built as Emit)(value));
  built = build(schema, compiled);
  compiled.set(schema, built);
  return built;
}

/** `safeParse` on this part of the value: zod's answer. */
function byZod(schema: $ZodType): Emit {
  return (value) => {
    const result = safeParse(schema, value);
    return result.success ? result.data : INVALID;
  };
}

/** Checks whose outcome does not depend on the parsed copy of a container (only its length). */
const LENGTH_CHECKS = new Set([
  'min_length',
  'max_length',
  'length_equals',
  'min_size',
  'max_size',
  'size_equals',
]);

function checksOf(schema: $ZodType): Check[] {
  const own = defOf(schema).checks ?? [];
  // A string format (z.iso.date(), z.uuid()...) is itself the check of its format, run first.
  return schema._zod.traits.has('$ZodCheck') ? [schema as unknown as Check, ...own] : own;
}

/**
 * The schema's checks run on `value` as zod runs them once the type is right: each in turn on one payload,
 * a check with a `when` only where it says so. Answers the value they leave (an `overwrite` such as trim
 * rewrites it), or INVALID at the first issue.
 */
function checksFor(checks: Check[]): (value: unknown) => unknown {
  return (value) => {
    // One payload for every check: serializers run synchronously, and checks only add issues to it.
    payload.value = value;
    if (payload.issues.length > 0) payload.issues = [];
    for (const check of checks) {
      const { when } = check._zod.def;
      if (when && !when(payload)) continue;
      // A refinement that answers later cannot be waited for in a synchronous serializer; zod decides.
      if (check._zod.check(payload) instanceof Promise) return INVALID;
      if (payload.issues.length > 0) return INVALID;
    }
    return payload.value;
  };
}

function build(schema: $ZodType, compiled: Map<$ZodType, Emit>): Emit {
  const def = defOf(schema);
  if (def.coerce) return byZod(schema);
  const checks = checksOf(schema);
  const child = (inner: unknown) => compileNode(inner as $ZodType, compiled);
  switch (def.type) {
    case 'string':
      return leaf(checks, (value) => typeof value === 'string');
    case 'number':
      return leaf(checks, (value) => typeof value === 'number' && Number.isFinite(value));
    case 'boolean':
      return leaf(checks, (value) => typeof value === 'boolean');
    case 'null':
      return leaf(checks, (value) => value === null);
    case 'enum':
    case 'literal': {
      const values = schema._zod.values;
      return values ? leaf(checks, (value) => values.has(value as never)) : byZod(schema);
    }
    case 'any':
    case 'unknown':
      return checks.length === 0 ? (value) => value : byZod(schema);
    case 'optional':
    case 'nullable':
    case 'nonoptional':
    case 'readonly': {
      if (checks.length > 0) return byZod(schema);
      const inner = child(def.innerType);
      // z.exactOptional(): the key may be absent, but a value present must be the inner type's.
      if (def.type === 'optional' && schema._zod.traits.has('$ZodExactOptional')) return inner;
      if (def.type === 'optional') return (value) => (value === undefined ? undefined : inner(value));
      if (def.type === 'nullable') return (value) => (value === null ? null : inner(value));
      if (def.type === 'nonoptional') return (value) => (value === undefined ? INVALID : inner(value));
      return inner;
    }
    case 'array':
      return array(schema, checks, child(def.element));
    case 'object':
      return object(schema, checks, compiled);
    case 'union':
      return union(schema, checks, compiled);
    default:
      return byZod(schema);
  }
}

function leaf(checks: Check[], isType: (value: unknown) => boolean): Emit {
  if (checks.length === 0) return (value) => (isType(value) ? value : INVALID);
  const passes = checksFor(checks);
  return (value) => (isType(value) ? passes(value) : INVALID);
}

function array(schema: $ZodType, checks: Check[], element: Emit): Emit {
  if (!checks.every((check) => LENGTH_CHECKS.has(check._zod.def.check))) return byZod(schema);
  const passes = checksFor(checks);
  return (value) => {
    if (!Array.isArray(value)) return INVALID;
    const items = new Array(value.length);
    for (let index = 0; index < value.length; index++) {
      const item = element(value[index]);
      if (item === INVALID) return INVALID;
      items[index] = item;
    }
    return checks.length === 0 || passes(value) !== INVALID ? items : INVALID;
  };
}

/**
 * zod's object parse (schemas.js `$ZodObject` and `handlePropertyResult`): the shape's keys in order,
 * unknown keys dropped (or refused by a strict object), an absent key only where the field is optional.
 * Generated as one function per object with its keys written out, as zod's own `$ZodObjectJIT` is: a loop
 * over the keys reads and writes properties by computed name, which made this path slower than zod.
 */
function object(schema: $ZodType, checks: Check[], compiled: Map<$ZodType, Emit>): Emit {
  const def = defOf(schema);
  const shape = def.shape as Record<string, $ZodType>;
  const catchall = def.catchall as $ZodType | undefined;
  const strict = catchall !== undefined && defOf(catchall).type === 'never';
  if (checks.length > 0 || (catchall && !strict) || Object.getOwnPropertySymbols(shape).length > 0)
    return byZod(schema);
  // zod never copies `__proto__` from the input (an object literal would set the prototype with it).
  const keys = Object.keys(shape).filter((key) => key !== '__proto__');
  const emits = keys.map((key) => compileNode(shape[key] as $ZodType, compiled));
  const lines = [
    'return function (input) {',
    "if (typeof input !== 'object' || input === null || Array.isArray(input)) return INVALID;",
  ];
  for (const [index, key] of keys.entries()) {
    const { optin, optout } = (shape[key] as $ZodType)._zod;
    const name = JSON.stringify(key);
    const present = `(${name} in input)`;
    lines.push(`let v${index} = e[${index}](input[${name}]);`);
    // An optional field's errors do not count where its key is absent; the key is then left out.
    const refused =
      optin !== undefined && optout === 'optional'
        ? `if (v${index} === INVALID) { if (${present}) return INVALID; v${index} = undefined; }`
        : `if (v${index} === INVALID) return INVALID;`;
    lines.push(refused);
    // A required key must be there even where its schema takes undefined (zod's "nonoptional" issue).
    if (optin === undefined) lines.push(`if (v${index} === undefined && !${present}) return INVALID;`);
  }
  if (strict) lines.push('for (const key in input) if (!known.has(key)) return INVALID;');
  // A key whose value is undefined is one zod keeps or leaves out; JSON.stringify drops it either way.
  lines.push(`return { ${keys.map((key, index) => `${JSON.stringify(key)}: v${index}`).join(', ')} };`);
  lines.push('};');
  const factory = new Function('INVALID', 'e', 'known', lines.join('\n')) as (
    invalid: typeof INVALID,
    emits: Emit[],
    known: Set<string>,
  ) => Emit;
  return factory(INVALID, emits, new Set(Object.keys(shape)));
}

/**
 * A union answers with its first option that accepts the value; a discriminated union with the option its
 * discriminator names (zod's own lookup, so values it cannot place are zod's to judge). An exclusive union
 * (`z.xor`) is zod's.
 */
function union(schema: $ZodType, checks: Check[], compiled: Map<$ZodType, Emit>): Emit {
  const def = defOf(schema);
  const traits = schema._zod.traits;
  if (checks.length > 0 || traits.has('$ZodXor')) return byZod(schema);
  const options = (def.options as $ZodType[]).map((option) => compileNode(option, compiled));
  if (traits.has('$ZodDiscriminatedUnion')) {
    const discriminator = def.discriminator as string;
    const byValue = new Map<unknown, Emit>();
    for (const [index, option] of (def.options as $ZodType[]).entries()) {
      const values = (option._zod as { propValues?: Record<string, Set<unknown>> }).propValues?.[
        discriminator
      ];
      if (!values || values.size === 0) return byZod(schema);
      for (const value of values) {
        if (byValue.has(value) || value === undefined) return byZod(schema);
        byValue.set(value, options[index] as Emit);
      }
    }
    const fallback = byZod(schema);
    return (value) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return INVALID;
      const option = byValue.get((value as Record<string, unknown>)[discriminator]);
      return option ? option(value) : fallback(value);
    };
  }
  return (value) => {
    for (const option of options) {
      const parsed = option(value);
      if (parsed !== INVALID) return parsed;
    }
    return INVALID;
  };
}
