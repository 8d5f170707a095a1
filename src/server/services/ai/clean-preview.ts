/**
 * A streamed answer's preview, cleaned the way the final result is: the model's raw text may carry words
 * the brand avoids, which the result never shows, so neither should the preview. `clean` is applied to
 * all the text received so far, and only what extends the text already sent goes out (deltas can only be
 * appended). The last few words are held back until more text arrives, so a word or phrase to avoid is
 * whole before it is judged; `flush` sends the rest once the answer is complete.
 *
 * @example
 * const preview = cleanPreview(send, (text) => removeWordsToAvoid(text, ['cheap']), 1);
 * preview.push('Fresh and che'); preview.push('ap bread '); preview.flush(); // sent: 'Fresh and bread'
 */
export function cleanPreview(
  send: (text: string) => void,
  clean: (text: string) => string,
  /** Words in the longest phrase `clean` removes: that many trailing words wait for the next text. */
  heldWords: number,
): { push(text: string): void; flush(): void } {
  let received = '';
  let sent = '';
  const emit = (text: string) => {
    const cleaned = clean(text);
    // Cleaning a longer text may rewrite its end; a preview that cannot be extended waits for the result.
    if (cleaned.length > sent.length && cleaned.startsWith(sent)) {
      send(cleaned.slice(sent.length));
      sent = cleaned;
    }
  };
  return {
    push(text) {
      received += text;
      const settled = settledPart(received, heldWords);
      if (settled.length > 0) emit(settled);
    },
    flush() {
      emit(received);
    },
  };
}

/** What separates words: white space, punctuation, and the quotes and brackets of the JSON being written. */
const SEPARATOR = /[\s"',.;:!?()[\]{}]/u;

/** `text` without its last `words` words, the last one possibly unfinished (scanned from the end). */
function settledPart(text: string, words: number): string {
  let end = text.length;
  for (let word = 0; word < Math.max(1, words); word++) {
    if (word > 0) while (end > 0 && SEPARATOR.test(text[end - 1] ?? '')) end--;
    while (end > 0 && !SEPARATOR.test(text[end - 1] ?? '')) end--;
  }
  return text.slice(0, end);
}
