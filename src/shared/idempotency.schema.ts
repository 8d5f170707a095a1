import { z } from 'zod';

/** The request header that makes a creating POST safe to retry (as Stripe spells it). */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/** Set to `true` on an answer the server repeats from the first request with the same key. */
export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';

/** How long a key is remembered after its first request. */
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;

/** The longest key accepted; a UUID (36) or any client-made token fits with room to spare. */
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;

/**
 * An `Idempotency-Key` value: 1 to 255 visible ASCII characters (no spaces, so two keys joined by a proxy
 * into one header cannot pass as one key). A UUID v4 per logical request is the usual choice.
 */
export const idempotencyKeySchema = z
  .string()
  .regex(/^[\x21-\x7E]+$/, {
    message:
      'Use 1 to 255 visible ASCII characters (letters, digits, punctuation; no spaces), such as a UUID',
  })
  .max(IDEMPOTENCY_KEY_MAX_LENGTH, {
    message: `Use at most ${IDEMPOTENCY_KEY_MAX_LENGTH} characters, such as a UUID`,
  });
