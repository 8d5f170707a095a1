import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '#shared/events.schema.js';
import { testI18n } from '#web/test/i18n.js';
import { jobToast as toastIn } from './job-toast.js';

const english = testI18n('en').getFixedT('en', 'jobs');
const jobToast = (event: LiveEvent) => toastIn(event, english);

const envelope = {
  id: 'e1-1',
  business_id: '01930000-0000-7000-8000-000000000001',
  at: '2026-11-26T05:00:00.000Z',
};

function completed(name: string): LiveEvent {
  return { type: 'job.completed', ...envelope, data: { job_id: 'job-1', name } };
}

function failed(name: string, error: string, willRetry: boolean): LiveEvent {
  return { type: 'job.failed', ...envelope, data: { job_id: 'job-1', name, error, will_retry: willRetry } };
}

describe('jobToast', () => {
  it('announces finished work people wait for', () => {
    expect(jobToast(completed('calendar.generate'))).toEqual({
      message: 'Content calendar finished.',
      tone: 'success',
      jobId: 'job-1',
    });
  });

  it('stays quiet when background work finishes', () => {
    expect(jobToast(completed('webhook.deliver'))).toBeUndefined();
  });

  it('says why an attempt failed, and that it will be retried', () => {
    expect(jobToast(failed('calendar.generate', 'Budget exceeded', true))).toEqual({
      message: 'Content calendar failed: Budget exceeded. It will be retried.',
      tone: 'info',
      jobId: 'job-1',
    });
  });

  it('announces every job that gave up, background work included', () => {
    expect(jobToast(failed('webhook.deliver', 'HTTP 410.', false))).toEqual({
      message: 'Webhook delivery failed: HTTP 410.',
      tone: 'danger',
      jobId: 'job-1',
    });
    expect(jobToast(failed('webhook.deliver', 'timeout', true))).toBeUndefined();
  });

  it('leaves publications to their content events', () => {
    expect(jobToast(completed('content.publish'))).toBeUndefined();
    expect(jobToast(failed('content.publish', 'HTTP 500', false))).toBeUndefined();
  });

  it('speaks French to a French reader', () => {
    expect(
      toastIn(failed('calendar.generate', 'Budget dépassé', true), testI18n('fr').getFixedT('fr', 'jobs')),
    ).toEqual({
      message: 'Calendrier de contenu\u00a0: échec. Budget dépassé. Un nouvel essai est prévu.',
      tone: 'info',
      jobId: 'job-1',
    });
  });

  it('ignores events that are not about a job ending', () => {
    const progress: LiveEvent = {
      type: 'job.progress',
      ...envelope,
      data: { job_id: 'job-1', name: 'calendar.generate', progress: 50, message: null },
    };
    expect(jobToast(progress)).toBeUndefined();
  });
});
