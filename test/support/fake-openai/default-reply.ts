import type { ChatRequest } from './chat-request.schema.js';
import { CopyWriter } from './copy-writer.js';
import { sampleFromJsonSchema } from './json-schema-sample.js';
import { readPromptHints } from './prompt-hints.js';

/**
 * What the fake answers when no script says otherwise, as a model following the prompt would: marketing
 * copy about the prompt's brand for text requests, `{ "text": … }` for JSON mode, and a value valid against
 * the requested schema (its counts, patterns, formats and the prompt's dates) for structured outputs. The
 * choice depends only on the request, so the same prompt always gets the same answer.
 */
export function generateDefaultReply(request: ChatRequest): unknown {
  const schema = requestedSchema(request);
  const hints = readPromptHints(request, schema ? JSON.stringify(schema) : undefined);
  if (schema) return sampleFromJsonSchema(schema, hints);
  const paragraph = new CopyWriter(hints).candidates('body', 0)[0] ?? '';
  if (request.response_format?.type === 'json_object') return { text: paragraph };
  return paragraph;
}

/**
 * The JSON Schema a request constrains the answer to: OpenAI's `json_schema.schema`, or the `schema` that
 * llama.cpp's server also reads beside `type` (`{"type": "json_object", "schema": …}`).
 */
export function requestedSchema(request: ChatRequest): Record<string, unknown> | undefined {
  const format = request.response_format as
    | { type: string; schema?: unknown; json_schema?: { schema?: unknown } }
    | undefined;
  if (!format) return undefined;
  const schema =
    format.type === 'json_schema' ? (format.json_schema?.schema ?? format.schema) : format.schema;
  if (typeof schema === 'object' && schema !== null && !Array.isArray(schema))
    return schema as Record<string, unknown>;
  return format.type === 'json_schema' ? { type: 'object' } : undefined;
}
