import { describe, expect, it } from 'vitest';
import { CHANNEL_IDS } from './channel-ids.js';
import {
  extractHashtags,
  extractUrls,
  graphemeCount,
  normalizeHashtags,
  splitGraphemes,
  threadsLength,
  utf8ByteLength,
  xWeightedLength,
} from './channel-text.js';
import {
  CHANNEL_RULES,
  CHANNEL_RULES_VERSION,
  composePost,
  countText,
  fitToChannel,
  smsSegments,
  validateForChannel,
} from './channels.js';

const FAMILY = '👩‍👩‍👧'; // four people joined by ZWJ: one grapheme, 5 code points, 18 UTF-8 bytes
const FLAG = '🇫🇷';

describe('channel registry', () => {
  it('has a rule for every channel id, keyed by its own id, with a version', () => {
    expect(CHANNEL_RULES_VERSION).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/);
    for (const id of CHANNEL_IDS) {
      const rule = CHANNEL_RULES[id];
      expect(rule.id).toBe(id);
      expect(rule.limit).toBeGreaterThan(0);
      expect(rule.suggestedHashtags).toBeLessThanOrEqual(rule.maxHashtags);
      for (const time of rule.postingTimes) expect(time).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      expect(rule.postingDays.length).toBeGreaterThan(0);
    }
  });

  it('carries the limits of the architecture table', () => {
    expect(CHANNEL_RULES.x.limit).toBe(280);
    expect(CHANNEL_RULES.linkedin).toMatchObject({ limit: 3000, commentLimit: 1250 });
    expect(CHANNEL_RULES.instagram).toMatchObject({ limit: 2200, maxHashtags: 30, previewLength: 125 });
    expect(CHANNEL_RULES.facebook.limit).toBe(63206);
    expect(CHANNEL_RULES.tiktok.limit).toBe(2200);
    expect(CHANNEL_RULES.threads).toMatchObject({ limit: 500, maxLinks: 5, maxHashtags: 1 });
    expect(CHANNEL_RULES.bluesky).toMatchObject({ limit: 300, unit: 'graphemes', maxHashtags: 8 });
    expect(CHANNEL_RULES.google_business.title?.limit).toBe(58);
    expect(CHANNEL_RULES.email).toMatchObject({ preheaderLimit: 140, title: { limit: 78, warnOver: 60 } });
  });
});

describe('counting', () => {
  it('counts plain ASCII like the segmenter does, CR LF included (one grapheme)', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    for (const text of ['Fresh bread #daily https://a.io', 'two\r\nlines', 'a\rb\nc', '', '\r\n\r\n']) {
      const segments = Array.from(segmenter.segment(text), (part) => part.segment);
      expect(splitGraphemes(text)).toEqual(segments);
      expect(graphemeCount(text)).toBe(segments.length);
    }
  });

  it('counts Bluesky in graphemes: ZWJ families, flags and combining marks are one each', () => {
    expect(graphemeCount(FAMILY)).toBe(1);
    expect(graphemeCount(FLAG)).toBe(1);
    expect(graphemeCount('e\u0301')).toBe(1);
    expect(countText('bluesky', `${FAMILY} ${FLAG} cafe\u0301`)).toEqual({
      count: 8,
      limit: 300,
      unit: 'graphemes',
      over: false,
    });
    expect(countText('bluesky', '👍'.repeat(301)).over).toBe(true);
  });

  it('counts code points elsewhere', () => {
    expect(countText('linkedin', `${FAMILY}a`).count).toBe(6);
    expect(countText('instagram', 'e\u0301').count).toBe(2);
  });

  it('counts Threads emoji as their UTF-8 bytes and other characters as one', () => {
    expect(utf8ByteLength('€')).toBe(3);
    expect(threadsLength('héllo')).toBe(5);
    expect(threadsLength('hi 👋')).toBe(7);
    expect(countText('threads', FAMILY).count).toBe(18);
    expect(countText('threads', '🎉'.repeat(125)).over).toBe(false);
    expect(countText('threads', '🎉'.repeat(126)).over).toBe(true);
    expect(threadsLength('© ok')).toBe(4);
  });

  it('weights X: URLs 23, emoji 2 (ZWJ sequences too), CJK 2, Latin and accents 1', () => {
    expect(xWeightedLength('hello')).toBe(5);
    expect(xWeightedLength('https://example.com/a/very/long/path/that/goes/on')).toBe(23);
    expect(xWeightedLength('see www.example.com.')).toBe(4 + 23 + 1);
    expect(xWeightedLength(FAMILY)).toBe(2);
    expect(xWeightedLength('日本語')).toBe(6);
    expect(xWeightedLength('café')).toBe(4);
    expect(xWeightedLength('cafe\u0301')).toBe(4); // NFC first
    expect(countText('x', '日'.repeat(140)).over).toBe(false);
    expect(countText('x', '日'.repeat(141)).over).toBe(true);
    expect(countText('x', 'a'.repeat(500), { limit: 25_000 }).over).toBe(false);
  });

  it('finds links and inline hashtags', () => {
    expect(extractUrls('Read https://a.io/x, then http://b.io.')).toEqual(['https://a.io/x', 'http://b.io']);
    expect(extractHashtags('New #Bakery menu #2026 and #café_time, not a#b')).toEqual([
      '#Bakery',
      '#café_time',
    ]);
  });

  it('normalises hashtags: leading #, no spaces or punctuation, case-insensitive dedupe, capped', () => {
    expect(normalizeHashtags(['bakery', '#Bakery', 'fresh bread!', '##', 'x'], 3)).toEqual([
      '#bakery',
      '#freshbread',
      '#x',
    ]);
  });

  it('keeps no hashtag when the cap is 0 (email, SMS, Google Business take none)', () => {
    expect(normalizeHashtags(['bakery', '#bread'], 0)).toEqual([]);
    expect(normalizeHashtags(['bakery'], -1)).toEqual([]);
  });
});

describe('SMS segments', () => {
  it('fits 160 GSM-7 characters in one segment and splits longer texts into 153-septet parts', () => {
    expect(smsSegments('a'.repeat(160))).toEqual({
      encoding: 'GSM-7',
      segments: 1,
      perSegment: 160,
      units: 160,
    });
    expect(smsSegments('a'.repeat(161))).toMatchObject({ segments: 2, perSegment: 153 });
    expect(smsSegments('a'.repeat(306)).segments).toBe(2);
    expect(smsSegments('a'.repeat(307)).segments).toBe(3);
    expect(smsSegments('').segments).toBe(0);
  });

  it('counts extension characters such as € and { as two septets and never splits them', () => {
    expect(smsSegments('€').units).toBe(2);
    expect(smsSegments('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', segments: 1, units: 160 });
    expect(smsSegments('€'.repeat(81)).segments).toBe(2);
    // 152 septets then an escape pair: the pair moves whole to the second part
    expect(smsSegments(`${'a'.repeat(152)}€${'a'.repeat(10)}`).segments).toBe(2);
    expect(smsSegments(`${'a'.repeat(152)}€${'a'.repeat(152)}`).segments).toBe(3);
  });

  it('switches the whole message to UCS-2 for one character outside GSM-7', () => {
    expect(smsSegments('Olá! Até já 😀')).toMatchObject({ encoding: 'UCS-2', units: 14 });
    expect(smsSegments(`${'a'.repeat(69)}ç`)).toMatchObject({
      encoding: 'UCS-2',
      segments: 1,
      perSegment: 70,
    });
    expect(smsSegments(`${'a'.repeat(70)}ç`)).toMatchObject({ segments: 2, perSegment: 67 });
    expect(smsSegments('é à ü Ñ').encoding).toBe('GSM-7');
  });

  it('measures SMS against one segment of its encoding', () => {
    expect(countText('sms', 'a'.repeat(160))).toMatchObject({ limit: 160, over: false });
    expect(countText('sms', `${'a'.repeat(70)}😀`)).toMatchObject({ limit: 70, over: true });
  });
});

describe('validateForChannel', () => {
  it('accepts content within every rule', () => {
    expect(validateForChannel('instagram', { body: 'Fresh bread', hashtags: ['bakery'] })).toEqual([]);
  });

  it('reports bodies that are too long, counting the appended hashtags', () => {
    const body = 'a'.repeat(275);
    expect(validateForChannel('x', { body })).toEqual([]);
    const [issue] = validateForChannel('x', { body, hashtags: ['#bread'] });
    expect(issue).toMatchObject({
      field: 'body',
      code: 'too_long',
      severity: 'error',
      channel: 'x',
      part: 'text',
      unit: 'weighted',
      count: 283,
      limit: 280,
    });
  });

  it('reports too many hashtags (inline and listed, deduplicated) and links', () => {
    const issues = validateForChannel('threads', {
      body: 'Topic #bread https://a.io https://b.io https://c.io https://d.io https://e.io https://f.io',
      hashtags: ['#Bread', 'baking'],
    });
    expect(issues.map((issue) => issue.code).sort()).toEqual(['too_many_hashtags', 'too_many_links']);
    expect(issues.find((issue) => issue.code === 'too_many_hashtags')).toMatchObject({ count: 2, limit: 1 });
  });

  it('checks every post of a thread and refuses threads where the channel has none', () => {
    const issues = validateForChannel('bluesky', { body: 'ok', thread: ['fine', 'b'.repeat(301)] });
    expect(issues).toEqual([expect.objectContaining({ field: 'thread.1', code: 'too_long', count: 301 })]);
    expect(validateForChannel('linkedin', { body: 'ok', thread: ['no'] })[0]?.code).toBe(
      'thread_unsupported',
    );
  });

  it('warns on email subjects over 60 and refuses them over 78; checks the preheader', () => {
    expect(validateForChannel('email', { body: 'Hi', title: 's'.repeat(60) })).toEqual([]);
    expect(validateForChannel('email', { body: 'Hi', title: 's'.repeat(61) })[0]).toMatchObject({
      code: 'long_subject',
      severity: 'warning',
      title: 'subject',
      count: 61,
      limit: 60,
    });
    expect(validateForChannel('email', { body: 'Hi', title: 's'.repeat(79) })[0]).toMatchObject({
      code: 'too_long',
      severity: 'error',
      part: 'title',
      title: 'subject',
    });
    expect(validateForChannel('email', { body: 'Hi', preheader: 'p'.repeat(141) })[0]).toMatchObject({
      field: 'preheader',
      code: 'too_long',
      part: 'preheader',
      count: 141,
      limit: 140,
    });
    expect(validateForChannel('google_business', { body: 'Hi', title: 't'.repeat(59) })[0]).toMatchObject({
      code: 'too_long',
      title: 'event_title',
    });
  });

  it('warns on multi-part SMS and refuses more than ten parts', () => {
    expect(validateForChannel('sms', { body: 'a'.repeat(200) })[0]).toMatchObject({
      code: 'multi_segment',
      severity: 'warning',
      encoding: 'GSM-7',
      count: 2,
    });
    expect(validateForChannel('sms', { body: 'a'.repeat(153 * 10 + 1) })[0]?.code).toBe('too_many_segments');
  });

  it('refuses an empty body and hashtags where they do nothing', () => {
    expect(validateForChannel('email', { body: ' ', hashtags: ['x'] }).map((issue) => issue.code)).toEqual([
      'empty',
      'too_many_hashtags',
    ]);
  });
});

describe('composePost', () => {
  it('appends hashtags not already in the body', () => {
    expect(composePost('Hello #bread', ['#Bread', 'oven'])).toBe('Hello #bread\n\n#oven');
    expect(composePost('Hello', [])).toBe('Hello');
  });
});

describe('fitToChannel', () => {
  const sentences = 'Our sourdough rests for two days. It tastes of wheat and time. Come early on Saturday.';

  it('returns text that fits unchanged', () => {
    expect(fitToChannel('x', sentences)).toBe(sentences);
  });

  it('cuts at a sentence end when that keeps most of the text', () => {
    const fitted = fitToChannel('x', sentences, { limit: 70 });
    expect(fitted).toBe('Our sourdough rests for two days. It tastes of wheat and time.');
  });

  it('cuts at a word boundary with an ellipsis otherwise', () => {
    const fitted = fitToChannel('x', 'word '.repeat(100));
    expect(fitted.endsWith('word…')).toBe(true);
    expect(countText('x', fitted).over).toBe(false);
  });

  it('never splits a grapheme and fits every channel', () => {
    const text = `${FAMILY} ${FLAG} ${'Ünïcödé 日本 wörds 🎉 '.repeat(400)}`;
    for (const channel of CHANNEL_IDS) {
      const fitted = fitToChannel(channel, text);
      expect(countText(channel, fitted).over, channel).toBe(false);
      expect(fitted.normalize()).toBe(fitted);
      expect(fitted).toContain(FAMILY);
    }
  });

  it('fits SMS into one segment', () => {
    const fitted = fitToChannel(
      'sms',
      'Fresh loaves are out of the oven now, come by before noon! '.repeat(5),
    );
    expect(smsSegments(fitted).segments).toBe(1);
  });
});
