/**
 * A value from an emailed link's fragment (`#token=…`). Links carry their tokens there because a browser
 * never sends the fragment to a server: it stays out of access logs and Referer headers.
 */
export function fragmentValue(hash: string, name: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get(name) ?? '';
}
