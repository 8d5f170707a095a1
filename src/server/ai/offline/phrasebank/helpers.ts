// Small helpers the phrase banks share.

/** `text` with its first letter upper-cased. */
export function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Whether every value is present: `need(f.product, f.price) ? … : null`. */
export function need(...values: ReadonlyArray<string | null>): boolean {
  return values.every((value) => value !== null && value.trim() !== '');
}

/** `text` without its final sentence punctuation, to embed a sentence after a colon or in a list. */
export function bare(text: string): string {
  return text.trim().replace(/[.!?…]+$/u, '');
}
