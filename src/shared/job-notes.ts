/**
 * What a job says of its progress, from a closed list: the API's `progress_message` carries the English,
 * and the web app reads the note back (`readJobNote`) to show it in the reader's language. A message not
 * written from this list is shown as it is.
 */
export const JOB_NOTES = {
  planning: 'Planning the calendar',
  writing: 'Wrote {done} of {total}',
  saving: 'Saving the calendar',
  saved: 'Saved {saved} of {total}',
  savedWithFailures: 'Saved {saved} of {total}; {failed} could not be written',
} as const;

export type JobNoteCode = keyof typeof JOB_NOTES;

/** The numbers a note's text names. */
export type JobNoteValues = Record<string, number>;

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * A note's English text, its placeholders filled.
 * @example jobNote('writing', { done: 3, total: 10 }) // 'Wrote 3 of 10'
 */
export function jobNote(code: JobNoteCode, values: JobNoteValues = {}): string {
  return JOB_NOTES[code].replace(PLACEHOLDER, (_, name: string) => String(values[name] ?? ''));
}

const READERS = (Object.entries(JOB_NOTES) as [JobNoteCode, string][]).map(([code, template]) => {
  const names = [...template.matchAll(PLACEHOLDER)].map(([, name = '']) => name);
  const pattern = template
    .split(PLACEHOLDER)
    .map((part, index) => (index % 2 === 1 ? '(\\d+)' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
    .join('');
  return { code, names, pattern: new RegExp(`^${pattern}$`) };
});

/**
 * The note a job's message was written from, with its numbers; undefined for any other text.
 * @example readJobNote('Wrote 3 of 10') // { code: 'writing', values: { done: 3, total: 10 } }
 */
export function readJobNote(text: string): { code: JobNoteCode; values: JobNoteValues } | undefined {
  for (const { code, names, pattern } of READERS) {
    const match = pattern.exec(text);
    if (match) {
      return {
        code,
        values: Object.fromEntries(names.map((name, index) => [name, Number(match[index + 1])])),
      };
    }
  }
  return undefined;
}
