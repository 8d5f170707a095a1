import { z } from 'zod';
import { apiKeyRoleSchema } from '#shared/business.schema.js';
import { generateCalendarFieldsSchema } from '#shared/calendar.schema.js';
import { idSchema, timestampSchema } from '#shared/common.schema.js';
import type { JobDefinitions } from './job-types.js';

/** Attempts of one webhook delivery (the sender reads it to know its last try). */
export const WEBHOOK_MAX_ATTEMPTS = 10;

/** Who asked for a job: the work runs with that principal's rights, checked again when it runs. */
const principalSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('user'), userId: idSchema }),
  z.strictObject({
    kind: z.literal('api_key'),
    apiKeyId: idSchema,
    businessId: idSchema,
    role: apiKeyRoleSchema,
  }),
]);

/**
 * Every job the app runs: name → payload schema, scope, retry budget. A feature adding a job adds its
 * definition here and its handler in handlers.ts; start-up fails if the two disagree.
 */
export const JOB_DEFINITIONS = {
  'housekeeping.purge_sessions': {
    scope: 'system',
    payload: z.strictObject({}),
    maxAttempts: 3,
    description:
      'Delete refresh tokens expired over a day ago, and webhook deliveries and finished jobs past retention; runs every 6 hours',
  },
  'calendar.generate': {
    scope: 'workspace',
    payload: z.strictObject({
      principal: principalSchema,
      request: generateCalendarFieldsSchema.omit({ business_id: true, request_key: true }),
    }),
    // A failed AI plan is retried by the engine itself; a second job attempt would re-plan from scratch.
    maxAttempts: 2,
    description: 'Plan a content calendar with the AI (and write each item when asked) and save it',
  },
  'webhook.deliver': {
    scope: 'workspace',
    payload: z.strictObject({ delivery_id: idSchema }),
    // With the default backoff (10 s doubling, capped at an hour) ten attempts span about an hour and a
    // half: long enough to ride out a receiver's deploy or outage. 4xx and refused addresses stop at once.
    maxAttempts: WEBHOOK_MAX_ATTEMPTS,
    description: 'POST one signed webhook delivery; retried with backoff on 5xx, 429 and network errors',
  },
  'content.publish': {
    scope: 'workspace',
    // The time is part of the payload: a job whose item was moved since finds a different time and skips.
    payload: z.strictObject({ content_item_id: idSchema, scheduled_at: timestampSchema }),
    // 10 s, 20 s, 40 s, 80 s with the default backoff: a receiver's short outage still publishes the
    // item within minutes of its time. 4xx, refused URLs and a missing connector fail at once.
    maxAttempts: 5,
    description: 'Publish one scheduled content item through the workspace’s connector at its time',
  },
  'content.requeue_evergreen': {
    scope: 'workspace',
    payload: z.strictObject({ content_item_id: idSchema }),
    // The copy is found again by its original, so a retry after a partial run makes no second one.
    maxAttempts: 3,
    description:
      'Queue a copy of a published evergreen item at its channel’s first free slot after its minimum gap',
  },
  'message.classify': {
    scope: 'workspace',
    // `offline`: classify with the offline writer whatever the workspace's provider (the demo seed's messages).
    payload: z.strictObject({ message_id: idSchema, offline: z.boolean().optional() }),
    // The AI engine retries the provider itself; a job retry covers a database or queue hiccup. A message
    // left unclassified still shows, and its rules still ran, so giving up after three tries is safe.
    maxAttempts: 3,
    description:
      'Classify an inbound message with the AI (sentiment, intent, priority, language) and apply the inbox rules',
  },
  'media.sweep_orphans': {
    scope: 'system',
    payload: z.strictObject({}),
    maxAttempts: 3,
    description:
      'Remove media uploads a crash left in processing, stored files whose item is gone, and abandoned upload spools; runs every 6 hours',
  },
  // Reading results and mentions back from connected network accounts (docs/channels.md).
  'networks.queue_readings': {
    scope: 'system',
    payload: z.strictObject({}),
    maxAttempts: 3,
    description:
      'Queue this hour’s reading of results and mentions for every connected network account; runs every hour',
  },
  'networks.read_account': {
    scope: 'workspace',
    // `slot`: the hour the reading belongs to (with the account, its idempotency key).
    payload: z.strictObject({ account_id: idSchema, slot: timestampSchema }),
    // A rate limit postpones the attempt to the network's reset; other trouble waits for the next hour.
    maxAttempts: 5,
    description:
      'Read the results of an account’s posts that are due (hourly for 7 days, daily until 30) and its new mentions',
  },
  // Account emails (docs/accounts.md). Each job issues its own token, so no token is ever stored in a
  // payload; an SMTP hiccup is retried (5 attempts over about 2.5 minutes with the default backoff).
  'mail.password_reset': {
    scope: 'system',
    payload: z.strictObject({ email: z.string().min(3).max(254) }),
    maxAttempts: 5,
    description: 'Email a password-reset link if the address has an account (nothing otherwise)',
  },
  'mail.sign_up': {
    scope: 'system',
    payload: z.strictObject({ sign_up_request_id: idSchema }),
    maxAttempts: 5,
    description:
      'Email a sign-up confirmation link, or tell the owner of an address that already has an account',
  },
  'mail.invitation': {
    scope: 'workspace',
    payload: z.strictObject({ invitation_id: idSchema }),
    maxAttempts: 5,
    description: 'Email a pending invitation’s accept link (a new token each time it is sent)',
  },
  'mail.member_added': {
    scope: 'workspace',
    payload: z.strictObject({ user_id: idSchema, added_by: idSchema.nullable() }),
    maxAttempts: 5,
    description: 'Tell someone with an account that they were added to a workspace',
  },
  // Notifications (docs/notifications.md). The email job sends one notification's email if its recipient
  // still wants it; its own death is never announced as a notification (that could loop).
  'notifications.email': {
    scope: 'workspace',
    payload: z.strictObject({ notification_id: idSchema }),
    maxAttempts: 5,
    description: 'Email one notification to its recipient, if they still want that kind by email',
  },
  'notifications.schedule': {
    scope: 'system',
    payload: z.strictObject({}),
    maxAttempts: 3,
    description:
      'Queue the weekly digests now due (Monday 08:00 in each workspace’s time zone) and notification emails left unqueued; runs every hour',
  },
  'notifications.weekly_digest': {
    scope: 'workspace',
    // `week`: the Monday (in the workspace's time zone) the digest is for; with the workspace, its key.
    payload: z.strictObject({ week: z.iso.date() }),
    maxAttempts: 3,
    description: 'Tell every member what goes out in the week ahead and how results compare with forecasts',
  },
} as const satisfies JobDefinitions;

/** The app's job definitions. */
export type AppJobDefinitions = typeof JOB_DEFINITIONS;

/** A job name of the app. */
export type AppJobName = keyof AppJobDefinitions;
