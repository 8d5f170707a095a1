import { z } from 'zod';

/** A JSON Schema for the model, from a task's zod output schema (fields with defaults are optional). */
export function jsonSchemaFor(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...jsonSchema } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return jsonSchema;
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
