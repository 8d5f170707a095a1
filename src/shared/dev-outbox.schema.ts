import { z } from 'zod';

/** An email the development outbox kept instead of sending (no SMTP configured). */
export const outboxEmailSchema = z.object({
  id: z.number().int(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  sent_at: z.string(),
});
export type OutboxEmail = z.infer<typeof outboxEmailSchema>;

/** `GET /api/dev/outbox`: newest last, as they were "sent". */
export const outboxSchema = z.object({ items: z.array(outboxEmailSchema) });
