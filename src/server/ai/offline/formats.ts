import type { ContentDraft } from '#shared/ai-tasks.schema.js';
import type { ChannelId } from '#shared/channel-ids.js';
import { channelRule, countText, fitToChannel, fitToLength } from '#shared/channels.js';
import { capitalize, endSentence } from './text-tools.js';

// How the same pieces of content are laid out for each format: a post, a thread, an email, an SMS, a blog
// outline, a reel script, a story, an ad.

/** The sentences a draft is assembled from, already in the brand's voice. */
export interface DraftPieces {
  channel: ChannelId;
  businessName: string;
  topic: string;
  productName: string | null;
  audienceName: string | null;
  hook: string;
  benefit: string;
  audience: string | null;
  wordsToUse: string | null;
  price: string | null;
  cta: string;
  emoji: string | null;
  greeting: string;
  signOff: string;
}

/** A draft without hashtags (added by the writer, which knows how many the channel wants). */
export type LaidOut = Omit<ContentDraft, 'hashtags'>;

const SHORT_FORM_LIMIT = 500;

function present(...parts: ReadonlyArray<string | null>): string[] {
  return parts.filter((part): part is string => Boolean(part?.trim()));
}

function withEmoji(pieces: DraftPieces, line: string): string {
  return pieces.emoji ? `${line} ${pieces.emoji}` : line;
}

function subject(pieces: DraftPieces): string {
  const named = pieces.productName && !pieces.topic.toLowerCase().includes(pieces.productName.toLowerCase());
  return fitToLength(capitalize(named ? `${pieces.productName}: ${pieces.topic}` : pieces.topic), 60);
}

function mediaBrief(pieces: DraftPieces, shot: string): string {
  const subjectMatter = pieces.productName ?? pieces.topic;
  const people = pieces.audienceName ? `, with ${pieces.audienceName} in the frame` : '';
  return fitToLength(
    `${shot} of ${subjectMatter}${people}; natural light, ${pieces.businessName} branding visible.`,
    500,
  );
}

/** One post: concise on short-form channels, paragraphs elsewhere. */
export function layOutPost(pieces: DraftPieces): LaidOut {
  const short = channelRule(pieces.channel).limit <= SHORT_FORM_LIMIT;
  const lines = short
    ? present(withEmoji(pieces, pieces.hook), pieces.benefit, pieces.cta)
    : present(
        withEmoji(pieces, pieces.hook),
        pieces.benefit,
        pieces.audience,
        pieces.wordsToUse,
        pieces.price,
        pieces.cta,
      );
  return {
    title: fitToLength(capitalize(pieces.topic), 200),
    body: lines.join(short ? ' ' : '\n\n'),
    thread: [],
    call_to_action: pieces.cta,
    media_brief: mediaBrief(pieces, 'Square photo'),
    preheader: '',
  };
}

/** A thread: one idea per post, numbered; one long post where the channel has no threads. */
export function layOutThread(pieces: DraftPieces): LaidOut {
  const ideas = present(
    withEmoji(pieces, pieces.hook),
    pieces.benefit,
    pieces.audience,
    pieces.wordsToUse,
    pieces.price,
    pieces.cta,
  );
  if (!channelRule(pieces.channel).threads) return { ...layOutPost(pieces), body: ideas.join('\n\n') };
  const posts = ideas.map((idea, index) => {
    const marker = ` ${index + 1}/${ideas.length}`;
    const room = countText(pieces.channel, idea).limit - countText(pieces.channel, marker).count;
    return `${fitToChannel(pieces.channel, idea, { limit: room })}${marker}`;
  });
  const [first = pieces.hook, ...rest] = posts;
  return {
    ...layOutPost(pieces),
    body: first,
    thread: rest,
    media_brief: mediaBrief(pieces, 'One image for the first post'),
  };
}

/** An email: subject (≤ 60), preheader, greeting, paragraphs, call to action, sign-off. */
export function layOutEmail(pieces: DraftPieces): LaidOut {
  const paragraphs = present(
    pieces.hook,
    pieces.benefit,
    pieces.audience,
    pieces.wordsToUse,
    pieces.price,
    pieces.cta,
  );
  return {
    title: subject(pieces),
    body: [pieces.greeting, ...paragraphs, pieces.signOff].join('\n\n'),
    thread: [],
    call_to_action: pieces.cta,
    media_brief: mediaBrief(pieces, 'Wide header image (600 px)'),
    preheader: fitToLength(pieces.audience ?? pieces.benefit, 140),
  };
}

// GSM-7 look-alikes, so an SMS stays in the 160-character encoding.
const GSM_FRIENDLY: ReadonlyArray<readonly [RegExp, string]> = [
  [/[‘’]/gu, "'"],
  [/[“”]/gu, '"'],
  [/[–—]/gu, '-'],
  [/…/gu, '...'],
  [/\p{Extended_Pictographic}\uFE0F?/gu, ''],
];
const SMS_OPT_OUT = 'Reply STOP to opt out.';

/** An SMS: name, hook and call to action in one GSM-7 segment, with the opt-out line carriers expect. */
export function layOutSms(pieces: DraftPieces): LaidOut {
  const gsm = (text: string) =>
    GSM_FRIENDLY.reduce((result, [pattern, plain]) => result.replace(pattern, plain), text).trim();
  const tail = `${gsm(pieces.cta)} ${SMS_OPT_OUT}`;
  const room = 160 - countText('sms', ` ${tail}`).count;
  const mark = pieces.hook.endsWith('!') ? '!' : '.';
  const head = fitToChannel('sms', gsm(`${pieces.businessName}: ${capitalize(pieces.topic)}${mark}`), {
    limit: Math.max(room, 40),
  });
  const body = countText('sms', `${head} ${tail}`).over ? `${head} ${SMS_OPT_OUT}` : `${head} ${tail}`;
  return { ...layOutPost(pieces), body: fitToChannel('sms', body), media_brief: '' };
}

/** A blog outline: a headline, then the H2 sections as bullet lines. */
export function layOutBlogOutline(pieces: DraftPieces): LaidOut {
  const readers = pieces.audienceName ?? 'our customers';
  const headline = capitalize(`${pieces.topic}: what ${readers} should know`);
  const sections = [
    `H2: Why ${pieces.topic} matters to ${readers}`,
    pieces.productName
      ? `H2: What makes ${pieces.productName} different - ${pieces.benefit}`
      : `H2: What we do differently - ${pieces.benefit}`,
    `H2: How to get started, step by step`,
    `H2: Questions we hear about ${pieces.topic}`,
    `H2: Next step - ${pieces.cta}`,
  ];
  return {
    title: fitToLength(headline, 200),
    body: [
      `Headline: ${headline}`,
      `Intro: ${pieces.hook}`,
      ...sections.map((section) => `- ${section}`),
    ].join('\n'),
    thread: [],
    call_to_action: pieces.cta,
    media_brief: mediaBrief(pieces, 'Feature image (16:9)'),
    preheader: '',
  };
}

/** A short vertical video script: hook, three scenes, call to action, with timings. */
export function layOutReelScript(pieces: DraftPieces): LaidOut {
  const star = pieces.productName ?? pieces.topic;
  const lines = [
    `HOOK (0-3s): ${pieces.hook}`,
    `SCENE 1 (3-8s): Close-up of ${star}. On-screen text: "${capitalize(pieces.topic)}"`,
    `SCENE 2 (8-15s): ${pieces.benefit}`,
    `SCENE 3 (15-22s): ${pieces.audience ?? pieces.wordsToUse ?? endSentence(`The ${pieces.businessName} team at work`)}`,
    `CTA (22-30s): ${pieces.cta}`,
  ];
  return {
    title: fitToLength(`Reel: ${pieces.topic}`, 200),
    body: lines.join('\n'),
    thread: [],
    call_to_action: pieces.cta,
    media_brief: mediaBrief(pieces, 'Vertical 9:16 video, 30 seconds,'),
    preheader: '',
  };
}

/** A story frame: one line over an image, and the call to action as the sticker text. */
export function layOutStory(pieces: DraftPieces): LaidOut {
  return {
    ...layOutPost(pieces),
    body: present(withEmoji(pieces, pieces.hook), pieces.cta).join('\n'),
    media_brief: mediaBrief(pieces, 'Vertical 9:16 photo'),
  };
}

/** An ad: a short headline, primary text with the benefit and price, and the call to action. */
export function layOutAd(pieces: DraftPieces): LaidOut {
  const short = channelRule(pieces.channel).limit <= SHORT_FORM_LIMIT;
  return {
    ...layOutPost(pieces),
    title: fitToLength(capitalize(pieces.productName ?? pieces.topic), 40),
    body: present(pieces.hook, pieces.benefit, pieces.price, pieces.cta).join(short ? ' ' : '\n\n'),
    media_brief: mediaBrief(pieces, 'Ad creative (1:1 and 9:16)'),
  };
}
