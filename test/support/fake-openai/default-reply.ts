import type { ChatRequest } from './chat-request.schema.js';
import { messageText } from './chat-request.schema.js';
import { sampleFromJsonSchema } from './json-schema-sample.js';
import { marketingParagraph, seedOf } from './marketing-copy.js';

/**
 * What the fake answers when no script says otherwise: marketing copy for text requests, `{ "text": … }`
 * for JSON mode, and a value valid against the requested schema for structured outputs. The choice
 * depends only on the request, so the same prompt always gets the same answer.
 */
export function generateDefaultReply(request: ChatRequest): unknown {
  const lastUserMessage = request.messages.findLast((message) => message.role === 'user');
  const paragraph = marketingParagraph(seedOf(lastUserMessage ? messageText(lastUserMessage) : ''));
  const format = request.response_format;
  if (format?.type === 'json_schema')
    return sampleFromJsonSchema(format.json_schema.schema ?? { type: 'object' });
  if (format?.type === 'json_object') return { text: paragraph };
  return paragraph;
}
