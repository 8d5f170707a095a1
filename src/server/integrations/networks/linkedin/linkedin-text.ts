// LinkedIn's Posts API reads `commentary` in its "little" text format (learn.microsoft.com/linkedin/
// marketing/community-management/shares/little-text-format): `\ | { } @ [ ] ( ) < > # * _ ~` are markup
// (mentions `@[Name](urn)`, templates `{hashtag|\#|word}`), and LinkedIn cuts the post off silently at the
// first one it cannot parse. So every reserved character is escaped, except inside links (they must stay
// as written to link) and the `#` of a hashtag (a plain `#word` is the format's hashtag element).

const RESERVED = /[\\|{}@[\]()<>#*_~]/gu;
const URL_PATTERN = /https?:\/\/[^\s<>"]+/giu;

/**
 * @example
 * littleText('Open (Mon–Fri) #bakery https://x.example/a_b'); // 'Open \\(Mon–Fri\\) #bakery https://x.example/a_b'
 */
export function littleText(text: string): string {
  let out = '';
  let from = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    out += escapePlain(text.slice(from, match.index));
    out += match[0];
    from = match.index + match[0].length;
  }
  return out + escapePlain(text.slice(from));
}

function escapePlain(text: string): string {
  return text.replace(RESERVED, (char, offset: number) => {
    if (char === '#' && isHashtag(text, offset)) return char;
    return `\\${char}`;
  });
}

/** `#word` at a word's start: LinkedIn makes it a hashtag. */
function isHashtag(text: string, offset: number): boolean {
  const before = offset === 0 ? '' : (text[offset - 1] ?? '');
  const after = text.slice(offset + 1, offset + 2);
  return /^[\p{L}\p{N}]$/u.test(after) && !/^[\p{L}\p{N}_]$/u.test(before);
}
