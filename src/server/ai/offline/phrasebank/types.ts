import type { PlanCalendarInput } from '#shared/ai-tasks.schema.js';

// The shape every language's phrase bank fills in. A language that misses an entry fails to compile, so no
// output ever falls back to English in the middle of a German post.

/** The languages the offline writer writes. */
export const WRITER_LANGUAGES = ['en', 'de', 'es', 'fr', 'pt', 'it', 'nl'] as const;
export type WriterLanguage = (typeof WRITER_LANGUAGES)[number];

/** What a calendar item is for; custom pillar names map onto the closest one, else `general`. */
export const PILLAR_KINDS = [
  'spotlight',
  'howTo',
  'behindScenes',
  'stories',
  'offers',
  'community',
  'general',
] as const;
export type PillarKind = (typeof PILLAR_KINDS)[number];
/** Pillars the planner proposes by name. */
export type ProposedPillar = Exclude<PillarKind, 'general'>;

/** How a piece is built: each angle has its own opening and its own body structure. */
export const ANGLES = ['question', 'story', 'list', 'offer', 'tip'] as const;
export type Angle = (typeof ANGLES)[number];

/** What the copy asks the reader to do. */
export type CtaKind = 'sale' | 'event' | 'booking' | 'learn';
export type Objective = PlanCalendarInput['objective'];

/**
 * The facts a sentence may use, all from the brand profile (never from the brief's instructions). Fields
 * are null when the profile has nothing for them; a template that needs a missing fact returns null.
 */
export interface Facts {
  /** The business name. */
  name: string;
  product: string | null;
  /** A whole sentence about the product or the business, from the profile, ending in punctuation. */
  benefit: string | null;
  /** A second fact sentence (the rest of a description), for proof. */
  proof: string | null;
  price: string | null;
  /** The audience as a noun phrase ("busy parents"). */
  audience: string | null;
  goal: string | null;
  pain: string | null;
  industry: string | null;
  /** A word the brand likes to use. */
  word: string | null;
  /** A short noun phrase the person asked about, only when it is safe to print. */
  topic: string | null;
  casual: boolean;
  formal: boolean;
  /** Informal or formal address, by the voice: `f.v('du', 'Sie')`. */
  v: (informal: string, formal: string) => string;
}

/** One phrasing: a sentence built from facts, or null when a fact it needs is missing. */
export type Line = (f: Facts) => string | null;

export interface PhraseBank {
  language: WriterLanguage;
  /** Function words and the verbs of briefs, for hashtags and the language check. Lower-case. */
  stopWords: readonly string[];
  /** The instruction around a brief ("Write a post about", "Schreib einen Beitrag über"), to strip. */
  instruction: RegExp;
  /** The first line of a piece, per angle. */
  hooks: Record<Angle, readonly Line[]>;
  /** What a piece of each pillar says besides the product facts. */
  pillarLines: Record<PillarKind, readonly Line[]>;
  /** Sentences carrying the profile's benefit sentence (f.benefit) or the product. */
  benefitLines: readonly Line[];
  /** Sentences carrying the proof sentence (f.proof). */
  proofLines: readonly Line[];
  audienceLines: readonly Line[];
  priceLines: readonly Line[];
  wordLines: readonly Line[];
  /** Lines about the piece's topic, when it has a printable one. */
  topicLines: readonly Line[];
  /** Calls to action without the link, by register. */
  ctas: Record<CtaKind, { informal: readonly string[]; formal: readonly string[] }>;
  /** "Link in bio" for Instagram, "link in our profile" for TikTok. */
  linkInBio: string;
  linkInProfile: string;
  /** A call to action when there is no link: write to us. */
  messageUs: readonly Line[];
  greeting: { informal: Line; formal: Line };
  signOff: { informal: Line; formal: Line };
  /** Email subjects (kept to 60 characters), per angle. */
  subjects: Record<Angle, readonly Line[]>;
  preheaders: readonly Line[];
  /** Titles of planned items, per pillar. */
  titles: Record<PillarKind, readonly Line[]>;
  /** A notice (closure, changed hours): opening, closing, subject. The notice text itself is the brief's. */
  notice: { hooks: readonly Line[]; closers: readonly Line[]; subject: Line; keywords: RegExp };
  smsOptOut: string;
  /** Labels of scripts and outlines. */
  labels: {
    hook: string;
    scene: string;
    cta: string;
    headline: string;
    intro: string;
    section: string;
    onScreen: string;
  };
  /** Scenes of a short video, as directions for whoever films it. */
  reelScenes: readonly Line[];
  /** H2 sections of a blog outline. */
  blogSections: readonly Line[];
  /** What image or video to pair with a piece. */
  mediaBrief: Line;
  /** A hashtag word per pillar (no spaces), or null when the pillar's tag would be noise. */
  pillarTags: Record<PillarKind, string | null>;
  plan: {
    pillarNames: Record<ProposedPillar, string>;
    pillarDescriptions: Record<ProposedPillar, Line>;
    /** A custom pillar's description. */
    customPillar: (pillar: string, f: Facts) => string;
    /** The planner's instructions for a piece: what it should do. Never printed in copy. */
    briefs: Record<PillarKind, readonly Line[]>;
    /** What the piece should end with, per objective. */
    asks: Record<Objective, string>;
    reasoning: (parts: {
      name: string;
      weeks: number;
      start: string;
      /** The objective's name in this language. */
      objective: string;
      proposed: boolean;
      cadence: string;
      timeZone: string;
      rulesVersion: string;
    }) => string;
    objectiveNames: Record<Objective, string>;
    perWeek: string;
    recommended: string;
  };
}
