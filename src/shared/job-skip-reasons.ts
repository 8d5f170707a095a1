/**
 * Why a background job did nothing (`{ outcome: 'skipped', reason }` in its result): a code the API's
 * clients can branch on and the web app words in the reader's language (the `result.reasons` strings of
 * `jobs`). The values a reason refers to travel beside it as fields of their own (`status`,
 * `scheduled_at`, `other_job_id`, `copy_id`), never inside a sentence.
 */
export const JOB_SKIP_REASONS = [
  // content.publish
  'item_deleted',
  'already_published',
  'not_scheduled',
  'moved',
  'held_by_other_job',
  'claimed_meanwhile',
  // content.requeue_evergreen
  'not_published',
  'not_evergreen',
  'copy_already_queued',
  // notifications.email
  'already_sent',
  'recipient_left',
  'turned_off',
  // message.classify
  'message_missing',
  'already_classified',
  'conversation_deleted',
] as const;

export type JobSkipReason = (typeof JOB_SKIP_REASONS)[number];
