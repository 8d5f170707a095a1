// While a model writes structured output, the stream carries JSON text. People want to watch the posts
// appear, not the JSON, so this reads the `body` strings out of JSON that is still being written.

const BODY = /"body"\s*:\s*"((?:[^"\\]|\\.)*)/g;
const ESCAPES: Record<string, string> = {
  n: '\n',
  r: '',
  t: '\t',
  b: '',
  f: '',
  '"': '"',
  '\\': '\\',
  '/': '/',
};

function unescapeJson(text: string): string {
  // One pass, so an escaped backslash followed by "u0041" stays literal text; an escape cut off at the
  // end of the text so far (`\`, `\u00`) shows nothing until the rest arrives.
  return text.replace(/\\(u[0-9a-fA-F]{4}|u[0-9a-fA-F]{0,3}$|.|$)/g, (_, sequence: string) => {
    if (sequence.length === 5) return String.fromCharCode(Number.parseInt(sequence.slice(1), 16));
    if (sequence === '' || sequence.startsWith('u')) return '';
    return ESCAPES[sequence] ?? sequence;
  });
}

/**
 * The `body` of each variant written so far, the last one possibly unfinished; empty before the first
 * body starts (or when the text is not JSON at all).
 *
 * @example bodiesSoFar('{"variants":[{"title":"A","body":"Fresh bread da') // ['Fresh bread da']
 */
export function bodiesSoFar(partialJson: string): string[] {
  return Array.from(partialJson.matchAll(BODY), (match) => unescapeJson(match[1] ?? ''));
}
