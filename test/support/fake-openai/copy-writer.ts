import type { PromptHints } from './prompt-hints.js';

/**
 * The fake's copywriter: plausible marketing text built from the brand, products and audiences the prompt
 * names, chosen by the field it fills (`title`, `body`, `hashtags`, `time`, …). Deterministic: the same
 * prompt gets the same words. Every candidate containing a word the brand avoids is left out, as a model
 * that follows its instructions would.
 */
export class CopyWriter {
  private readonly avoid: RegExp | undefined;
  private readonly subjects: string[];
  private readonly audience: string;

  constructor(readonly hints: PromptHints) {
    this.avoid = hints.avoid.length
      ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${hints.avoid.map(escapeRegExp).join('|')})`, 'iu')
      : undefined;
    this.subjects = hints.products.length ? hints.products : [hints.brand];
    this.audience = hints.audiences[0]?.toLowerCase() ?? 'our regulars';
  }

  /** Whether `text` uses a word the brand avoids (or an inflection or compound starting with it). */
  usesAvoidedWord(text: string): boolean {
    return this.avoid?.test(text) ?? false;
  }

  /**
   * Candidate values for a string field, best first. `ordinal` counts the values this field already got
   * in the answer (the n-th variant's body differs from the first); `maxLength` is the room there is.
   */
  candidates(field: string, ordinal: number, maxLength?: number): string[] {
    const kind = KINDS.find(([pattern]) => pattern.test(field))?.[1] ?? 'phrase';
    const list = this.listFor(kind, ordinal, maxLength);
    return rotate(list, ordinal).filter((text) => !this.usesAvoidedWord(text));
  }

  /** Content pillars: the team's, then ones made from the products and the usual marketing mix. */
  pillarNames(): string[] {
    const made = [
      `${this.subjects[0]} spotlight`,
      'Behind the scenes',
      'Customer stories',
      'Tips and how-tos',
      'News and offers',
    ];
    return [...new Set([...this.hints.pillars, ...made])];
  }

  private listFor(kind: Kind, ordinal: number, maxLength: number | undefined): string[] {
    const { brand, language } = this.hints;
    switch (kind) {
      case 'time':
        return TIMES.flatMap((time) => [time, `${time}:00`, `${time}:00Z`]);
      case 'language':
        return [language, language.split(/[-_]/u)[0] ?? language];
      case 'hashtag':
        return this.hashtags();
      case 'pillar':
        return this.pillarNames();
      case 'title':
        return this.titles();
      case 'cta':
        return this.subjects.flatMap((subject) => [
          `Try ${subject} this week`,
          `Visit ${brand} today`,
          `Reply to book your spot`,
        ]);
      case 'preheader':
        return this.subjects.map((subject) => `What is new with ${subject}, in two minutes.`);
      case 'media':
        return this.subjects.map(
          (subject) => `A bright, close-up photo of ${subject} in daylight, with the ${brand} logo small.`,
        );
      case 'brief':
        // A plan needs its own brief per item (the planner's checks refuse repeats): every angle for every subject.
        return BRIEF_ANGLES.flatMap((angle) =>
          this.subjects.flatMap((subject) => [
            `Show ${this.audience} how ${subject} fits into ${angle}, with one clear reason to try it.`,
            `Share a short story from the team behind ${subject} about ${angle} and invite questions.`,
            `Answer the question customers ask most about ${subject} and ${angle}, in plain words.`,
          ]),
        );
      case 'reasoning':
        return [
          `The plan puts ${this.subjects[0]} first because it is what customers ask about most, and spreads posts over the week so no channel goes quiet.`,
          `This fits the brand's voice and what ${this.audience} care about.`,
          `It answers the question directly and keeps the tone friendly.`,
        ];
      case 'source':
        return ['brand profile'];
      case 'audience':
        return this.hints.audiences.length ? this.hints.audiences : ['Returning customers', 'New visitors'];
      case 'keyword':
        return this.hashtags().map((tag) => tag.slice(1).toLowerCase());
      case 'body':
        return this.bodies(ordinal, maxLength);
      default:
        return this.subjects.flatMap((subject) => [`${subject} by ${brand}`, `Fresh from ${brand}`]);
    }
  }

  private titles(): string[] {
    const { brand } = this.hints;
    const audience = this.audience;
    const templates = [
      (s: string) => `${s}, made for your week`,
      (s: string) => `Why ${audience} love ${s}`,
      (s: string) => `${s}: what is new this season`,
      (s: string) => `Inside ${brand}: ${s}`,
      (s: string) => `A closer look at ${s}`,
      (s: string) => `Five minutes with ${s}`,
      (s: string) => `Your guide to ${s}`,
      (s: string) => `Fresh from ${brand}: ${s}`,
      (s: string) => `${s}, the ${brand} way`,
      (s: string) => `Three reasons to try ${s}`,
      (s: string) => `${s} questions, answered`,
      (s: string) => `Meet the team behind ${s}`,
    ];
    const titles = this.subjects.flatMap((subject) => templates.map((template) => template(subject)));
    // A long plan needs more titles than there are combinations: number the later rounds.
    return [
      ...titles,
      ...[2, 3, 4, 5, 6, 7, 8, 9].flatMap((round) => titles.map((t) => `${t}, part ${round}`)),
    ];
  }

  private hashtags(): string[] {
    const words = [this.hints.brand, ...this.hints.products, this.hints.industry ?? '', 'New this week'];
    const tags = words.map(camelTag).filter((tag) => tag.length > 1);
    return [...new Set([...tags, '#BehindTheScenes', '#ShopLocal'])];
  }

  /**
   * Post bodies: an opener, a benefit and a call to action, varied by `ordinal` so bodies in one answer
   * differ. With a tight limit (SMS), only what fits, and a required closing line is kept whole.
   */
  private bodies(ordinal: number, maxLength: number | undefined): string[] {
    const { brand } = this.hints;
    const audience = this.audience;
    const subject = this.subjects[ordinal % this.subjects.length] as string;
    const openers = [
      `${subject} is back at ${brand} this week.`,
      `Meet ${subject}, made for ${audience}.`,
      `New at ${brand}: ${subject}.`,
      `Ask anyone at ${brand} what they would pick, and most of us say ${subject}.`,
      `${subject} started as a small idea in our team.`,
      `A quick one for ${audience}: ${subject} is ready when you are.`,
      `We have been asked about ${subject} a lot lately, so here is the short story.`,
      `Good things take a little time, and ${subject} is one of them.`,
    ];
    const benefits = [
      'It saves you time without cutting corners.',
      'Everything about it is simple, honest and made with care.',
      'People tell us it has become part of their routine.',
      'It is the easiest way to see what we do best.',
      'You get the same quality every single time.',
      'It was shaped by feedback from people like you.',
    ];
    const calls = [
      `Come and try it at ${brand}.`,
      'Tell us what you think in the comments.',
      'Drop by this week and say hello.',
      'Save this post for later.',
      `Follow ${brand} for what comes next.`,
    ];
    const round = Math.floor(ordinal / openers.length);
    const sentences = [
      openers[ordinal % openers.length],
      benefits[(ordinal + round) % benefits.length],
      calls[(ordinal + 2 * round) % calls.length],
    ].filter((sentence): sentence is string => !this.usesAvoidedWord(sentence ?? ''));
    const ending = this.hints.ending;
    const room = (maxLength ?? Number.POSITIVE_INFINITY) - (ending ? ending.length + 1 : 0);
    let body = '';
    for (const sentence of sentences) {
      const next = body ? `${body} ${sentence}` : sentence;
      if (next.length > room && body) break;
      body = next;
    }
    return [ending ? `${body} ${ending}` : body];
  }
}

type Kind =
  | 'time'
  | 'language'
  | 'hashtag'
  | 'pillar'
  | 'title'
  | 'cta'
  | 'preheader'
  | 'media'
  | 'brief'
  | 'reasoning'
  | 'source'
  | 'audience'
  | 'keyword'
  | 'body'
  | 'phrase';

// Field-name hints → the kind of text a field holds. Order matters: the first match wins.
const KINDS: Array<[RegExp, Kind]> = [
  [/(^|[._])(time|hour)$/i, 'time'],
  [/(^|[._])(lang|language|locale)$/i, 'language'],
  [/hashtag/i, 'hashtag'],
  [/pillars?\.name$|^pillar$|\.pillar$/i, 'pillar'],
  [/cta|call_?to_?action|button/i, 'cta'],
  [/preheader|preview/i, 'preheader'],
  [/media|image|visual|photo/i, 'media'],
  [/headline|title|subject|heading|hook|(^|\.)name$/i, 'title'],
  [/brief|angle|plan/i, 'brief'],
  [/reason|rationale|explanation|why|description|summary/i, 'reasoning'],
  [/relied|source/i, 'source'],
  [/audience|persona|segment/i, 'audience'],
  [/keyword|(^|\.)tags?$/i, 'keyword'],
  [/body|text|content|copy|caption|message|thread|post|reply|idea/i, 'body'],
];

const TIMES = ['09:30', '12:15', '17:45', '10:00', '19:00', '08:45', '13:30', '18:15', '11:00', '16:30'];

function rotate<T>(list: readonly T[], by: number): T[] {
  if (list.length === 0) return [];
  const start = by % list.length;
  return [...list.slice(start), ...list.slice(0, start)];
}

/** "Northwind Coffee" → "#NorthwindCoffee": letters and digits only, so it is a valid hashtag anywhere. */
function camelTag(text: string): string {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  return `#${words.map((word) => (word[0]?.toUpperCase() ?? '') + word.slice(1)).join('')}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** Moments a brief can hang a post on, so a long plan never repeats one. */
const BRIEF_ANGLES = [
  'an ordinary week',
  'a busy Monday',
  'the weekend',
  'a first visit',
  'a gift for a friend',
  'the new season',
  'a rainy afternoon',
  'an early start',
];
