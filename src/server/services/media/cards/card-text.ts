// Text for the SVG a card is drawn from: made safe for XML, measured without a font engine, wrapped.

/**
 * `text` as XML character data: markup characters escaped, and characters XML 1.0 forbids (controls,
 * lone surrogates, U+FFFE/U+FFFF) dropped, so no user text can close an element or break the parser.
 *
 * @example escapeXml('</text><script>') // '&lt;/text&gt;&lt;script&gt;'
 */
export function escapeXml(text: string): string {
  return stripForbidden(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

function stripForbidden(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const control = code < 0x20 && char !== '\t' && char !== '\n' && char !== '\r';
    const surrogate = code >= 0xd800 && code <= 0xdfff;
    if (control || surrogate || code === 0xfffe || code === 0xffff || code === 0x7f) continue;
    out += char;
  }
  return out;
}

/**
 * Paragraphs of `text` with their whitespace collapsed: line breaks a person typed are kept (a quote's
 * lines), everything else becomes single spaces.
 */
export function paragraphsOf(text: string): string[] {
  return stripForbidden(text)
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/gu, ' ').trim())
    .filter((line) => line.length > 0);
}

/** How the width of a run of text is estimated: per character class, in ems. */
export interface FontMetrics {
  /** Monospaced fonts: every character this wide. */
  mono?: number;
  narrow: number;
  space: number;
  lower: number;
  upper: number;
  digit: number;
  wide: number;
}

// Measured on DejaVu Sans and Serif Bold (the widest faces the cards use) with librsvg, rounded up: an
// estimate too wide only wraps a little early, one too narrow would push text past the edge.
const PROPORTIONAL: FontMetrics = {
  narrow: 0.4,
  space: 0.36,
  lower: 0.68,
  upper: 0.86,
  digit: 0.72,
  wide: 1.13,
};
const MONOSPACED: FontMetrics = { ...PROPORTIONAL, mono: 0.61 };

export function metricsFor(font: 'sans' | 'serif' | 'mono'): FontMetrics {
  return font === 'mono' ? MONOSPACED : PROPORTIONAL;
}

const NARROW = new Set([...'iljtfrI!|.,:;\'`"()[]{}-']);
const WIDE = new Set([...'mwMWŒœÆæ@%']);

/** The estimated width of `text` at `fontSize` pixels. */
export function textWidth(text: string, fontSize: number, metrics: FontMetrics): number {
  let ems = 0;
  for (const char of text) {
    if (metrics.mono) {
      ems += isWideScript(char) ? 2 * metrics.mono : metrics.mono;
      continue;
    }
    if (char === ' ') ems += metrics.space;
    else if (NARROW.has(char)) ems += metrics.narrow;
    else if (WIDE.has(char) || isWideScript(char)) ems += metrics.wide;
    else if (/\p{Lu}/u.test(char)) ems += metrics.upper;
    else if (/\p{N}/u.test(char)) ems += metrics.digit;
    else ems += metrics.lower;
  }
  return ems * fontSize;
}

/** CJK, emoji and other characters drawn a full em wide (or more) in any fallback font. */
function isWideScript(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    code >= 0x1100 &&
    /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Extended_Pictographic}]/u.test(
      char,
    )
  );
}

/**
 * `text` broken into lines no wider than `maxWidth`: at spaces where possible, inside a word only when the
 * word alone is too wide (a long URL, a German compound).
 */
export function wrapText(text: string, fontSize: number, maxWidth: number, metrics: FontMetrics): string[] {
  const lines: string[] = [];
  for (const paragraph of paragraphsOf(text)) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const candidate = line ? `${line} ${word}` : word;
      if (textWidth(candidate, fontSize, metrics) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      for (const piece of breakWord(word, fontSize, maxWidth, metrics)) {
        if (line) lines.push(line);
        line = piece;
      }
    }
    if (line) lines.push(line);
  }
  return lines;
}

/** A word cut into pieces that each fit (the last may be short). */
function breakWord(word: string, fontSize: number, maxWidth: number, metrics: FontMetrics): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece && textWidth(piece + char, fontSize, metrics) > maxWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/**
 * The first `maxLines` of `lines`, the last of them ending in an ellipsis when any were left out (and
 * shortened until it fits with it).
 */
export function clampLines(
  lines: string[],
  maxLines: number,
  fontSize: number,
  maxWidth: number,
  metrics: FontMetrics,
): string[] {
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept.at(-1) ?? '';
  while (last && textWidth(`${last}…`, fontSize, metrics) > maxWidth) last = [...last].slice(0, -1).join('');
  kept[kept.length - 1] = `${last.trimEnd()}…`;
  return kept;
}
