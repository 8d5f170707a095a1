/**
 * A tiny JSON Schema validator for tests: enough keywords to prove that `sampleFromJsonSchema` output
 * (or an engine's parsed reply) matches the schema it was made for, `pattern` and common formats included.
 * Not a general-purpose validator.
 */

type Schema = Record<string, unknown>;

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every way `value` breaks `schema`, as `path: problem` lines; empty when it validates. */
export function findSchemaViolations(
  value: unknown,
  schema: Schema,
  root: Schema = schema,
  path = '$',
): string[] {
  if (typeof schema.$ref === 'string') {
    const target = schema.$ref
      .slice(2)
      .split('/')
      .reduce<unknown>((node, key) => (isSchema(node) ? node[key] : undefined), root);
    return isSchema(target) ? findSchemaViolations(value, target, root, path) : [`${path}: unresolved $ref`];
  }
  if ('const' in schema && value !== schema.const) return [`${path}: expected const ${String(schema.const)}`];
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return [`${path}: not in enum`];
  if (Array.isArray(schema.allOf)) {
    const { allOf, ...rest } = schema;
    return [rest, ...allOf].flatMap((part) => findSchemaViolations(value, part as Schema, root, path));
  }
  const branches = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(branches)) {
    const fits = branches.some(
      (branch) => findSchemaViolations(value, branch as Schema, root, path).length === 0,
    );
    return fits ? [] : [`${path}: matches no branch`];
  }
  const types = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];
  if (types.length > 0 && !types.some((type) => hasType(value, String(type)))) {
    return [`${path}: expected ${types.join('|')}`];
  }
  return [
    ...checkString(value, schema, path),
    ...checkNumber(value, schema, path),
    ...checkNested(value, schema, root, path),
  ];
}

function hasType(value: unknown, type: string): boolean {
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'null') return value === null;
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return isSchema(value);
  return typeof value === type;
}

function checkString(value: unknown, schema: Schema, path: string): string[] {
  if (typeof value !== 'string') return [];
  const problems: string[] = [];
  if (typeof schema.minLength === 'number' && value.length < schema.minLength)
    problems.push(`${path}: too short`);
  if (typeof schema.maxLength === 'number' && value.length > schema.maxLength)
    problems.push(`${path}: too long`);
  if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value))
    problems.push(`${path}: does not match ${schema.pattern}`);
  const format = typeof schema.format === 'string' ? FORMATS[schema.format] : undefined;
  if (format && !format.test(value)) problems.push(`${path}: not a ${String(schema.format)}`);
  return problems;
}

// The formats structured outputs use, checked for shape (not calendar validity).
const FORMATS: Record<string, RegExp> = {
  date: /^\d{4}-\d{2}-\d{2}$/,
  time: /^\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/,
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/,
  email: /^[^@\s]+@[^@\s]+$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
};

function checkNumber(value: unknown, schema: Schema, path: string): string[] {
  if (typeof value !== 'number') return [];
  const limits: Array<[string, (limit: number) => boolean]> = [
    ['minimum', (limit) => value >= limit],
    ['maximum', (limit) => value <= limit],
    ['exclusiveMinimum', (limit) => value > limit],
    ['exclusiveMaximum', (limit) => value < limit],
  ];
  return limits
    .filter(([keyword, holds]) => typeof schema[keyword] === 'number' && !holds(schema[keyword] as number))
    .map(([keyword]) => `${path}: breaks ${keyword}`);
}

function checkNested(value: unknown, schema: Schema, root: Schema, path: string): string[] {
  if (Array.isArray(value)) {
    const problems: string[] = [];
    if (typeof schema.minItems === 'number' && value.length < schema.minItems)
      problems.push(`${path}: too few items`);
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems)
      problems.push(`${path}: too many items`);
    if (
      schema.uniqueItems === true &&
      new Set(value.map((item) => JSON.stringify(item))).size !== value.length
    ) {
      problems.push(`${path}: items not unique`);
    }
    const items = schema.items;
    if (isSchema(items)) {
      value.forEach((item, index) => {
        problems.push(...findSchemaViolations(item, items, root, `${path}[${index}]`));
      });
    }
    return problems;
  }
  if (!isSchema(value)) return [];
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const problems = required.filter((key) => !(key in value)).map((key) => `${path}.${key}: missing`);
  for (const [key, child] of Object.entries(value)) {
    const childSchema = properties[key];
    if (isSchema(childSchema))
      problems.push(...findSchemaViolations(child, childSchema, root, `${path}.${key}`));
    else if (schema.additionalProperties === false) problems.push(`${path}.${key}: not allowed`);
  }
  return problems;
}
