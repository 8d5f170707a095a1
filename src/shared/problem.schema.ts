import { z } from 'zod';
import { ERROR_CODES } from './error-codes.js';

/** One field-level problem: `path` is dotted (`body.email`, `query.limit`). */
export const fieldErrorSchema = z.object({
  path: z.string(),
  message: z.string(),
  code: z.string(),
  /**
   * The values `message` names, for a client that words it itself (in another language): for a channel
   * rule (`over_channel_limit`) or a media rule (`media_check_failed`), the code, channel, counts and
   * limits, as `src/shared/channels.ts` and `src/shared/channel-media.ts` describe them.
   */
  facts: z
    .record(z.string(), z.unknown())
    .optional()
    .meta({ description: 'The values the message names, for clients that word it themselves' }),
});

/** RFC 9457 problem details, extended with a stable `code`, the request id and field errors. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  code: z.enum(ERROR_CODES),
  request_id: z.string().optional(),
  errors: z.array(fieldErrorSchema).optional(),
  /**
   * What `detail` says, as a `reason` code and the values it names (`src/shared/problem-facts.ts`), for the
   * refusals whose detail matters: a status move, a refused file, a conflict.
   */
  facts: z.record(z.string(), z.unknown()).optional().meta({
    description:
      'What `detail` says as data: a `reason` code and the values it names, for clients that word it themselves',
  }),
});

export type FieldError = z.infer<typeof fieldErrorSchema>;
export type Problem = z.infer<typeof problemSchema>;
