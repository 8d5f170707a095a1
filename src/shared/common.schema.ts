import { z } from 'zod';

/** UUIDv7 (or any RFC 9562 UUID) identifier. */
export const idSchema = z.uuid();

/** A bounded, trimmed, single-line piece of text. */
export const shortText = (max: number) =>
  z.string().trim().min(1, 'Fill this in: it cannot be empty').max(max, `Use at most ${max} characters`);

/**
 * Emails are trimmed and lower-cased so one person has one account. Here rather than in auth.schema.ts
 * because workspaces have email addresses too, and every workspace page would otherwise build the auth schemas.
 */
export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'Enter a valid email address' }))
  .transform((email) => email.toLowerCase());

/** ISO-8601 UTC timestamp as sent on the wire. */
export const timestampSchema = z.iso.datetime({ offset: true });

/** `?limit=&cursor=` for cursor-paginated lists. */
export const pageQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});

/** A page of items and the cursor of the next page (null on the last page). */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), next_cursor: z.string().nullable() });

/** A list that is small by nature (members of one workspace) and returned whole. */
export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
