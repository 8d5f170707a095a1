import type { TFunction } from 'i18next';
import { readJobNote } from '#shared/job-notes.js';
import { formatNumber } from './workspace-format.js';

/**
 * A job's progress message in the reader's language when it is one of the shared notes
 * (src/shared/job-notes.ts), its numbers as the workspace writes them; any other message as the job wrote it.
 *
 * @example jobNoteText('Wrote 3 of 10', t) // 'Rédigés : 3 sur 10' in French (a no-break space before the colon)
 */
export function jobNoteText(message: string, t: TFunction<'common'>): string {
  const note = readJobNote(message);
  if (!note) return message;
  const number = (name: string) => formatNumber(note.values[name] ?? 0);
  switch (note.code) {
    case 'planning':
      return t('jobNotes.planning');
    case 'writing':
      return t('jobNotes.writing', { done: number('done'), total: number('total') });
    case 'saving':
      return t('jobNotes.saving');
    case 'saved':
      return t('jobNotes.saved', { saved: number('saved'), total: number('total') });
    case 'savedWithFailures':
      return t('jobNotes.savedWithFailures', {
        saved: number('saved'),
        total: number('total'),
        failed: number('failed'),
      });
  }
}
