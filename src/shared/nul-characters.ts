// U+0000 (NUL) is a valid JSON and JavaScript character that PostgreSQL cannot store in text, while SQLite
// can. So that both databases give one answer, the API refuses it in every input (a 400 naming the field),
// except in customer text arriving from other systems, which cannot be corrected by the sender and is
// stored without it (see docs/inbox.md).

const NUL = '\u0000';

/** The field-error code for a value that contains U+0000. */
export const NUL_CHARACTER_CODE = 'nul_character';

/** A field that holds U+0000, and what to tell the client about it. */
export interface NulField {
  path: string;
  message: string;
}

/**
 * Every string value or object key under `value` that holds U+0000, as dotted paths under `prefix`.
 * Walks without recursion, so a deeply nested body cannot exhaust the stack.
 * @example findNulFields({ name: 'a\u0000b' }, 'body') // [{ path: 'body.name', message: 'Remove … (U+0000) …' }]
 */
export function findNulFields(value: unknown, prefix: string): NulField[] {
  const found: NulField[] = [];
  const pending: Array<{ value: unknown; path: string; badKey?: boolean }> = [{ value, path: prefix }];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    if (item.badKey)
      found.push({ path: item.path, message: 'Remove the NUL character (U+0000) from this name' });
    if (typeof item.value === 'string') {
      if (item.value.includes(NUL)) found.push({ path: item.path, message: messageFor(item.value) });
    } else if (item.value !== null && typeof item.value === 'object') {
      const children = Object.entries(item.value).map(([key, child]) => ({
        value: child,
        path: `${item.path}.${key.replaceAll(NUL, '\\u0000')}`,
        badKey: key.includes(NUL),
      }));
      // Reversed onto the stack, so fields are reported in the order the client wrote them.
      for (const child of children.reverse()) pending.push(child);
    }
  }
  return found;
}

/**
 * `value` with U+0000 removed from every string and object key, changed in place (objects and arrays)
 * and returned (a string comes back as a new string).
 * @example stripNulCharacters({ body: 'Hi\u0000!' }) // { body: 'Hi!' }
 */
export function stripNulCharacters<T>(value: T): T {
  if (typeof value === 'string') return value.replaceAll(NUL, '') as T;
  const pending: unknown[] = [value];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    if (item === null || typeof item !== 'object') continue;
    const record = item as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const child = record[key];
      const clean = typeof child === 'string' ? child.replaceAll(NUL, '') : child;
      const cleanKey = key.replaceAll(NUL, '');
      if (cleanKey !== key) delete record[key];
      // Defined rather than assigned: a key that becomes "__proto__" stays a plain field.
      Object.defineProperty(record, cleanKey, {
        value: clean,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      if (clean !== null && typeof clean === 'object') pending.push(clean);
    }
  }
  return value;
}

/** Where the first NUL is, so a long text (a CSV file) can be fixed without searching for it. */
function messageFor(text: string): string {
  const index = text.indexOf(NUL);
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  const where = line > 1 ? `line ${line}` : `character ${index + 1}`;
  return `Remove the NUL character (U+0000), first at ${where}: it cannot be stored`;
}
