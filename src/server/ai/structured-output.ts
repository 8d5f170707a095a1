import { z } from 'zod';

/**
 * Converting a zod schema cost about 0.2 ms for writeContent's, and every call used to convert its task's
 * schema three times (the prompt, the request's `response_format`, and the prompt again in `finalize`). A
 * task's output schema never changes, so each is converted once; the result is frozen because it is shared.
 */
const jsonSchemas = new WeakMap<z.ZodType, Readonly<Record<string, unknown>>>();

/**
 * A JSON Schema for the model, from a task's zod output schema (fields with defaults are optional). Computed
 * once per schema object and shared, so it is deeply frozen: copy it before changing anything.
 */
export function jsonSchemaFor(schema: z.ZodType): Readonly<Record<string, unknown>> {
  let jsonSchema = jsonSchemas.get(schema);
  if (!jsonSchema) {
    const { $schema: _ignored, ...converted } = z.toJSONSchema(schema, {
      io: 'input',
      unrepresentable: 'any',
    }) as Record<string, unknown>;
    // A private copy, so freezing it cannot touch anything zod keeps (metadata from `.meta()`, say).
    jsonSchema = deepFreeze(withoutServerFilled(structuredClone(converted)));
    jsonSchemas.set(schema, jsonSchema);
  }
  return jsonSchema;
}

/**
 * `schema` without the properties marked `.meta({ serverFilled: true })` (the checks' warnings and
 * adjustments): the model is not asked for them, and whatever it sends there is replaced.
 */
function withoutServerFilled<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map(withoutServerFilled) as T;
  if (typeof schema !== 'object' || schema === null) return schema;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) result[key] = withoutServerFilled(value);
  const properties = result.properties as Record<string, { serverFilled?: boolean }> | undefined;
  if (properties && typeof properties === 'object') {
    const dropped = Object.keys(properties).filter((name) => properties[name]?.serverFilled === true);
    for (const name of dropped) delete properties[name];
    if (Array.isArray(result.required)) {
      result.required = (result.required as string[]).filter((name) => !dropped.includes(name));
    }
  }
  return result as T;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** The parsed output, or the problems to send back in a repair attempt. */
export type ParsedOutput<O> = { ok: true; output: O } | { ok: false; problems: string[] };

/**
 * Read a model's answer as JSON and validate it. Models sometimes wrap JSON in a Markdown fence or add a
 * sentence around it; the outermost `{…}` is taken.
 */
export function parseStructuredOutput<O>(text: string, schema: z.ZodType<O, unknown>): ParsedOutput<O> {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start === -1 || end < start) return { ok: false, problems: ['The answer contained no JSON object.'] };
  let value: unknown;
  try {
    value = JSON.parse(text.slice(start, end + 1));
  } catch (error) {
    return { ok: false, problems: [`The answer was not valid JSON (${(error as Error).message}).`] };
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, output: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues
      .slice(0, 20)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
  };
}
