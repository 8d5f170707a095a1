/**
 * TypeScript types for an OpenAPI 3.1 document, in the shape `openapi-typescript` emits (`paths`,
 * `operations`, `components`, `webhooks`), so `openapi-fetch`'s `createClient<paths>()` types every call.
 * openapi-typescript itself requires TypeScript 5 as a peer, and this project builds with 7; the subset
 * of JSON Schema our zod schemas produce is small enough to translate here (see client-types.test.ts).
 *
 * @example
 * writeFileSync('src/client/schema.ts', generateClientTypes(await (await fetch(url)).json()));
 */

type Json = Record<string, unknown>;

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  description?: string;
  schema?: Json;
}

interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  deprecated?: boolean;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; description?: string; content?: Record<string, { schema?: Json }> };
  responses?: Record<
    string,
    {
      description?: string;
      headers?: Record<string, { schema?: Json }>;
      content?: Record<string, { schema?: Json }>;
    }
  >;
}

interface Document {
  paths?: Record<string, Record<string, Operation>>;
  webhooks?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Json> };
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const PARAMETER_PLACES = ['query', 'header', 'path', 'cookie'] as const;
const INDENT = '    ';

const quote = (text: string) => JSON.stringify(text);

/** A property name as written in a type: bare when it is an identifier. */
function key(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : quote(name);
}

/** A JSDoc block from a schema's or operation's words, or nothing. */
function docComment(parts: Array<[string, unknown]>, indent: string): string[] {
  const lines = parts
    .filter(([, value]) => typeof value === 'string' && value.trim() !== '')
    .map(
      ([tag, value]) =>
        `@${tag} ${String(value)
          .replace(/\*\//g, '*\\/')
          .replace(/\s*\n\s*/g, ' ')}`,
    );
  if (lines.length === 0) return [];
  if (lines.length === 1) return [`${indent}/** ${lines[0]} */`];
  return [`${indent}/**`, ...lines.map((line) => `${indent} * ${line}`), `${indent} */`];
}

/** A literal type for an enum or const value. */
function literal(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return 'unknown';
}

function union(members: string[]): string {
  const unique = [...new Set(members)];
  if (unique.length === 0) return 'never';
  return unique.length === 1 ? (unique[0] as string) : unique.join(' | ');
}

/** Whether a type has a `|` or `&` outside brackets and string literals. */
function isCompound(type: string): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < type.length; index += 1) {
    const char = type[index];
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '(' || char === '[') depth += 1;
    else if (char === '}' || char === ')' || char === ']') depth -= 1;
    else if (depth === 0 && (char === '|' || char === '&')) return true;
  }
  return false;
}

/** Parenthesise a union or intersection before it is combined with something else. */
function group(type: string): string {
  return isCompound(type) ? `(${type})` : type;
}

/** `#/components/schemas/Problem` → `components["schemas"]["Problem"]`. */
function reference(ref: string): string {
  const match = /^#\/components\/([^/]+)\/(.+)$/.exec(ref);
  if (!match) throw new Error(`Only references into #/components are supported: ${ref}`);
  const name = (match[2] as string).replace(/~1/g, '/').replace(/~0/g, '~');
  return `components[${quote(match[1] as string)}][${quote(name)}]`;
}

/** The TypeScript type of a JSON Schema, `indent` being the indentation of the line it starts on. */
export function schemaType(schema: unknown, indent = ''): string {
  if (schema === true || schema === undefined) return 'unknown';
  if (schema === false) return 'never';
  if (typeof schema !== 'object' || schema === null) return 'unknown';
  const s = schema as Json;
  if (typeof s.$ref === 'string') return reference(s.$ref);
  if ('const' in s) return literal(s.const);
  if (Array.isArray(s.enum)) return union(s.enum.map(literal));
  if (Array.isArray(s.allOf)) return s.allOf.map((part) => group(schemaType(part, indent))).join(' & ');
  const choices = (Array.isArray(s.anyOf) ? s.anyOf : Array.isArray(s.oneOf) ? s.oneOf : undefined) as
    | unknown[]
    | undefined;
  if (choices) return union(choices.map((choice) => group(schemaType(choice, indent))));
  const types = Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === 'string' ? [s.type] : [];
  if (types.length === 0) {
    if (s.properties || s.additionalProperties !== undefined) return objectType(s, indent);
    if (s.items) return arrayType(s, indent);
    return 'unknown';
  }
  return union(types.map((type) => typeOf(type, s, indent)));
}

function typeOf(type: string, schema: Json, indent: string): string {
  switch (type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array':
      return arrayType(schema, indent);
    case 'object':
      return objectType(schema, indent);
    default:
      return 'unknown';
  }
}

function arrayType(schema: Json, indent: string): string {
  if (Array.isArray(schema.prefixItems)) {
    return `[${schema.prefixItems.map((item) => schemaType(item, indent)).join(', ')}]`;
  }
  return `${group(schemaType(schema.items, indent))}[]`;
}

function objectType(schema: Json, indent: string): string {
  const properties = (schema.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema.required ?? []) as string[]);
  const extra = schema.additionalProperties;
  const inner = indent + INDENT;
  const lines: string[] = [];
  for (const [name, property] of Object.entries(properties)) {
    lines.push(...docComment([['description', property.description]], inner));
    const optional = required.has(name) ? '' : '?';
    lines.push(`${inner}${key(name)}${optional}: ${schemaType(property, inner)};`);
  }
  if (extra !== undefined && extra !== false) {
    // An index signature must admit every named property too.
    const value = lines.length > 0 ? 'unknown' : schemaType(extra === true ? {} : extra, inner);
    lines.push(`${inner}[key: string]: ${value};`);
  } else if (extra === undefined && lines.length === 0) {
    lines.push(`${inner}[key: string]: unknown;`);
  }
  if (lines.length === 0) return 'Record<string, never>';
  return `{\n${lines.join('\n')}\n${indent}}`;
}

/** `query`, `header`, `path` and `cookie` of an operation, `?: never` where it has none. */
function parametersType(parameters: Parameter[], indent: string): string {
  const inner = indent + INDENT;
  const lines = PARAMETER_PLACES.map((place) => {
    const here = parameters.filter((parameter) => parameter.in === place);
    if (here.length === 0) return `${inner}${place}?: never;`;
    const fields = here.flatMap((parameter) => [
      ...docComment([['description', parameter.description]], inner + INDENT),
      `${inner}${INDENT}${key(parameter.name)}${parameter.required ? '' : '?'}: ${schemaType(parameter.schema, inner + INDENT)};`,
    ]);
    const optional = here.some((parameter) => parameter.required) ? '' : '?';
    return `${inner}${place}${optional}: {\n${fields.join('\n')}\n${inner}};`;
  });
  return `{\n${lines.join('\n')}\n${indent}}`;
}

function contentType(content: Record<string, { schema?: Json }>, indent: string): string {
  const inner = indent + INDENT;
  const lines = Object.entries(content).map(
    ([mediaType, { schema }]) => `${inner}${quote(mediaType)}: ${schemaType(schema ?? {}, inner)};`,
  );
  return `{\n${lines.join('\n')}\n${indent}}`;
}

function responsesType(responses: NonNullable<Operation['responses']>, indent: string): string {
  const inner = indent + INDENT;
  const lines = Object.entries(responses).flatMap(([status, response]) => {
    const field = inner + INDENT;
    const headers = Object.entries(response.headers ?? {}).map(
      ([name, header]) =>
        `${field}${INDENT}${key(name)}?: ${schemaType(header.schema ?? {}, field + INDENT)};`,
    );
    const body = response.content
      ? `${field}content: ${contentType(response.content, field)};`
      : `${field}content?: never;`;
    const headerLines =
      headers.length === 0
        ? [`${field}headers: { [name: string]: unknown };`]
        : [`${field}headers: {`, ...headers, `${field}${INDENT}[name: string]: unknown;`, `${field}};`];
    return [
      ...docComment([['description', response.description]], inner),
      `${inner}${/^\d+$/.test(status) ? status : quote(status)}: {`,
      ...headerLines,
      body,
      `${inner}};`,
    ];
  });
  return `{\n${lines.join('\n')}\n${indent}}`;
}

function operationType(operation: Operation, indent: string): string {
  const inner = indent + INDENT;
  const body = operation.requestBody;
  const requestBody = body?.content
    ? `${inner}requestBody${body.required ? '' : '?'}: {\n${inner}${INDENT}content: ${contentType(body.content, inner + INDENT)};\n${inner}};`
    : `${inner}requestBody?: never;`;
  return [
    '{',
    `${inner}parameters: ${parametersType(operation.parameters ?? [], inner)};`,
    requestBody,
    `${inner}responses: ${responsesType(operation.responses ?? {}, inner)};`,
    `${indent}}`,
  ].join('\n');
}

/** The `paths` or `webhooks` interface: each path item's methods point into `operations`. */
function pathItems(name: string, items: Record<string, Record<string, Operation>>): string[] {
  const lines = [`export interface ${name} {`];
  for (const [path, item] of Object.entries(items)) {
    lines.push(`${INDENT}${quote(path)}: {`);
    lines.push(
      `${INDENT}${INDENT}parameters: {`,
      ...PARAMETER_PLACES.map((place) => `${INDENT.repeat(3)}${place}?: never;`),
      `${INDENT}${INDENT}};`,
    );
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) {
        lines.push(`${INDENT}${INDENT}${method}?: never;`);
        continue;
      }
      if (!operation.operationId) throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      lines.push(
        ...docComment(
          [
            ['summary', operation.summary],
            ['description', operation.description],
            ['deprecated', operation.deprecated ? 'true' : undefined],
          ],
          INDENT + INDENT,
        ),
        `${INDENT}${INDENT}${method}: operations[${quote(operation.operationId)}];`,
      );
    }
    lines.push(`${INDENT}};`);
  }
  lines.push('}');
  return lines;
}

/** The whole generated module, from a parsed OpenAPI 3.1 document. */
export function generateClientTypes(parsed: unknown): string {
  const document = parsed as Document;
  const paths = document.paths ?? {};
  const webhooks = document.webhooks ?? {};
  const schemas = document.components?.schemas ?? {};
  const operations = [...Object.values(paths), ...Object.values(webhooks)].flatMap((item) =>
    METHODS.flatMap((method) => (item[method] ? [item[method]] : [])),
  );
  const lines = [
    '// Generated by `npm run generate:client` from the OpenAPI document the server serves at /docs/json.',
    '// Do not edit: test/integration/openapi-client.test.ts fails when this file and the document differ.',
    '',
    ...pathItems('paths', paths),
    '',
    ...pathItems('webhooks', webhooks),
    '',
    'export interface components {',
    `${INDENT}schemas: {`,
    ...Object.entries(schemas).flatMap(([name, schema]) => [
      ...docComment([['description', schema.description]], INDENT + INDENT),
      `${INDENT}${INDENT}${key(name)}: ${schemaType(schema, INDENT + INDENT)};`,
    ]),
    `${INDENT}};`,
    ...['responses', 'parameters', 'requestBodies', 'headers', 'pathItems'].map(
      (section) => `${INDENT}${section}: never;`,
    ),
    '}',
    '',
    'export type $defs = Record<string, never>;',
    '',
    'export interface operations {',
    ...operations.map(
      (operation) => `${INDENT}${key(operation.operationId as string)}: ${operationType(operation, INDENT)};`,
    ),
    '}',
    '',
  ];
  return lines.join('\n');
}
