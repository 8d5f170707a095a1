import { describe, expect, it } from 'vitest';
import { JOB_NOTES, type JobNoteCode, jobNote, readJobNote } from './job-notes.js';

describe('job notes', () => {
  it('reads back every note it writes, with its numbers', () => {
    const values = { done: 3, total: 10, saved: 7, failed: 2 };
    for (const code of Object.keys(JOB_NOTES) as JobNoteCode[]) {
      const read = readJobNote(jobNote(code, values));
      expect(read?.code).toBe(code);
      expect(jobNote(code, read?.values)).toBe(jobNote(code, values));
    }
    expect(jobNote('writing', { done: 3, total: 10 })).toBe('Wrote 3 of 10');
    expect(readJobNote('Saved 7 of 9; 2 could not be written')).toEqual({
      code: 'savedWithFailures',
      values: { saved: 7, total: 9, failed: 2 },
    });
  });

  it('leaves any other text unread', () => {
    expect(readJobNote('Uploading part 3')).toBeUndefined();
    expect(readJobNote('Wrote three of ten')).toBeUndefined();
  });
});
