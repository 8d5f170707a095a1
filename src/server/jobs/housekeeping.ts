import type { AppJobDefinitions } from './job-definitions.js';
import type { JobQueue } from './job-types.js';

/** How often expired sessions are purged. */
export const SESSION_PURGE_EVERY_MS = 6 * 3_600_000;

/**
 * Enqueue the next session purge, at the next 6-hour boundary (UTC). The idempotency key is that
 * boundary, so however many processes call this (every server and worker at start, and each purge when
 * it finishes) there is one purge per slot.
 */
export function scheduleSessionPurge(queue: JobQueue<AppJobDefinitions>, now: Date): Promise<string> {
  const slot = new Date(Math.floor(now.getTime() / SESSION_PURGE_EVERY_MS + 1) * SESSION_PURGE_EVERY_MS);
  return queue.enqueue({
    name: 'housekeeping.purge_sessions',
    businessId: null,
    payload: {},
    runAt: slot,
    idempotencyKey: `purge_sessions@${slot.toISOString()}`,
  });
}

/** How often the media library is swept for what crashes left behind. */
export const MEDIA_SWEEP_EVERY_MS = 6 * 3_600_000;

/**
 * Enqueue the next media sweep at the next 6-hour boundary (UTC) plus half an hour, so it does not start
 * with the session purge; one per slot however many processes ask (the slot is the idempotency key).
 */
export function scheduleMediaSweep(queue: JobQueue<AppJobDefinitions>, now: Date): Promise<string> {
  const offset = 30 * 60_000;
  const slot = new Date(
    Math.floor((now.getTime() - offset) / MEDIA_SWEEP_EVERY_MS + 1) * MEDIA_SWEEP_EVERY_MS + offset,
  );
  return queue.enqueue({
    name: 'media.sweep_orphans',
    businessId: null,
    payload: {},
    runAt: slot,
    idempotencyKey: `media_sweep@${slot.toISOString()}`,
  });
}

/** How often connected network accounts are read (results and mentions). */
export const NETWORK_READINGS_EVERY_MS = 3_600_000;

/**
 * Enqueue the next hourly reading of the networks, at the next hour (UTC); one per hour however many
 * processes ask (the hour is the idempotency key). It queues one job per connected account.
 */
export function scheduleNetworkReadings(queue: JobQueue<AppJobDefinitions>, now: Date): Promise<string> {
  const slot = new Date(
    Math.floor(now.getTime() / NETWORK_READINGS_EVERY_MS + 1) * NETWORK_READINGS_EVERY_MS,
  );
  return queue.enqueue({
    name: 'networks.queue_readings',
    businessId: null,
    payload: {},
    runAt: slot,
    idempotencyKey: `network_readings@${slot.toISOString()}`,
  });
}

/** How often the notifications' schedule runs (due weekly digests, emails left unqueued). */
export const NOTIFICATIONS_SCHEDULE_EVERY_MS = 3_600_000;

/**
 * Enqueue the next run of the notifications' schedule at five past the next hour (UTC), after the
 * network readings; one per hour however many processes ask (the slot is the idempotency key).
 */
export function scheduleNotifications(queue: JobQueue<AppJobDefinitions>, now: Date): Promise<string> {
  const offset = 5 * 60_000;
  const slot = new Date(
    Math.floor((now.getTime() - offset) / NOTIFICATIONS_SCHEDULE_EVERY_MS + 1) *
      NOTIFICATIONS_SCHEDULE_EVERY_MS +
      offset,
  );
  return queue.enqueue({
    name: 'notifications.schedule',
    businessId: null,
    payload: {},
    runAt: slot,
    idempotencyKey: `notifications_schedule@${slot.toISOString()}`,
  });
}
