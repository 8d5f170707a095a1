import { z } from 'zod';
import type { OpenAIErrorDetails } from './openai-error.js';
import { findStrictSchemaProblem } from './strict-schema-rules.js';

const contentPart = z
  .looseObject({
    type: z.string(),
    text: z.string().optional(),
    image_url: z
      .looseObject({ url: z.string(), detail: z.enum(['auto', 'low', 'high']).optional() })
      .optional(),
  })
  .superRefine((part, context) => {
    // As OpenAI: a text part needs its text, an image part a URL it can fetch or a base64 data URL.
    if (part.type === 'text' && part.text === undefined) {
      context.addIssue({ code: 'custom', path: ['text'], message: 'missing', input: undefined });
    }
    if (part.type === 'image_url') {
      const url = part.image_url?.url;
      if (url === undefined) {
        context.addIssue({ code: 'custom', path: ['image_url'], message: 'missing', input: undefined });
      } else if (!/^(https?:\/\/|data:image\/(png|jpeg|gif|webp);base64,)/.test(url)) {
        context.addIssue({
          code: 'custom',
          path: ['image_url', 'url'],
          message: 'Expected a base64-encoded data URL with an image MIME type or an http(s) URL',
          input: url,
        });
      }
    }
  });

const chatMessage = z
  .looseObject({
    role: z.enum(['system', 'developer', 'user', 'assistant', 'tool', 'function']),
    content: z.union([z.string(), z.array(contentPart), z.null()]).optional(),
  })
  .superRefine((message, context) => {
    // Only an assistant turn (one that called tools) may come without content.
    if (message.role !== 'assistant' && (message.content === undefined || message.content === null)) {
      context.addIssue({ code: 'custom', path: ['content'], message: 'missing', input: undefined });
    }
  });

const responseFormat = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('text') }),
  z.looseObject({ type: z.literal('json_object') }),
  z.looseObject({
    type: z.literal('json_schema'),
    json_schema: z.looseObject({
      name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/),
      description: z.string().optional(),
      schema: z.record(z.string(), z.unknown()).optional(),
      strict: z.boolean().nullish(),
    }),
  }),
]);

/** The part of a `POST /v1/chat/completions` body the fake understands; other fields pass through. */
export const chatRequestSchema = z.looseObject({
  model: z.string().min(1),
  messages: z.array(chatMessage).min(1),
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullish(),
  response_format: responseFormat.optional(),
  max_tokens: z.number().int().positive().nullish(),
  max_completion_tokens: z.number().int().positive().nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  n: z.literal(1, { message: 'the fake server answers one choice only (n = 1)' }).nullish(),
});

/** A chat completion request that passed validation. */
export type ChatRequest = z.infer<typeof chatRequestSchema>;

/** One message of a chat completion request. */
export type ChatRequestMessage = ChatRequest['messages'][number];

/** The text of a message: its string content, or its text parts joined. */
export function messageText(message: ChatRequestMessage): string {
  if (typeof message.content === 'string') return message.content;
  return (message.content ?? []).map((part) => part.text ?? '').join('');
}

/** The image URLs (data URLs included) of a message's `image_url` parts. */
export function messageImages(message: ChatRequestMessage): string[] {
  if (!Array.isArray(message.content)) return [];
  return message.content.flatMap((part) =>
    part.type === 'image_url' && part.image_url ? [part.image_url.url] : [],
  );
}

/** Every message's text, one per line: what a test searches to see what the caller sent. */
export function promptText(request: ChatRequest): string {
  return request.messages.map(messageText).join('\n');
}

/**
 * Validate a parsed body; returns the request, or the 400 error details explaining what is wrong. With
 * `openAIRules` off (local servers), OpenAI's own refusals (strict schemas, JSON mode without "json" in the
 * prompt) are skipped.
 */
export function parseChatRequest(
  body: unknown,
  options: { openAIRules?: boolean } = {},
): { request: ChatRequest } | { error: OpenAIErrorDetails } {
  const openAIRules = options.openAIRules ?? true;
  const parsed = chatRequestSchema.safeParse(body, { reportInput: true });
  if (!parsed.success) return { error: describeIssue(parsed.error.issues[0]) };
  const request = parsed.data;
  if (request.stream_options && request.stream !== true) {
    return {
      error: {
        message: "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
        param: 'stream_options',
        code: 'invalid_value',
      },
    };
  }
  const format = request.response_format;
  // OpenAI refuses JSON mode unless the prompt itself asks for JSON; mirror it so the engine cannot forget.
  if (openAIRules && format?.type === 'json_object' && !/json/i.test(promptText(request))) {
    return {
      error: {
        message:
          "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
        param: 'messages',
        code: null,
      },
    };
  }
  if (openAIRules && format?.type === 'json_schema' && format.json_schema.strict === true) {
    const problem = findStrictSchemaProblem(format.json_schema.schema ?? {});
    if (problem) {
      return {
        error: {
          message: `Invalid schema for response_format '${format.json_schema.name}': ${problem}`,
          param: 'response_format',
          code: 'invalid_json_schema',
        },
      };
    }
  }
  return { request };
}

function describeIssue(issue: z.core.$ZodIssue | undefined): OpenAIErrorDetails {
  if (!issue || issue.path.length === 0) return { message: 'The request body must be a JSON object.' };
  const param = formatParam(issue.path);
  if (issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'custom')) {
    return { message: `Missing required parameter: '${param}'.`, param, code: 'missing_required_parameter' };
  }
  const code = issue.code === 'invalid_type' ? 'invalid_type' : 'invalid_value';
  return { message: `Invalid value for '${param}': ${issue.message}.`, param, code };
}

/** `['messages', 0, 'role']` → `messages[0].role`, as OpenAI names parameters. */
function formatParam(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}
