import { validateForChannel } from '#shared/channels.js';
import type { ContentItem } from '#shared/content.schema.js';

// The measures behind `BENCH_SUITE=ai-quality`. They are written independently of the product's own checks
// (src/server/ai/): a bench that reused them could only agree with them.

/** Everything a reader of a saved item sees: body, thread, call to action and hashtags. */
export function publishedText(
  item: Pick<ContentItem, 'body' | 'thread' | 'call_to_action' | 'hashtags'>,
): string {
  return [item.body, ...item.thread, item.call_to_action, item.hashtags.join(' ')].join('\n');
}

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];

/**
 * Similarity of two texts: the Jaccard index of their sets of word bigrams (lower case, punctuation
 * ignored). 1 for the same words in the same order, 0 for no adjacent pair in common; a shared opener on
 * otherwise different copy scores low, the same copy behind another opener scores high.
 */
export function bigramSimilarity(a: string, b: string): number {
  const bigrams = (text: string) => {
    const list = words(text);
    return new Set(list.slice(1).map((word, index) => `${list[index]} ${word}`));
  };
  const left = bigrams(a);
  const right = bigrams(b);
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const bigram of left) if (right.has(bigram)) shared++;
  return shared / (left.size + right.size - shared);
}

/** The mean similarity over every pair of `texts` (0 when there is no pair). */
export function meanPairwiseSimilarity(texts: readonly string[]): number {
  const scores: number[] = [];
  for (let i = 0; i < texts.length; i++)
    for (let j = i + 1; j < texts.length; j++) scores.push(bigramSimilarity(texts[i] ?? '', texts[j] ?? ''));
  return scores.length === 0 ? 0 : scores.reduce((sum, score) => sum + score, 0) / scores.length;
}

// Small function-word lists: enough to tell English from German in a sentence or two.
const FUNCTION_WORDS: Record<'en' | 'de', ReadonlySet<string>> = {
  en: new Set(
    'the and a an of to in is are for with on our your we you it this that at from by be or as have has will can all more new now just get'.split(
      ' ',
    ),
  ),
  de: new Set(
    'der die das und in ein eine einen dem den des zu zum zur vom am um im ist sind für mit auf unser unsere ihr wir sie es dies diese bei von aus oder als hat haben wird kann alle mehr neu jetzt nur noch auch nicht'.split(
      ' ',
    ),
  ),
};

/**
 * The language the text is most likely in, by its share of English and German function words; `undefined`
 * when it has fewer than eight words or neither list matches (too short to tell).
 */
export function likelyLanguage(text: string): 'en' | 'de' | undefined {
  const list = words(text);
  if (list.length < 8) return undefined;
  const count = (language: 'en' | 'de') => list.filter((word) => FUNCTION_WORDS[language].has(word)).length;
  const en = count('en');
  const de = count('de');
  if (en === de) return undefined;
  return en > de ? 'en' : 'de';
}

/**
 * Whether `text` (hashtags included) holds an avoided word or a form of it: in English, at the start of a
 * word ("cheap" → "cheaper", "#CheapEats"; "guarantee" → "guaranteed"); in German anywhere in a word, for
 * compounds ("billig" → "billiges", "spottbillig").
 */
export function holdsAvoidedWord(text: string, avoided: readonly string[], language: 'en' | 'de'): string[] {
  const lower = text.toLowerCase();
  const found: string[] = [];
  for (const word of avoided) {
    const root = word.toLowerCase().replace(/(e|es|en|ed|s)$/u, '');
    const pattern =
      language === 'de'
        ? new RegExp(root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'u')
        : new RegExp(`(?<![\\p{L}])#?${root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u');
    if (pattern.test(lower)) found.push(word);
  }
  return found;
}

/** Template leftovers a reader must never see. */
const PLACEHOLDER =
  /\[[A-Z][A-Z0-9 _-]{2,}\]|\{\{[^}]*\}\}|<\s*insert[^>]*>|lorem ipsum|\bTODO\b|\bXXX\b|\bTBD\b/iu;

export function hasPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text);
}

const URL_PATTERN =
  /\bhttps?:\/\/[^\s)>\]"']+|\b(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|ly|co|de|example)(?:\/[^\s)>\]"']*)?/giu;

/** Links in `text` whose host is not one of `knownHosts` (the website's and the products'). */
export function foreignLinks(text: string, knownHosts: ReadonlySet<string>): string[] {
  return (text.match(URL_PATTERN) ?? []).filter((link) => {
    const host = link
      .replace(/^https?:\/\//i, '')
      .split('/')[0]
      ?.toLowerCase()
      .replace(/^www\./, '');
    return host !== undefined && !knownHosts.has(host);
  });
}

/** Whether an item carries a warning about a link (the product flags links it did not expect). */
export function flaggedLink(item: Pick<ContentItem, 'warnings'>): boolean {
  return item.warnings.some((warning) => /link|url/i.test(`${warning.code} ${warning.message}`));
}

/** Issues that block publishing on the item's channel (length, hashtags, thread, segments...). */
export function overLimit(item: ContentItem): string[] {
  return validateForChannel(item.channel, {
    body: item.body,
    thread: item.thread,
    hashtags: item.hashtags,
    title: item.title,
  })
    .filter((issue) => issue.severity === 'error')
    .map((issue) => issue.code);
}

/** Whether an instant falls outside a daily local window (`HH:MM` to `HH:MM`, inclusive). */
export function outsideWindow(at: string, timeZone: string, window: { from: string; to: string }): boolean {
  const local = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(at));
  return local < window.from || local > window.to;
}

/**
 * Instructions to the writer that leaked into the copy: any sentence of the item's brief (five words or
 * more) found in its text, or an opener that only ever addresses the writer.
 */
export function leakedInstructions(text: string, brief: string | undefined): string[] {
  const leaks: string[] = [];
  const lower = text.toLowerCase();
  for (const sentence of (brief ?? '').split(/(?<=[.!?])\s+/u)) {
    const clean = sentence
      .trim()
      .replace(/[.!?]+$/u, '')
      .toLowerCase();
    if (clean.split(/\s+/u).length >= 5 && lower.includes(clean)) leaks.push(sentence.trim());
  }
  for (const opener of WRITER_INSTRUCTIONS) {
    const match = text.match(opener);
    if (match) leaks.push(match[0]);
  }
  return leaks;
}

// Openers a planner writes for the writer and a customer never reads, in English and German.
const WRITER_INSTRUCTIONS: RegExp[] = [
  /(?:^|[.!?]\s+)(?:End|Close|Finish) (?:by|with) (?:inviting|asking|a|an|the)\b[^.!?]*/u,
  /(?:^|[.!?]\s+)Remind (?:subscribers|followers|readers|customers|people) (?:that|to|of)\b[^.!?]*/u,
  /(?:^|[.!?]\s+)One practical tip on\b[^.!?]*/u,
  /(?:^|[.!?]\s+)(?:Explain|Describe|Highlight|Mention|Showcase) (?:how|why|what|the|our|a|an)\b[^.!?]*/u,
  /(?:^|[.!?]\s+)(?:Invite|Ask|Encourage) (?:people|readers|followers|subscribers|the audience) to\b[^.!?]*/u,
  /(?:^|[.!?]\s+)(?:Write|Post|Share) (?:a|an|about|one)\b[^.!?]*(?:post|story|tip|update)\b[^.!?]*/u,
  /(?:^|[.!?]\s+)(?:Erkläre|Beschreibe) [^.!?]*/u,
  /(?:^|[.!?]\s+)Erinnere (?:die|alle) (?:Abonnenten|Follower|Kunden|Leser)\b[^.!?]*/u,
  /(?:^|[.!?]\s+)(?:Beende|Schließe) (?:mit|den Beitrag)\b[^.!?]*/u,
];
