import { z } from 'zod';
import { API } from '#shared/api-paths.js';
import type { generateContentBodySchema } from '#shared/content.schema.js';
import { generateContentResultSchema } from '#shared/content.schema.js';
import { ApiError, NetworkError } from './api-error.js';
import { loadProblemFactsWording } from './error-messages.js';
import { postEventStream } from './event-stream.js';
import { problemFromBody } from './problem-body.js';

/** The written variants, what they cost, and whether the offline writer wrote them. */
export type GeneratedContent = z.infer<typeof generateContentResultSchema>;
/** The request as sent: defaults (format, variants, save_as_drafts) may be left out. */
export type GenerateRequest = z.input<typeof generateContentBodySchema>;

const startSchema = z.object({ provider: z.string(), model: z.string(), offline: z.boolean() });
/** Who is writing, sent before the first word. */
export type StreamStart = z.infer<typeof startSchema>;
const deltaSchema = z.object({ text: z.string() });

interface StreamHandlers {
  onStart?: (start: StreamStart) => void;
  onDelta?: (text: string) => void;
  signal?: AbortSignal;
}

/**
 * `POST /api/content/generate` as Server-Sent Events: `start`, `delta`s while the model writes, then
 * `result`, or `error` carrying a problem document (thrown as `ApiError` like any other failure).
 */
export async function generateContent(
  body: GenerateRequest,
  { onStart, onDelta, signal }: StreamHandlers = {},
): Promise<GeneratedContent> {
  let result: GeneratedContent | undefined;
  let failure: ApiError | undefined;
  await postEventStream(API.generateContent, {
    body,
    signal,
    onEvent: ({ event, data }) => {
      const payload: unknown = JSON.parse(data);
      if (event === 'start') onStart?.(startSchema.parse(payload));
      else if (event === 'delta') onDelta?.(deltaSchema.parse(payload).text);
      else if (event === 'result') result = generateContentResultSchema.parse(payload);
      else if (event === 'error') failure = new ApiError(problemFromBody(500, payload, null));
    },
  });
  if (failure) {
    if (failure.facts) await loadProblemFactsWording();
    throw failure;
  }
  if (!result) throw new NetworkError('The answer stopped before the variants were complete');
  return result;
}
