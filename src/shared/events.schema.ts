import { z } from 'zod';
import { idSchema, timestampSchema } from './common.schema.js';
import { PUBLISH_FAILURE_KINDS } from './connector.schema.js';
import { ROLES } from './roles.js';

// Live updates: the events a workspace's members receive over the WebSocket at `/api/ws`, and the frames
// of that socket's protocol. Events are hints to refetch, not data: they carry ids, never content.

/**
 * An event id, `<epoch>-<seq>`: `seq` counts up by one per workspace, `epoch` changes when the sequence
 * restarts (a new process without Redis, or a new Redis), so a client's old id is never mistaken for a new one.
 */
export const eventIdSchema = z.string().regex(/^[a-z0-9]{1,32}-\d{1,15}$/);

const envelope = {
  id: eventIdSchema,
  business_id: idSchema,
  at: timestampSchema,
};

const jobRef = { job_id: z.string().min(1).max(100), name: z.string().min(1).max(100) };

/** Every live event, discriminated by `type`. */
export const liveEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('job.progress'),
    ...envelope,
    data: z.object({ ...jobRef, progress: z.number().min(0).max(100), message: z.string().nullable() }),
  }),
  z.object({ type: z.literal('job.completed'), ...envelope, data: z.object(jobRef) }),
  z.object({
    type: z.literal('job.failed'),
    ...envelope,
    data: z.object({ ...jobRef, error: z.string(), will_retry: z.boolean() }),
  }),
  z.object({
    type: z.literal('content.changed'),
    ...envelope,
    data: z.object({
      content_item_ids: z.array(z.string().min(1).max(100)).max(500),
      change: z.enum(['created', 'updated', 'deleted', 'status']),
    }),
  }),
  /** A scheduled item went out through a connector (`external_url`: where it lives now, if known). */
  z.object({
    type: z.literal('content.published'),
    ...envelope,
    data: z.object({
      content_item_id: z.string().min(1).max(100),
      connector_id: z.string().min(1).max(100),
      external_url: z.string().max(2048).nullable(),
    }),
  }),
  /** A scheduled item could not be published; `reason` is shown on the item as `publish_error`. */
  z.object({
    type: z.literal('content.failed'),
    ...envelope,
    data: z.object({
      content_item_id: z.string().min(1).max(100),
      /** `not_queued`: the publish job itself could not be queued when the item was scheduled. */
      failure_kind: z.enum([...PUBLISH_FAILURE_KINDS, 'not_queued']),
      reason: z.string().max(2000),
    }),
  }),
  z.object({
    type: z.literal('message.received'),
    ...envelope,
    data: z.object({ conversation_id: z.string().min(1).max(100), message_id: z.string().min(1).max(100) }),
  }),
  /** A conversation changed after its message arrived: classified, triaged, drafted for, replied to. */
  z.object({
    type: z.literal('conversation.changed'),
    ...envelope,
    data: z.object({
      conversation_id: z.string().min(1).max(100),
      change: z.enum(['classified', 'updated', 'drafted', 'replied']),
    }),
  }),
  z.object({
    type: z.literal('usage.changed'),
    ...envelope,
    data: z.object({
      call_id: z.string().min(1).max(100),
      task: z.string(),
      outcome: z.string(),
      cost_micro_usd: z.number().int(),
    }),
  }),
  /**
   * Someone joined, changed role or left (`role: null`). A member who was removed is told with an
   * `error` frame instead (`not_found`), and hears nothing more of the workspace.
   */
  z.object({
    type: z.literal('member.changed'),
    ...envelope,
    data: z.object({ user_id: z.string().min(1).max(100), role: z.enum(ROLES).nullable() }),
  }),
  /**
   * One person's notifications changed: one arrived (`created`) or some were read (`read`, from another
   * tab or device). Only that person's sockets receive it.
   */
  z.object({
    type: z.literal('notification.changed'),
    ...envelope,
    data: z.object({ user_id: z.string().min(1).max(100), change: z.enum(['created', 'read']) }),
  }),
  /** An item's review comments changed: someone commented, replied, edited or deleted a comment. */
  z.object({
    type: z.literal('comment.changed'),
    ...envelope,
    data: z.object({
      content_item_id: z.string().min(1).max(100),
      change: z.enum(['created', 'updated', 'deleted']),
    }),
  }),
]);
export type LiveEvent = z.infer<typeof liveEventSchema>;
export type LiveEventType = LiveEvent['type'];

/** What a publisher supplies; the bus stamps `id` and `at`. */
export type NewLiveEvent = LiveEvent extends infer E
  ? E extends LiveEvent
    ? Omit<E, 'id' | 'at'>
    : never
  : never;

/** Frames the client sends. */
export const clientFrameSchema = z.discriminatedUnion('type', [
  /** First frame (and again after each token refresh): the access token, never in the URL. */
  z.strictObject({ type: z.literal('auth'), token: z.string().min(1).max(4096) }),
  /** Start receiving a workspace's events; with `last_event_id`, first those missed since then. */
  z.strictObject({
    type: z.literal('subscribe'),
    business_id: idSchema,
    last_event_id: eventIdSchema.optional(),
  }),
  z.strictObject({ type: z.literal('unsubscribe'), business_id: idSchema }),
  /** Browsers cannot see protocol pings, so the client checks the connection with this; answered `pong`. */
  z.strictObject({ type: z.literal('ping') }),
]);
export type ClientFrame = z.infer<typeof clientFrameSchema>;

/** Error codes of `{type:'error'}` frames. */
export const REALTIME_ERROR_CODES = [
  'bad_request',
  'not_found',
  'too_many_subscriptions',
  'internal_error',
] as const;

/** Frames the server sends. */
export const serverFrameSchema = z.discriminatedUnion('type', [
  /** The token was accepted; re-authenticate before `expires_at` to keep the socket. */
  z.object({ type: z.literal('authenticated'), expires_at: timestampSchema }),
  /** Following the workspace from `last_event_id` on (after any replay): the id to resume from. */
  z.object({ type: z.literal('subscribed'), business_id: z.string(), last_event_id: eventIdSchema }),
  z.object({ type: z.literal('unsubscribed'), business_id: z.string() }),
  z.object({ type: z.literal('event'), event: liveEventSchema }),
  /** Events were missed and cannot be replayed: refetch the workspace's data. */
  z.object({ type: z.literal('resync'), business_id: z.string() }),
  z.object({ type: z.literal('pong') }),
  z.object({
    type: z.literal('error'),
    code: z.enum(REALTIME_ERROR_CODES),
    message: z.string(),
    business_id: z.string().optional(),
  }),
]);
export type ServerFrame = z.infer<typeof serverFrameSchema>;

/** WebSocket close codes the server uses (4000–4999 is the application range). */
export const REALTIME_CLOSE_CODES = {
  /** No valid `auth` frame in time, a bad or expired token, or a frame before authenticating. */
  unauthenticated: 4401,
  /** A re-authentication as another user. */
  userChanged: 4403,
  /** The server is shutting down (the standard "going away"): reconnect, probably to another instance. */
  goingAway: 1001,
} as const;
