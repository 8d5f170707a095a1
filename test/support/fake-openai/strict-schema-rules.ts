/**
 * The rules OpenAI enforces on a `json_schema` response format with `strict: true`. The real API answers
 * 400 when they are broken, so the fake does too: an engine passing only against a lenient fake would
 * fail in production (e.g. a zod `.optional()` field leaves a property out of `required`).
 */

type Schema = Record<string, unknown>;

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The first strict-mode rule `schema` breaks, described like OpenAI does, or `undefined` when it complies. */
export function findStrictSchemaProblem(schema: Schema): string | undefined {
  if (schema.type !== 'object' || 'anyOf' in schema) {
    return 'In context=(), schema must be a JSON Schema of \'type: "object"\', got something else.';
  }
  return checkNode(schema, []);
}

function checkNode(schema: Schema, context: string[]): string | undefined {
  const where = `In context=(${context.map((part) => `'${part}'`).join(', ')})`;
  const properties = isSchema(schema.properties) ? schema.properties : undefined;
  if (schema.type === 'object' || properties) {
    if (schema.additionalProperties !== false) {
      return `${where}, 'additionalProperties' is required to be supplied and to be false.`;
    }
    const required = Array.isArray(schema.required) ? schema.required : [];
    const missing = Object.keys(properties ?? {}).filter((key) => !required.includes(key));
    if (missing.length > 0) {
      return `${where}, 'required' is required to be supplied and to be an array including every key in properties. Missing '${missing[0]}'.`;
    }
  }
  for (const [key, child] of childSchemas(schema)) {
    const problem = checkNode(child, [...context, ...key]);
    if (problem) return problem;
  }
  return undefined;
}

/** Each nested schema with the path parts that lead to it. */
function childSchemas(schema: Schema): Array<[string[], Schema]> {
  const children: Array<[string[], Schema]> = [];
  for (const keyword of ['properties', '$defs', 'definitions']) {
    const group = schema[keyword];
    if (!isSchema(group)) continue;
    for (const [name, child] of Object.entries(group)) {
      if (isSchema(child)) children.push([[keyword, name], child]);
    }
  }
  if (isSchema(schema.items)) children.push([['items'], schema.items]);
  for (const keyword of ['anyOf', 'allOf']) {
    const list = schema[keyword];
    if (!Array.isArray(list)) continue;
    list.forEach((child, index) => {
      if (isSchema(child)) children.push([[keyword, String(index)], child]);
    });
  }
  return children;
}
