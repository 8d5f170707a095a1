import type { BrandVoice, Tone } from '#shared/brand.schema.js';

// The brand voice as the offline writer and the prompts use it: sliders turned into choices and words.

/** Writing choices derived from the tone sliders (each slider runs 0–100). */
export interface VoiceStyle {
  /** formal_casual ≥ 60: contractions, "you" address, relaxed openers. */
  casual: boolean;
  /** formal_casual ≤ 35: no contractions, no exclamation marks. */
  formal: boolean;
  /** serious_playful ≥ 60: emoji and lighter phrasing are welcome. */
  playful: boolean;
  /** reserved_enthusiastic ≥ 60: exclamation marks on hooks and calls to action. */
  enthusiastic: boolean;
  /** traditional_modern ≥ 60: fresher vocabulary ("drop", "level up"). */
  modern: boolean;
}

/** The writing choices for a tone. @example voiceStyle({ formal_casual: 80, … }).casual // true */
export function voiceStyle(tone: Tone): VoiceStyle {
  return {
    casual: tone.formal_casual >= 60,
    formal: tone.formal_casual <= 35,
    playful: tone.serious_playful >= 60,
    enthusiastic: tone.reserved_enthusiastic >= 60 && tone.formal_casual > 35,
    modern: tone.traditional_modern >= 60,
  };
}

function describeSlider(value: number, low: string, high: string): string {
  if (value <= 20) return `very ${low}`;
  if (value <= 40) return `rather ${low}`;
  if (value < 60) return `balanced between ${low} and ${high}`;
  if (value < 80) return `rather ${high}`;
  return `very ${high}`;
}

/**
 * The tone sliders in words, for a model.
 * @example describeTone({ formal_casual: 90, serious_playful: 40, … }) // 'very casual; rather serious; …'
 */
export function describeTone(tone: Tone): string {
  return [
    describeSlider(tone.formal_casual, 'formal', 'casual'),
    describeSlider(tone.serious_playful, 'serious', 'playful'),
    describeSlider(tone.reserved_enthusiastic, 'reserved', 'enthusiastic'),
    describeSlider(tone.traditional_modern, 'traditional', 'modern'),
  ].join('; ');
}

const CONTRACTIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bwe are\b/giu, "we're"],
  [/\byou are\b/giu, "you're"],
  [/\bit is\b/giu, "it's"],
  [/\bdo not\b/giu, "don't"],
  [/\bcannot\b/giu, "can't"],
  [/\byou will\b/giu, "you'll"],
  [/\bwe will\b/giu, "we'll"],
  [/\bthat is\b/giu, "that's"],
  [/\bwe have\b/giu, "we've"],
  [/\blet us\b/giu, "let's"],
];

function keepCase(match: string, replacement: string): string {
  return match.charAt(0) === match.charAt(0).toUpperCase()
    ? replacement.charAt(0).toUpperCase() + replacement.slice(1)
    : replacement;
}

/** Contract common pairs ("we are" → "we're") for a casual voice. */
export function contract(text: string): string {
  return CONTRACTIONS.reduce(
    (result, [pattern, replacement]) => result.replace(pattern, (match) => keepCase(match, replacement)),
    text,
  );
}

/** Expand contractions ("we're" → "we are") for a formal voice. */
export function expandContractions(text: string): string {
  let result = text.replace(/\bcan['’]t\b/giu, (match) => keepCase(match, 'cannot'));
  result = result.replace(/\bwon['’]t\b/giu, (match) => keepCase(match, 'will not'));
  result = result.replace(/\blet['’]s\b/giu, (match) => keepCase(match, 'let us'));
  result = result.replace(/\b(\w+)n['’]t\b/giu, '$1 not');
  result = result.replace(/\b(we|you|they)['’]re\b/giu, '$1 are');
  result = result.replace(/\b(it|that|there|here)['’]s\b/giu, '$1 is');
  result = result.replace(/\b(we|you|they|I)['’]ll\b/gu, '$1 will');
  result = result.replace(/\b(we|you|they|I)['’]ve\b/gu, '$1 have');
  return result;
}

/** Up to `count` words to use that `text` does not contain yet, in the order the brand listed them. */
export function missingWordsToUse(voice: BrandVoice, text: string, count: number): string[] {
  const lower = text.toLowerCase();
  const avoid = new Set(voice.words_to_avoid.map((word) => word.toLowerCase()));
  return voice.words_to_use
    .filter((word) => !lower.includes(word.toLowerCase()) && !avoid.has(word.toLowerCase()))
    .slice(0, count);
}
