// Template markers a model (or a template) leaves behind instead of copy: "[PRODUCT NAME]", "{{cta}}",
// "<insert link>", "Lorem ipsum", "TODO:". A text carrying one is not ready to publish.

const PLACEHOLDER_WORDS =
  'insert|your|name|product|company|business|brand|link|url|date|time|price|cta|call to action|placeholder|here|address|phone|email|offer|discount|code|location|city|customer|client|number|x+';

const PATTERNS: readonly RegExp[] = [
  // {{cta}}, {{ first_name }}, {cta}, ${name}
  /\$?\{\{?\s*[\p{L}_][\p{L}\p{N}_ .-]{0,40}\}\}?/gu,
  // [PRODUCT NAME], [LINK]: capitals only (with at least two letters, so "[1/3]" is not one).
  /\[(?=[^\]\n]*\p{Lu}[^\]\n]*\p{Lu})[\p{Lu}\p{N}_][\p{Lu}\p{N}_ /&-]{1,40}\]/gu,
  // [Insert link here], [your city]: a placeholder word inside.
  new RegExp(`\\[[^\\]\\n]{0,30}\\b(?:${PLACEHOLDER_WORDS})\\b[^\\]\\n]{0,30}\\]`, 'giu'),
  // <insert link>, <your name>, <PRODUCT>
  /<\s*(?:insert|your|add|enter|put|link|url|product|name)\b[^<>\n]{0,60}>/giu,
  /\blorem\s+ipsum\b/giu,
  // Author's notes, in capitals as writers leave them (lower-case "todo" is Spanish and Portuguese for "all").
  /\b(?:TODO|TBD|FIXME|XXX+)\b/gu,
];

/** A template marker found in a text. */
export interface PlaceholderMatch {
  text: string;
  index: number;
}

/**
 * The template markers in `text`, in order.
 * @example findPlaceholders('Try [PRODUCT NAME] today {{cta}}').map((m) => m.text) // ['[PRODUCT NAME]', '{{cta}}']
 */
export function findPlaceholders(text: string): PlaceholderMatch[] {
  const matches: PlaceholderMatch[] = [];
  for (const pattern of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const overlaps = matches.some(
        (known) =>
          match.index < known.index + known.text.length && known.index < match.index + match[0].length,
      );
      if (!overlaps) matches.push({ text: match[0], index: match.index });
    }
  }
  return matches.sort((a, b) => a.index - b.index);
}
