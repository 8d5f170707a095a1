// Text measurements the networks use: graphemes, code points, UTF-8 bytes, X's weighted length and SMS
// segments, plus link and hashtag extraction. Pure functions over strings; they run in the browser too.

let segmenter: Intl.Segmenter | undefined;

// Built on first use: building one loads the runtime's break rules (about 9 ms), and every workspace page
// loads this module (for channel names) while most never count a non-ASCII text.
function graphemeSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return segmenter;
}

// Segmenting is the costly part of counting (tens of µs a post); in ASCII text every character is its own
// grapheme except CR LF, so such text skips it. Listing a calendar counts every item it shows.
function isPlainAscii(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) if (text.charCodeAt(index) > 0x7f) return false;
  return !text.includes('\r\n');
}

/**
 * The user-perceived characters of `text` (an emoji ZWJ family or a letter with combining marks is one).
 * @example splitGraphemes('👩‍👩‍👧é') // ['👩‍👩‍👧', 'é']
 */
export function splitGraphemes(text: string): string[] {
  if (isPlainAscii(text)) return text.split('');
  return Array.from(graphemeSegmenter().segment(text), (part) => part.segment);
}

/** @example graphemeCount('🇫🇷 ok') // 4 */
export function graphemeCount(text: string): number {
  if (isPlainAscii(text)) return text.length;
  let count = 0;
  for (const _ of graphemeSegmenter().segment(text)) count += 1;
  return count;
}

/** Unicode code points, which is what most networks mean by "characters". @example codePointCount('😀a') // 2 */
export function codePointCount(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** Bytes of one code point in UTF-8. */
function utf8Width(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/** The UTF-8 length of `text`, without TextEncoder so it behaves the same everywhere. @example utf8ByteLength('é') // 2 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (const char of text) bytes += utf8Width(char.codePointAt(0) ?? 0);
  return bytes;
}

const PICTOGRAPHIC = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3|\uFE0F/u;

/**
 * Whether a grapheme is an emoji. Text symbols below U+2000 such as © count as emoji only with the emoji
 * presentation selector (U+FE0F), the way X's and Meta's counters treat them.
 */
export function isEmojiGrapheme(grapheme: string): boolean {
  if (!PICTOGRAPHIC.test(grapheme)) return false;
  const first = grapheme.codePointAt(0) ?? 0;
  return first >= 0x2000 || grapheme.includes('\uFE0F') || grapheme.includes('\u20E3');
}

/**
 * Threads' count: characters, except that an emoji counts as its UTF-8 bytes.
 * Source: Meta, Threads API "Posts" limitations (2026): "Text posts are limited to 500 characters. Emojis
 * are counted as the number of UTF-8 bytes."
 * @example threadsLength('hi 👋') // 7
 */
export function threadsLength(text: string): number {
  let count = 0;
  for (const grapheme of splitGraphemes(text)) {
    count += isEmojiGrapheme(grapheme) ? utf8ByteLength(grapheme) : codePointCount(grapheme);
  }
  return count;
}

// --- links and hashtags ---

// http(s) URLs and bare www. hosts; trailing sentence punctuation is not part of a link.
const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"]+[^\s<>".,;:!?)\]'}]/giu;

/** The links in `text`, in order. @example extractUrls('See https://a.io/x. Thanks') // ['https://a.io/x'] */
export function extractUrls(text: string): string[] {
  return text.match(URL_PATTERN) ?? [];
}

const HASHTAG_PATTERN = /(^|[^\p{L}\p{N}_&/])#([\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*)/gu;

/** Hashtags written inline in `text`, with their `#`. @example extractHashtags('Hi #Spring #2026x') // ['#Spring', '#2026x'] */
export function extractHashtags(text: string): string[] {
  return Array.from(text.matchAll(HASHTAG_PATTERN), (match) => `#${match[2]}`);
}

/**
 * One hashtag in canonical form: a leading `#`, letters, digits and underscores only; '' when nothing is left.
 * @example normalizeHashtag('  small business! ') // '#smallbusiness'
 */
export function normalizeHashtag(tag: string): string {
  const word = tag.normalize('NFC').replace(/[^\p{L}\p{N}_]/gu, '');
  return word ? `#${word}` : '';
}

/**
 * Hashtags normalised, de-duplicated case-insensitively (the first spelling wins) and capped at `max`.
 * @example normalizeHashtags(['bakery', '#Bakery', 'fresh bread'], 5) // ['#bakery', '#freshbread']
 */
export function normalizeHashtags(tags: readonly string[], max: number): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const tag of tags) {
    // The cap is checked before adding, so a cap of 0 keeps none.
    if (result.length >= max) break;
    const normal = normalizeHashtag(tag);
    const key = normal.toLowerCase();
    if (!normal || seen.has(key)) continue;
    seen.add(key);
    result.push(normal);
  }
  return result;
}

// --- X (Twitter) ---

/**
 * X's published counting configuration (twitter-text "v3" config, documented at
 * developer.x.com "Counting characters"): each code point weighs 2 except these ranges, which weigh 1
 * (Latin, Greek, Cyrillic, Hebrew, Arabic, Indic scripts and general punctuation). So most CJK characters
 * count 2. Every emoji sequence counts 2 and every URL counts 23 whatever its length; text is NFC-normalised.
 */
const X_LIGHT_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0x10ff],
  [0x2000, 0x200d],
  [0x2010, 0x201f],
  [0x2032, 0x2037],
];
/** X's length of any link after t.co wrapping. */
export const X_URL_LENGTH = 23;

function xCodePointWeight(codePoint: number): number {
  return X_LIGHT_RANGES.some(([from, to]) => codePoint >= from && codePoint <= to) ? 1 : 2;
}

/**
 * A post's length as X counts it: URLs 23, emoji 2, CJK 2, most other characters 1.
 * @example xWeightedLength('Hi https://example.com/a/very/long/path 🎉') // 3 + 23 + 1 + 2 = 29
 */
export function xWeightedLength(text: string): number {
  const normalized = text.normalize('NFC');
  const urlCount = extractUrls(normalized).length;
  const withoutUrls = normalized.replace(URL_PATTERN, '');
  let weight = urlCount * X_URL_LENGTH;
  for (const grapheme of splitGraphemes(withoutUrls)) {
    if (isEmojiGrapheme(grapheme)) {
      weight += 2;
      continue;
    }
    for (const char of grapheme) weight += xCodePointWeight(char.codePointAt(0) ?? 0);
  }
  return weight;
}

// --- SMS (3GPP TS 23.038 alphabets, TS 23.040 concatenation) ---

/** The GSM 03.38 default alphabet (one septet each). */
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
/** The GSM extension table: each costs an escape plus the character, two septets. */
const GSM_EXTENSION = new Set('\f^{}\\[~]|€');

/** Units per SMS: a single message, or each part of a concatenated one (the user data header costs 6 bytes). */
const SMS_CAPACITY = {
  'GSM-7': { single: 160, multipart: 153 },
  'UCS-2': { single: 70, multipart: 67 },
} as const;

/** How an SMS text is encoded and how many messages it is billed as. */
export interface SmsSegmentation {
  encoding: 'GSM-7' | 'UCS-2';
  /** Messages the text is split into (0 for empty text). */
  segments: number;
  /** Units each segment can hold at this size (160/153 septets or 70/67 UTF-16 units). */
  perSegment: number;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the whole text needs. */
  units: number;
}

/**
 * The encoding and segment count of an SMS. Any character outside the GSM alphabets switches the whole
 * message to UCS-2; extension characters such as € cost two septets; a character never straddles segments.
 * @example smsSegments('Price: 5€') // { encoding: 'GSM-7', segments: 1, perSegment: 160, units: 10 }
 */
export function smsSegments(text: string): SmsSegmentation {
  const chars = Array.from(text);
  const gsm = chars.every((char) => GSM_BASIC.has(char) || GSM_EXTENSION.has(char));
  const encoding = gsm ? 'GSM-7' : 'UCS-2';
  const costs = chars.map((char) => (gsm ? (GSM_EXTENSION.has(char) ? 2 : 1) : char.length));
  const units = costs.reduce((sum, cost) => sum + cost, 0);
  const capacity = SMS_CAPACITY[encoding];
  if (units === 0) return { encoding, segments: 0, perSegment: capacity.single, units };
  if (units <= capacity.single) return { encoding, segments: 1, perSegment: capacity.single, units };
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > capacity.multipart) {
      segments += 1;
      used = 0;
    }
    used += cost;
  }
  return { encoding, segments, perSegment: capacity.multipart, units };
}
