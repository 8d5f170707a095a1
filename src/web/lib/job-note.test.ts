import { describe, expect, it } from 'vitest';
import { JOB_NOTES, type JobNoteCode, jobNote } from '#shared/job-notes.js';
import { testI18n } from '#web/test/i18n.js';
import { jobNoteText } from './job-note.js';

describe('jobNoteText', () => {
  const english = testI18n('en').getFixedT('en', 'common');
  const french = testI18n('fr').getFixedT('fr', 'common');

  it('reads every note the server writes in the reader’s language', () => {
    const values = { done: 3, total: 10, saved: 7, failed: 2 };
    for (const code of Object.keys(JOB_NOTES) as JobNoteCode[]) {
      // English reads as the server wrote it; French has words of its own for each.
      expect(jobNoteText(jobNote(code, values), english)).toBe(jobNote(code, values));
      expect(jobNoteText(jobNote(code, values), french)).not.toBe(jobNote(code, values));
    }
    expect(jobNoteText('Wrote 3 of 10', french)).toBe('Rédigés\u00a0: 3 sur 10');
  });

  it('shows any other message as the job wrote it', () => {
    expect(jobNoteText('Uploading part 3', french)).toBe('Uploading part 3');
  });
});
