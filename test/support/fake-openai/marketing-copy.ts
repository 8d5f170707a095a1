/**
 * Plausible marketing words for the fake's default replies, chosen deterministically so that a demo or a
 * test sees the same copy for the same prompt.
 */

const PARAGRAPH_SENTENCES = [
  'Launch campaigns in minutes, not weeks, with copy tuned to every channel.',
  'Your customers notice when a message feels written for them; now every message can be.',
  'Plan the week, schedule the posts and watch the results arrive in one calm dashboard.',
  'Small teams punch above their weight when the busywork takes care of itself.',
  'Try it free for fourteen days and keep everything you create.',
  'Clear offers, friendly words and a single call to action beat clever slogans every time.',
];

// Property-name hints → candidate values, so a generated object reads like real marketing output.
const WORDS_BY_HINT: Array<[RegExp, string[]]> = [
  [
    /headline|title|subject|heading|hook/i,
    ['Grow faster with campaigns that write themselves', 'Your next launch, planned in minutes'],
  ],
  [/cta|call_?to_?action|button/i, ['Start your free trial', 'Book a demo', 'Shop the collection']],
  [/hashtag/i, ['#growth', '#marketing', '#launchday']],
  [/keyword|tag/i, ['growth', 'small business', 'email marketing']],
  [/audience|persona|segment/i, ['Busy founders', 'Small-business owners', 'Returning customers']],
  [/channel|platform|network/i, ['email', 'instagram', 'linkedin']],
  [/tone|voice|style/i, ['friendly', 'confident', 'playful']],
  [/name|brand|product|campaign/i, ['Spring Launch', 'Northwind Coffee', 'Summer Sale']],
  [
    /summary|description|body|text|content|copy|caption|message|reason|rationale|explanation|idea/i,
    PARAGRAPH_SENTENCES,
  ],
];

const FALLBACK_WORDS = [
  'Clear, friendly copy that converts',
  'A fresh angle for this week',
  'Quick win worth testing',
];

/** A stable small number for `text`, used to vary copy between prompts without randomness. */
export function seedOf(text: string): number {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return hash;
}

/** A short marketing paragraph (two sentences) picked by `seed`. */
export function marketingParagraph(seed: number): string {
  const first = seed % PARAGRAPH_SENTENCES.length;
  const second = (first + 1 + (seed % (PARAGRAPH_SENTENCES.length - 1))) % PARAGRAPH_SENTENCES.length;
  return `${PARAGRAPH_SENTENCES[first]} ${PARAGRAPH_SENTENCES[second]}`;
}

/** Words suited to a field called `name`; `index` picks among them (e.g. the position in an array). */
export function wordsForField(name: string, index: number): string {
  const candidates = WORDS_BY_HINT.find(([hint]) => hint.test(name))?.[1] ?? FALLBACK_WORDS;
  return candidates[index % candidates.length] ?? 'Clear, friendly copy';
}

/** Filler appended when a schema asks for a longer string than the chosen words. */
export const FILLER_SENTENCE = 'Built for teams who would rather talk to customers than wrestle with tools.';
