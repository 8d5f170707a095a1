/** A member who can be mentioned. */
export interface Mentionable {
  id: string;
  name: string;
}

/**
 * The `@word` being typed just before the caret, if any: what the suggestions filter on.
 *
 * @example
 * mentionQuery('Thanks @ol', 10) // { query: 'ol', start: 7 }
 */
export function mentionQuery(text: string, caret: number): { query: string; start: number } | undefined {
  const match = /(^|\s)@([^\s@]{0,30})$/u.exec(text.slice(0, caret));
  if (!match) return undefined;
  return { query: match[2] ?? '', start: caret - (match[2]?.length ?? 0) - 1 };
}

/** Members whose name has a word starting with `query` (any case), at most `limit`. */
export function suggestMembers(members: readonly Mentionable[], query: string, limit = 5): Mentionable[] {
  const needle = query.toLocaleLowerCase();
  return members
    .filter((member) =>
      member.name
        .toLocaleLowerCase()
        .split(/\s+/)
        .some((word) => word.startsWith(needle)),
    )
    .slice(0, limit);
}

/** The ids of the picked members whose `@Name` is still in the text (a deleted mention notifies no one). */
export function mentionsIn(text: string, picked: readonly Mentionable[]): string[] {
  return [...new Set(picked.filter((member) => text.includes(`@${member.name}`)).map((member) => member.id))];
}

/** The text cut into plain runs and `@Name` runs of the people it mentions, in order, to show them apart. */
export function splitMentions(
  text: string,
  mentioned: readonly Mentionable[],
): { text: string; mention: boolean }[] {
  const names = [...new Set(mentioned.map((member) => `@${member.name}`))].sort(
    (a, b) => b.length - a.length,
  );
  const parts: { text: string; mention: boolean }[] = [];
  let rest = text;
  while (rest !== '') {
    let at = -1;
    let found = '';
    for (const name of names) {
      const index = rest.indexOf(name);
      if (index >= 0 && (at < 0 || index < at)) {
        at = index;
        found = name;
      }
    }
    if (at < 0) {
      parts.push({ text: rest, mention: false });
      break;
    }
    if (at > 0) parts.push({ text: rest.slice(0, at), mention: false });
    parts.push({ text: found, mention: true });
    rest = rest.slice(at + found.length);
  }
  return parts;
}
