import { describe, expect, it } from 'vitest';
import {
  type ContentDraft,
  type PlannedItem,
  planCalendarInputSchema,
  writeContentInputSchema,
} from '#shared/ai-tasks.schema.js';
import type { ChannelId, ContentFormat } from '#shared/channel-ids.js';
import { CONTENT_FORMATS } from '#shared/channel-ids.js';
import { smsSegments } from '#shared/channel-text.js';
import { validateForChannel } from '#shared/channels.js';
import { findWordsToAvoid } from '../prompt-safety.js';
import type { BusinessContext } from '../task.js';
import { planCalendarTask } from '../tasks/plan-calendar.task.js';
import { writeContentTask } from '../tasks/write-content.task.js';
import { splitPascal } from './hashtags.js';
import { PHRASE_BANKS } from './phrasebank/index.js';
import { type Facts, WRITER_LANGUAGES, type WriterLanguage } from './phrasebank/types.js';
import { BAKERY_DE_DE, CAFE_EN_US, NAMESAKE_EN_GB, QUALITY_BRANDS, SAAS_EN_GB } from './quality-brands.js';
import { meanPairwiseSimilarity, shingleSimilarity } from './similarity.js';
import { splitSentences, wordsOf } from './text-tools.js';
import { writeDraft } from './writer.js';

const NOW = new Date('2026-11-26T09:00:00Z');
const CHANNELS: ChannelId[] = ['instagram', 'facebook', 'linkedin', 'x', 'email', 'sms'];

/** Everything a reader sees of a draft (the media brief is a note for whoever takes the photo). */
function copyOf(draft: ContentDraft): string {
  return [draft.title, draft.body, ...draft.thread, draft.call_to_action, draft.preheader].join('\n');
}

/** Every word a bank can print: its stop words and each phrasing rendered with placeholder facts. */
function vocabularyOf(language: WriterLanguage): Set<string> {
  const placeholder = 'qqq';
  const facts = new Proxy({} as Facts, {
    get: (_target, key) =>
      key === 'v'
        ? (a: string, b: string) => `${a} ${b}`
        : key === 'casual' || key === 'formal'
          ? false
          : placeholder,
  });
  const words = new Set(PHRASE_BANKS[language].stopWords);
  const walk = (value: unknown): void => {
    if (typeof value === 'string') for (const word of wordsOf(value)) words.add(word);
    else if (typeof value === 'function') {
      try {
        walk((value as (f: Facts) => unknown)(facts));
      } catch {
        // Functions that take other arguments (the plan's reasoning) are not copy.
      }
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object' && !(value instanceof RegExp))
      Object.values(value).forEach(walk);
  };
  walk(PHRASE_BANKS[language]);
  words.delete(placeholder);
  return words;
}

const VOCABULARIES = Object.fromEntries(WRITER_LANGUAGES.map((code) => [code, vocabularyOf(code)])) as Record<
  WriterLanguage,
  Set<string>
>;

/** Per language, the words of `text` only that language's bank uses: the language of a text has the most. */
function languageHits(text: string): Record<WriterLanguage, number> {
  const words = wordsOf(text.replace(/https?:\/\/\S+|#\S+/gu, ''));
  return Object.fromEntries(
    WRITER_LANGUAGES.map((language) => {
      const others = WRITER_LANGUAGES.filter((other) => other !== language);
      const own = words.filter(
        (word) => VOCABULARIES[language].has(word) && !others.some((o) => VOCABULARIES[o].has(word)),
      );
      return [language, own.length];
    }),
  ) as Record<WriterLanguage, number>;
}

function isLanguage(text: string, language: WriterLanguage): boolean {
  const hits = languageHits(text);
  return WRITER_LANGUAGES.every((other) => other === language || hits[language] > hits[other]);
}

/** A 12-week calendar (six channels unless told), each item written as the calendar job writes it. */
function calendarWithDrafts(business: BusinessContext, channels: readonly ChannelId[] = CHANNELS) {
  const context = { business, now: NOW };
  const input = planCalendarInputSchema.parse({ start_date: '2027-01-04', weeks: 12, channels });
  const plan = planCalendarTask.offline(input, context);
  const drafts = plan.items.map((item) => {
    const [draft] = writeContentTask.offline(
      writeContentInputSchema.parse({
        channel: item.channel,
        format: item.format,
        brief: `${item.title}. ${item.brief}`.slice(0, 2000),
        variants: 1,
        pillar: item.pillar,
      }),
      context,
    ).variants;
    if (!draft) throw new Error('a draft for every item');
    return { item, draft };
  });
  return { plan, drafts };
}

const CALENDARS = QUALITY_BRANDS.map((business) => ({ business, ...calendarWithDrafts(business) }));

describe.each(CALENDARS)('a 12-week, 6-channel calendar for $business.name', ({ business, plan, drafts }) => {
  const language = business.locale.slice(0, 2) as WriterLanguage;

  it('has enough items to measure, and distinct titles in the plan', () => {
    expect(plan.items.length).toBeGreaterThan(150);
    const titles = plan.items.map((item) => item.title.toLowerCase());
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('repeats at most 2% of bodies and keeps at least 90% of titles distinct', () => {
    const bodies = drafts.map(({ draft }) => draft.body);
    const repeated = bodies.length - new Set(bodies).size;
    expect(repeated / bodies.length).toBeLessThanOrEqual(0.02);
    const titles = drafts.map(({ draft }) => draft.title.toLowerCase());
    expect(new Set(titles).size / titles.length).toBeGreaterThanOrEqual(0.9);
  });

  it("never prints the planner's instructions", () => {
    const asks = WRITER_LANGUAGES.flatMap((code) => Object.values(PHRASE_BANKS[code].plan.asks));
    // A brief may quote the profile (a product's description): that sentence is a fact, free to print.
    const profile = [business.description, ...business.brand.products.map((p) => p.description)].join(' ');
    for (const { item, draft } of drafts) {
      const copy = copyOf(draft);
      const instructions = [...splitSentences(item.brief), ...asks].filter(
        (sentence) => wordsOf(sentence).length >= 4 && !profile.includes(sentence),
      );
      for (const instruction of instructions) expect(copy).not.toContain(instruction);
      expect(copy).not.toMatch(/End by inviting|One practical tip on|Remind subscribers|Zum Schluss/u);
    }
  });

  it("writes in the business's language", () => {
    const wrong = drafts.filter(
      ({ draft }) => !isLanguage(`${draft.body} ${draft.thread.join(' ')}`, language),
    );
    expect(wrong.map(({ draft }) => draft.body)).toEqual([]);
    expect(plan.items.every((item) => isLanguage(item.brief, language))).toBe(true);
  });

  it('fits every channel with whole sentences, hashtags counted', () => {
    for (const { item, draft } of drafts) {
      expect(validateForChannel(item.channel, draft).filter((issue) => issue.severity === 'error')).toEqual(
        [],
      );
      expect(`${draft.body}${draft.thread.join('')}`).not.toContain('…');
    }
  });

  it('keeps words to avoid out of text and hashtags', () => {
    const avoid = business.brand.voice.words_to_avoid;
    for (const { draft } of drafts) {
      expect(
        findWordsToAvoid(`${copyOf(draft)} ${draft.hashtags.map(splitPascal).join(' ')}`, avoid),
      ).toEqual([]);
    }
  });

  it('sends SMS in one GSM-7 segment with the opt-out line', () => {
    const sms = drafts.filter(({ item }) => item.channel === 'sms');
    expect(sms.length).toBeGreaterThan(0);
    for (const { draft } of sms) {
      expect(smsSegments(draft.body)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
      expect(draft.body.endsWith(PHRASE_BANKS[language].smsOptOut)).toBe(true);
    }
  });

  it('gives every email a subject of at most 60 characters and a preheader', () => {
    const emails = drafts.filter(({ item }) => item.channel === 'email');
    for (const { draft } of emails) {
      expect(draft.title.length).toBeGreaterThan(0);
      expect(draft.title.length).toBeLessThanOrEqual(60);
      expect(draft.preheader.length).toBeGreaterThan(0);
    }
  });

  it('makes hashtags from names, pillar and industry, never from stop words or brief verbs', () => {
    const stop = new Set(WRITER_LANGUAGES.flatMap((code) => PHRASE_BANKS[code].stopWords));
    for (const { draft } of drafts) {
      for (const tag of draft.hashtags) {
        const words = wordsOf(splitPascal(tag.slice(1)));
        expect(
          words.every((word) => stop.has(word)),
          tag,
        ).toBe(false);
      }
    }
    const tags = new Set(drafts.flatMap(({ draft }) => draft.hashtags.map((tag) => tag.toLowerCase())));
    for (const bad of ['#explain', '#thank', '#five', '#kurzer', '#end', '#show', '#one'])
      expect(tags.has(bad)).toBe(false);
  });
});

describe('a 12-week calendar on short, threaded channels for a product named like the business', () => {
  const { drafts } = calendarWithDrafts(NAMESAKE_EN_GB, ['x', 'threads', 'bluesky', 'linkedin']);
  const share = (texts: readonly string[]) => (texts.length - new Set(texts).size) / texts.length;

  it('repeats at most 2% of bodies and of the first posts of threads', () => {
    const threads = drafts.filter(({ draft }) => draft.thread.length > 0);
    expect(threads.length).toBeGreaterThan(20);
    expect(share(drafts.map(({ draft }) => draft.body))).toBeLessThanOrEqual(0.02);
    // A thread's first post without its "1/6" counter, so two openings that differ only in length still count.
    const openings = threads.map(({ draft }) => draft.body.replace(/\s*\d+\/\d+$/u, ''));
    expect(share(openings)).toBeLessThanOrEqual(0.02);
  });

  it('never repeats itself inside a sentence ("at Ledger Pro: Ledger Pro", "From from")', () => {
    for (const { draft } of drafts) {
      for (const sentence of splitSentences(copyOf(draft))) {
        expect(sentence.match(/ledger pro/giu)?.length ?? 0, sentence).toBeLessThanOrEqual(1);
        expect(sentence, sentence).not.toMatch(/\b(\p{L}+)\s+\1\b/iu);
      }
    }
  });
});

function variants(
  business: BusinessContext,
  channel: ChannelId,
  format: ContentFormat,
  brief: string,
  pillar?: string,
) {
  return writeContentTask.offline(
    writeContentInputSchema.parse({ channel, format, brief, variants: 3, ...(pillar ? { pillar } : {}) }),
    { business, now: NOW },
  ).variants;
}

describe('variants of one request', () => {
  const requests = QUALITY_BRANDS.flatMap((business) =>
    (['instagram', 'facebook', 'linkedin', 'email'] as const).flatMap((channel) =>
      [
        business.brand.products[0]?.name ?? business.name,
        business.brand.products[1]?.name ?? business.name,
      ].map((brief) => ({ business, channel, brief })),
    ),
  );

  it('differ in structure: mean pairwise similarity of word 3-shingles at most 0.5', () => {
    const means = requests.map(({ business, channel, brief }) =>
      meanPairwiseSimilarity(
        variants(business, channel, channel === 'email' ? 'email' : 'post', brief).map((d) => d.body),
      ),
    );
    const mean = means.reduce((a, b) => a + b, 0) / means.length;
    expect(mean).toBeLessThanOrEqual(0.5);
    expect(Math.max(...means)).toBeLessThan(0.7);
  });

  it('open differently and are deterministic', () => {
    const first = variants(CAFE_EN_US, 'facebook', 'post', 'Cold brew');
    expect(new Set(first.map((draft) => splitSentences(draft.body)[0])).size).toBe(3);
    expect(variants(CAFE_EN_US, 'facebook', 'post', 'Cold brew')).toEqual(first);
  });
});

describe('shingle similarity', () => {
  it('is 1 for the same text, 0 for nothing in common, and in between for shared runs', () => {
    expect(shingleSimilarity('fresh rye bread today', 'fresh rye bread today')).toBe(1);
    expect(shingleSimilarity('fresh rye bread today', 'cold brew over ice')).toBe(0);
    // {fresh rye bread, rye bread today} vs {fresh rye bread, rye bread tomorrow}: 1 shared of 3.
    expect(shingleSimilarity('fresh rye bread today', 'fresh rye bread tomorrow')).toBeCloseTo(1 / 3, 10);
    expect(meanPairwiseSimilarity(['a b c', 'a b c', 'x y z'])).toBeCloseTo(1 / 3, 10);
  });
});

/** A business with names and a price but no sentences of its own, so only the bank's words are measured. */
const NEUTRAL: BusinessContext = {
  ...BAKERY_DE_DE,
  name: 'Studio Nova',
  industry: null,
  description: null,
  brand: {
    ...BAKERY_DE_DE.brand,
    audiences: [],
    products: [{ name: 'Nova Box', description: '', price: '25 €' }],
    voice: { ...BAKERY_DE_DE.brand.voice, words_to_use: [], words_to_avoid: ['billig', 'cheap', 'barato'] },
  },
};

describe('every format in every language', () => {
  const combos = WRITER_LANGUAGES.flatMap((language) =>
    CONTENT_FORMATS.map((format) => [language, format] as const),
  );

  it.each(combos)('%s %s: in that language, nothing left of a word to avoid', (language, format) => {
    const channel: ChannelId = format === 'email' ? 'email' : format === 'sms' ? 'sms' : 'facebook';
    const drafts = writeContentTask.offline(
      writeContentInputSchema.parse({ channel, format, brief: 'Nova Box', variants: 3, language }),
      { business: NEUTRAL, now: NOW },
    ).variants;
    for (const draft of drafts) {
      expect(isLanguage(`${draft.body} ${draft.thread.join(' ')}`, language), draft.body).toBe(true);
      expect(findWordsToAvoid(copyOf(draft), NEUTRAL.brand.voice.words_to_avoid)).toEqual([]);
      expect(draft.media_brief).not.toMatch(/connect an AI provider/u);
      if (format === 'sms') expect(draft.body.endsWith(PHRASE_BANKS[language].smsOptOut)).toBe(true);
    }
  });

  it('says so when the language has no phrase bank', () => {
    const [draft] = writeContentTask.offline(
      writeContentInputSchema.parse({ channel: 'x', brief: 'Cold brew', language: 'ja' }),
      { business: CAFE_EN_US, now: NOW },
    ).variants;
    expect(draft?.media_brief).toMatch(/connect an AI provider to write in ja/u);
  });
});

describe('sentences that cannot be printed', () => {
  it('are replaced by other phrasings, never cut: a plugged-in check removes a word entirely', () => {
    const business = {
      ...SAAS_EN_GB,
      brand: { ...SAAS_EN_GB.brand, voice: { ...SAAS_EN_GB.brand.voice, words_to_avoid: [] } },
    };
    for (const format of CONTENT_FORMATS) {
      for (const variant of [0, 1, 2]) {
        const draft = writeDraft(
          {
            channel: 'linkedin',
            format,
            brief: 'Ledger Pro for finance directors',
            variant,
            acceptable: (s) => !/ledger/iu.test(s),
          },
          business,
        );
        // Nothing removes "Ledger" after writing (no words to avoid), so its absence means whole phrasings were swapped.
        expect(`${copyOf(draft)} ${draft.hashtags.join(' ')}`).not.toMatch(/ledger/iu);
        expect(draft.body.trim()).not.toBe('');
      }
    }
  });

  it('skips a profile sentence carrying a word to avoid rather than printing it with a hole', () => {
    const texts = [0, 1, 2].flatMap((variant) =>
      CONTENT_FORMATS.map((format) =>
        copyOf(writeDraft({ channel: 'facebook', format, brief: 'Frühstückskorb', variant }, BAKERY_DE_DE)),
      ),
    );
    for (const text of texts) {
      expect(text).not.toMatch(/billig/iu);
      expect(text).not.toMatch(/Nicht ,|Nicht aber|, aber ehrlich gebacken/u);
    }
  });
});

describe('notices', () => {
  it('stay a notice: the facts from the brief, no pitch, no price, no product hashtags', () => {
    const [en] = variants(
      CAFE_EN_US,
      'instagram',
      'post',
      'Holiday hours: we are closed from 24 to 26 December and open again on the 27th.',
    );
    expect(en?.body).toContain(
      'Holiday hours: we are closed from 24 to 26 December and open again on the 27th.',
    );
    expect(en?.body).not.toMatch(/\$|Cold brew|subscription|burrito/u);
    expect(en?.hashtags).toEqual(['#BluebirdCafé']);
    const [de] = variants(
      BAKERY_DE_DE,
      'facebook',
      'post',
      'Betriebsferien: Vom 24. bis 26. Dezember haben wir geschlossen.',
    );
    expect(de?.body).toContain('Vom 24. bis 26. Dezember haben wir geschlossen.');
    expect(de?.body).not.toMatch(/€|Dinkelvollkornbrot|Frühstückskorb/u);
    expect(de?.title).toBe('Kurze Info von Bäckerei Sonnenkorn');
  });
});

describe('the planner', () => {
  it('writes its plan in the business language, with pillar names from the bank', () => {
    const plan = planCalendarTask.offline(
      planCalendarInputSchema.parse({ start_date: '2027-01-04', weeks: 2, channels: ['instagram'] }),
      { business: BAKERY_DE_DE, now: NOW },
    );
    expect(plan.strategy.pillars.map((pillar) => pillar.name)).toContain('Hinter den Kulissen');
    expect(plan.strategy.reasoning).toMatch(/^Offline-Plan für Bäckerei Sonnenkorn/u);
    expect(plan.items.every((item: PlannedItem) => isLanguage(item.brief, 'de'))).toBe(true);
  });
});
