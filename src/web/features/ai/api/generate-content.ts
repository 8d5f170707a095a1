import { z } from 'zod';
import { runTaskResponseSchema } from '../../../../shared/ai.schema.js';
import { type WriteContentInput, writeContentOutputSchema } from '../../../../shared/ai-tasks.schema.js';
import { API } from '../../../../shared/api-paths.js';
import { ApiError, NetworkError } from '../../../lib/api-error.js';
import { postEventStream } from '../../../lib/event-stream.js';
import { problemFromBody } from '../../../lib/problem.js';

export const generateResultSchema = runTaskResponseSchema.extend({ output: writeContentOutputSchema });
/** Variants of a post and what writing them cost. */
export type GenerateResult = z.infer<typeof generateResultSchema>;

const startSchema = z.object({ provider: z.string(), model: z.string(), offline: z.boolean() });
/** Who is writing, sent before the first word. */
export type StreamStart = z.infer<typeof startSchema>;
const deltaSchema = z.object({ text: z.string() });

export type GenerateContentBody = Partial<WriteContentInput> &
  Pick<WriteContentInput, 'channel' | 'brief'> & { business_id: string };

export interface GenerateHandlers {
  onStart?: (start: StreamStart) => void;
  onDelta?: (text: string) => void;
  signal?: AbortSignal;
}

/**
 * Writes variants through `POST /api/content/generate`, streamed: `start`, then `delta`s as the text is
 * written, then `result` or `error` (a problem document, thrown as `ApiError` like any other failure).
 */
export async function generateContent(
  body: GenerateContentBody,
  { onStart, onDelta, signal }: GenerateHandlers = {},
): Promise<GenerateResult> {
  let result: GenerateResult | undefined;
  let failure: ApiError | undefined;
  await postEventStream(API.generateContent, {
    body,
    signal,
    onEvent: ({ event, data }) => {
      const payload: unknown = JSON.parse(data);
      if (event === 'start') onStart?.(startSchema.parse(payload));
      else if (event === 'delta') onDelta?.(deltaSchema.parse(payload).text);
      else if (event === 'result') result = generateResultSchema.parse(payload);
      else if (event === 'error') failure = new ApiError(problemFromBody(500, payload, null));
    },
  });
  if (failure) throw failure;
  if (!result) throw new NetworkError('The answer stopped before the variants were complete');
  return result;
}
