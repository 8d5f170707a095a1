import { z } from 'zod';
import { channelSchema } from './ai-tasks.schema.js';
import { idSchema } from './common.schema.js';

// Queues: a workspace's posting slots per channel (a weekday and a wall-clock time in the workspace's zone),
// "add to queue" (the next free slot), and the best times read from the workspace's own results.

/** Most slots one channel's queue holds (several a day, every day, and room to spare). */
export const QUEUE_SLOTS_MAX = 70;
/** How far ahead "add to queue" looks for a free slot before it gives up (409 `queue_full`). */
export const QUEUE_HORIZON_DAYS = 90;
/** Published posts with results a channel needs before its best times come from them. */
export const BEST_TIMES_MIN_RESULTS = 10;
/** How many best times are suggested per channel. */
export const BEST_TIMES_COUNT = 3;

const weekdaySchema = z
  .number({ message: 'A weekday from 1 (Monday) to 7 (Sunday)' })
  .int('A weekday from 1 (Monday) to 7 (Sunday)')
  .min(1, 'A weekday from 1 (Monday) to 7 (Sunday)')
  .max(7, 'A weekday from 1 (Monday) to 7 (Sunday)');
const slotTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time as HH:MM, 24-hour (09:30)')
  .describe('Wall-clock time in the workspace’s zone, HH:MM');

/** One posting slot: every `weekday` at `time` in the workspace's zone. */
export const queueSlotSchema = z.strictObject({ weekday: weekdaySchema, time: slotTimeSchema });
export type QueueSlot = z.infer<typeof queueSlotSchema>;

/** `PUT /api/business/{id}/queues/{channel}`: the channel's whole list of slots (empty: use the defaults). */
export const putQueueSlotsBodySchema = z.strictObject({
  slots: z
    .array(queueSlotSchema)
    .max(QUEUE_SLOTS_MAX, `At most ${QUEUE_SLOTS_MAX} slots per channel`)
    .superRefine((slots, context) => {
      const seen = new Set<string>();
      slots.forEach((slot, index) => {
        const key = `${slot.weekday} ${slot.time}`;
        if (seen.has(key)) {
          context.addIssue({ code: 'custom', message: 'This slot is already in the list', path: [index] });
        }
        seen.add(key);
      });
    }),
});
export type PutQueueSlotsBody = z.infer<typeof putQueueSlotsBodySchema>;

export const queueChannelParamsSchema = z.strictObject({ id: idSchema, channel: channelSchema });

/** A suggested slot, with what it rests on when it comes from results. */
export const suggestedSlotSchema = z.object({
  weekday: z.number().int(),
  time: z.string(),
  /** Published posts with results at this weekday and hour (0 for the network's recommended times). */
  posts: z.number().int(),
  /** Engagements per impression of those posts; null for the network's recommended times. */
  engagement_rate: z.number().nullable(),
});
export type SuggestedSlot = z.infer<typeof suggestedSlotSchema>;

/**
 * Best times for a channel: from the workspace's own results once `results` reaches `needed`, before that
 * the network's recommended times (`basis: channel_rules`).
 */
export const bestTimesSchema = z.object({
  basis: z.enum(['results', 'channel_rules']),
  /** Published posts of the channel that have results. */
  results: z.number().int(),
  /** How many it takes before the suggestion comes from results. */
  needed: z.number().int(),
  slots: z.array(suggestedSlotSchema),
});
export type BestTimes = z.infer<typeof bestTimesSchema>;

export const channelQueueSchema = z.object({
  channel: channelSchema,
  /** The slots in force, by weekday then time: the workspace's own, or the defaults when it set none. */
  slots: z.array(z.object({ weekday: z.number().int(), time: z.string() })),
  /** True when the channel has no slots of its own and `slots` are its network's recommended times. */
  uses_defaults: z.boolean(),
  suggested: bestTimesSchema,
});
export type ChannelQueue = z.infer<typeof channelQueueSchema>;

/** `GET /api/business/{id}/queues`: every channel's queue, in the workspace's zone. */
export const queuesSchema = z.object({
  time_zone: z.string(),
  channels: z.array(channelQueueSchema),
});
export type Queues = z.infer<typeof queuesSchema>;

/** `POST /api/content/{id}/queue`: the version the caller read. */
export const queueContentBodySchema = z.strictObject({
  version: z.number().int().min(1),
});
export type QueueContentBody = z.infer<typeof queueContentBodySchema>;
