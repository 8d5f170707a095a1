import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../errors/app-error.js';
import { createJobHandlers } from './handlers.js';
import { SESSION_PURGE_EVERY_MS } from './housekeeping.js';
import { JOB_DEFINITIONS } from './job-definitions.js';
import type { JobQueue } from './job-types.js';
import { buildJobRegistry } from './registry.js';
import { UnrecoverableJobError } from './run-job.js';

describe('the app job registry', () => {
  const now = new Date('2026-03-01T07:30:00.000Z');
  const queue = {
    enqueue: vi.fn(async () => 'next-id'),
    purgeFinished: vi.fn(async () => 7),
  } as unknown as JobQueue<typeof JOB_DEFINITIONS>;
  const auth = { purgeExpiredSessions: vi.fn(async () => 4) };
  const calendar = { generate: vi.fn(async () => ({ content_item_ids: [] })) };
  const webhooks = {
    deliver: vi.fn(async () => ({ status: 'succeeded' })),
    purgeDeliveries: vi.fn(async () => 2),
  };
  const publishing = { publish: vi.fn(async () => ({ outcome: 'skipped', reason: 'test' })) };
  const inboxTriage = { classify: vi.fn(async () => ({ classified: true })) };
  const idempotency = { purgeExpired: vi.fn(async () => 3) };
  const content = { purgeDeleted: vi.fn(async () => 6) };
  const media = { sweepOrphans: vi.fn(async () => ({ stuck_items: 1, orphan_files: 3, spool_files: 0 })) };
  const networkReadings = {
    queueReadings: vi.fn(async () => ({ accounts: 2 })),
    readDue: vi.fn(async () => ({ skipped: 'needs_reconnect' })),
  };
  const accountMail = {
    sendResetLink: vi.fn(async () => ({})),
    sendSignUpConfirmation: vi.fn(async () => ({})),
    sendInvitation: vi.fn(async () => ({})),
    sendAddedNotice: vi.fn(async () => ({})),
    purgeExpired: vi.fn(async () => 5),
  };
  const notifications = {
    sendEmail: vi.fn(async () => ({ outcome: 'sent' })),
    schedule: vi.fn(async () => ({ digests: 1, emails: 0 })),
    sendDigest: vi.fn(async () => ({ recipients: 3 })),
    jobDied: vi.fn(async () => {}),
  };
  const queues = { requeueEvergreen: vi.fn(async () => ({ outcome: 'skipped', reason: 'test' })) };
  const registry = buildJobRegistry(
    JOB_DEFINITIONS,
    createJobHandlers({
      auth,
      calendar,
      webhooks,
      publishing,
      queues,
      inboxTriage,
      media,
      idempotency,
      content,
      networkReadings,
      accountMail,
      notifications,
      queue,
      now: () => now,
    }),
  );

  it('has exactly one handler for every job name', () => {
    expect([...registry.keys()].sort()).toEqual(Object.keys(JOB_DEFINITIONS).sort());
  });

  it('purges expired sessions, old deliveries, finished jobs and expired idempotency keys, and schedules the next purge once per 6-hour slot', async () => {
    const purge = registry.get('housekeeping.purge_sessions');
    const ctx = { jobId: 'j', businessId: null, attempt: 1, signal: new AbortController().signal };
    const result = await purge?.handler(
      {},
      { ...ctx, reportProgress: async () => {}, afterSettled: () => {} },
    );
    expect(result).toEqual({
      purged: 4,
      purged_webhook_deliveries: 2,
      purged_jobs: 7,
      purged_email_links: 5,
      purged_idempotency_keys: 3,
      purged_deleted_content: 6,
    });
    expect(webhooks.purgeDeliveries).toHaveBeenCalledWith(now);
    expect(queue.purgeFinished).toHaveBeenCalledWith(now);
    const next = new Date('2026-03-01T12:00:00.000Z');
    expect(next.getTime() % SESSION_PURGE_EVERY_MS).toBe(0);
    expect(queue.enqueue).toHaveBeenCalledWith({
      name: 'housekeeping.purge_sessions',
      businessId: null,
      payload: {},
      runAt: next,
      idempotencyKey: `purge_sessions@${next.toISOString()}`,
    });
  });

  it('sweeps the media library and schedules the next sweep half an hour into the next 6-hour slot', async () => {
    const sweep = registry.get('media.sweep_orphans');
    const ctx = { jobId: 'j', businessId: null, attempt: 1, signal: new AbortController().signal };
    const result = await sweep?.handler(
      {},
      { ...ctx, reportProgress: async () => {}, afterSettled: () => {} },
    );
    expect(result).toEqual({ stuck_items: 1, orphan_files: 3, spool_files: 0 });
    const next = new Date('2026-03-01T12:30:00.000Z');
    expect(queue.enqueue).toHaveBeenCalledWith({
      name: 'media.sweep_orphans',
      businessId: null,
      payload: {},
      runAt: next,
      idempotencyKey: `media_sweep@${next.toISOString()}`,
    });
  });

  it('queues this hour’s network readings and schedules the next run at the next hour', async () => {
    const readings = registry.get('networks.queue_readings');
    const ctx = { jobId: 'j', businessId: null, attempt: 1, signal: new AbortController().signal };
    expect(
      await readings?.handler({}, { ...ctx, reportProgress: async () => {}, afterSettled: () => {} }),
    ).toEqual({ accounts: 2 });
    const next = new Date('2026-03-01T08:00:00.000Z');
    expect(queue.enqueue).toHaveBeenCalledWith({
      name: 'networks.queue_readings',
      businessId: null,
      payload: {},
      runAt: next,
      idempotencyKey: `network_readings@${next.toISOString()}`,
    });

    const read = registry.get('networks.read_account');
    await read?.handler(
      { account_id: 'a', slot: '2026-03-01T07:00:00.000Z' },
      { ...ctx, businessId: 'b', reportProgress: async () => {}, afterSettled: () => {} },
    );
    expect(networkReadings.readDue).toHaveBeenCalledWith('b', 'a');
  });

  it('runs the notifications’ schedule and books the next run at five past the next hour', async () => {
    const schedule = registry.get('notifications.schedule');
    const ctx = { jobId: 'j', businessId: null, attempt: 1, signal: new AbortController().signal };
    expect(
      await schedule?.handler({}, { ...ctx, reportProgress: async () => {}, afterSettled: () => {} }),
    ).toEqual({
      digests: 1,
      emails: 0,
    });
    const next = new Date('2026-03-01T08:05:00.000Z');
    expect(queue.enqueue).toHaveBeenCalledWith({
      name: 'notifications.schedule',
      businessId: null,
      payload: {},
      runAt: next,
      idempotencyKey: `notifications_schedule@${next.toISOString()}`,
    });

    const email = registry.get('notifications.email');
    await email?.handler(
      { notification_id: 'n' },
      { ...ctx, businessId: 'b', reportProgress: async () => {}, afterSettled: () => {} },
    );
    expect(notifications.sendEmail).toHaveBeenCalledWith({ notification_id: 'n' }, 'b');
    const digest = registry.get('notifications.weekly_digest');
    await digest?.handler(
      { week: '2026-03-02' },
      { ...ctx, businessId: 'b', reportProgress: async () => {}, afterSettled: () => {} },
    );
    expect(notifications.sendDigest).toHaveBeenCalledWith({ week: '2026-03-02' }, 'b');
  });

  it('ends a calendar job the AI refused at once, and lets a paused provider be tried again', async () => {
    const job = registry.get('calendar.generate');
    const ctx = { jobId: 'j', businessId: 'b', attempt: 1, signal: new AbortController().signal };
    const run = () =>
      job?.handler(
        { principal: { kind: 'user', userId: 'u' }, request: {} },
        { ...ctx, reportProgress: async () => {}, afterSettled: () => {} },
      );
    const unusable = new AppError('ai_provider_error', "The model's answer had dates we could not read.");
    calendar.generate.mockRejectedValueOnce(unusable);
    const refused = await run()?.catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UnrecoverableJobError);
    expect((refused as Error).message).toBe(unusable.message);

    const paused = new AppError('ai_unavailable');
    calendar.generate.mockRejectedValueOnce(paused);
    expect(await run()?.catch((error: unknown) => error)).toBe(paused);
  });
});
