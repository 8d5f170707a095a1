import { describe, expect, it } from 'vitest';
import { JOB_SKIP_REASONS } from '#shared/job-skip-reasons.js';
import { JOB_LABELS } from '#shared/jobs.schema.js';
import { jobFailureReason } from '#web/lib/job-failure.js';
import { testI18n } from '#web/test/i18n.js';
import {
  canCancel,
  canRetry,
  contentItemsOf,
  describeAttempts,
  isAnnounced,
  jobLabel,
  resultFacts,
  STATE_FILTERS,
} from './job-format.js';

const english = testI18n('en').getFixedT('en', 'jobs');

describe('job wording', () => {
  it('names every job in words, even one this app does not know yet', () => {
    expect(jobLabel('calendar.generate', english)).toBe('Content calendar');
    expect(jobLabel('message.classify', english)).toBe('Inbox message triage');
    expect(jobLabel('networks.read_account', english)).toBe('Reading results from a network');
    expect(jobLabel('something.brand_new', english)).toBe('Something brand new');
    expect(jobLabel('calendar.generate', testI18n('fr').getFixedT('fr', 'jobs'))).toBe(
      'Calendrier de contenu',
    );
  });

  it('has the words of every job the server runs, as the shared labels say them', () => {
    for (const [name, label] of Object.entries(JOB_LABELS)) expect(jobLabel(name, english)).toBe(label);
  });

  it('announces the work people wait for, not background deliveries', () => {
    expect(isAnnounced('calendar.generate')).toBe(true);
    expect(isAnnounced('webhook.deliver')).toBe(false);
  });

  it('counts the attempt in progress, and a job not started yet as its first', () => {
    expect(describeAttempts({ attempts: 2, max_attempts: 3 }, english)).toBe('Attempt 2 of 3');
    expect(describeAttempts({ attempts: 0, max_attempts: 3 }, english)).toBe('Attempt 1 of 3');
  });

  it('drops the error class the server stores in front of a failure', () => {
    expect(jobFailureReason('AppError: Over budget.')).toBe('Over budget.');
    expect(jobFailureReason('TypeError: x is undefined')).toBe('x is undefined');
    expect(jobFailureReason('Error 500 from the provider')).toBe('Error 500 from the provider');
  });

  it('offers every state once in the filter', () => {
    expect(new Set(STATE_FILTERS).size).toBe(6);
  });
});

describe('job actions', () => {
  it('retries failed and dead jobs only', () => {
    expect(canRetry({ state: 'failed' })).toBe(true);
    expect(canRetry({ state: 'dead' })).toBe(true);
    expect(canRetry({ state: 'running' })).toBe(false);
    expect(canRetry({ state: 'succeeded' })).toBe(false);
  });

  it('cancels only what has not finished', () => {
    expect(canCancel({ state: 'queued' })).toBe(true);
    expect(canCancel({ state: 'running' })).toBe(true);
    expect(canCancel({ state: 'dead' })).toBe(false);
    expect(canCancel({ state: 'cancelled' })).toBe(false);
  });
});

describe('job results', () => {
  const id = '01930000-0000-7000-8000-000000000001';

  it('finds the items a calendar job saved', () => {
    const result = { strategy: {}, content_item_ids: [id], ai_call_ids: [], offline: true };
    expect(contentItemsOf({ name: 'calendar.generate', result })).toEqual([id]);
  });

  it('ignores results it does not know', () => {
    expect(contentItemsOf({ name: 'calendar.generate', result: null })).toBeUndefined();
    expect(contentItemsOf({ name: 'other', result: { content_item_ids: [id] } })).toBeUndefined();
  });
});

describe('resultFacts', () => {
  const french = testI18n('fr').getFixedT('fr', 'jobs');
  const formats = { number: String, dateTime: (iso: string) => `<${iso}>` };

  it('says the fields every job shares in the reader’s language, the rest from their names', () => {
    expect(resultFacts({ skipped: 'needs_reconnect', fetched: [1, null] }, french, formats)).toEqual([
      { key: 'skipped', term: 'Ignorée', value: 'Le compte doit être reconnecté' },
      { key: 'fetched', term: 'Fetched', value: '1, —' },
    ]);
    expect(resultFacts({ outcome: 'brand_new', nested: { a: 1 } }, english, formats)).toEqual([
      { key: 'outcome', term: 'Outcome', value: 'brand_new' },
      { key: 'nested', term: 'Nested', value: '{"a":1}' },
    ]);
  });

  it('words a skip reason and the values it refers to, and leaves an older server’s sentence as it was', () => {
    expect(
      resultFacts({ outcome: 'skipped', reason: 'not_scheduled', status: 'approved' }, french, formats),
    ).toEqual([
      { key: 'outcome', term: 'Issue', value: 'Ignoré' },
      { key: 'reason', term: 'Raison', value: 'L’élément n’est plus programmé' },
      { key: 'status', term: 'Statut', value: 'Approuvé' },
    ]);
    expect(
      resultFacts({ reason: 'moved', scheduled_at: '2027-03-02T10:00:00.000Z' }, french, formats),
    ).toEqual([
      { key: 'reason', term: 'Raison', value: 'L’élément a été déplacé à une autre heure' },
      { key: 'scheduled_at', term: 'Programmé pour', value: '<2027-03-02T10:00:00.000Z>' },
    ]);
    expect(resultFacts({ reason: 'The item was deleted' }, french, formats)).toEqual([
      { key: 'reason', term: 'Raison', value: 'The item was deleted' },
    ]);
  });

  it('has words in every language for every skip reason the server sends', () => {
    for (const t of [english, french]) {
      for (const reason of JOB_SKIP_REASONS) {
        const [fact] = resultFacts({ reason }, t, formats) ?? [];
        expect(fact?.value, reason).not.toBe(reason);
        expect(fact?.value, reason).not.toContain('result.reasons');
      }
    }
  });

  it('leaves a result that is not an object of fields to be shown as it is', () => {
    expect(resultFacts([1, 2], english, formats)).toBeUndefined();
    expect(resultFacts('done', english, formats)).toBeUndefined();
  });
});
