import type { ContentDraft } from '#shared/ai-tasks.schema.js';
import type { ChannelId, ContentFormat } from '#shared/channel-ids.js';
import { channelRule, countText, fitToChannel, fitToLength } from '#shared/channels.js';
import type { Copy } from './compose.js';
import { type Acceptable, pickLine } from './phrase-picker.js';
import type { Facts, PhraseBank } from './phrasebank/types.js';
import type { Random } from './prng.js';
import { composeSms } from './sms.js';

// How the copy of a piece is laid out for each format: a post, a thread, an email, an SMS, a blog outline,
// a reel script, a story, an ad. Lines are dropped whole from the end to fit, never cut mid-sentence.

export interface LayoutRequest {
  channel: ChannelId;
  bank: PhraseBank;
  facts: Facts;
  copy: Copy;
  title: string;
  /**
   * A line to open a thread or a short post with (a planned item's title), so two items of one plan never
   * open alike.
   */
  headline?: string | null;
  /** The email subject (≤ 60 characters). */
  subject: string;
  emoji: string | null;
  /** The body's limit once the hashtags published with it are counted; the channel's limit when absent. */
  bodyLimit?: number | undefined;
  random: Random;
  variant: number;
  acceptable: Acceptable;
}

/** A draft without hashtags (added by the writer, which knows how many the channel wants). */
export type LaidOut = Omit<ContentDraft, 'hashtags'>;

const SHORT_FORM_LIMIT = 500;
const isShort = (channel: ChannelId) => channelRule(channel).limit <= SHORT_FORM_LIMIT;

function withEmoji(line: string, emoji: string | null): string {
  // Not after a colon that opens a list.
  return emoji && !line.endsWith(':') ? `${line} ${emoji}` : line;
}

/** The copy's sentences in reading order, list points bulleted. */
function sentences(request: LayoutRequest, bullet = '- '): string[] {
  const { copy, emoji } = request;
  const list = copy.bullets.length ? [copy.bullets.map((point) => `${bullet}${point}`).join('\n')] : [];
  return [withEmoji(copy.hook, emoji), ...list, ...copy.lines, copy.cta].filter(Boolean);
}

/** As many of `parts` as fit, keeping the first and the last (the hook and the call to action). */
function fitParts(channel: ChannelId, parts: readonly string[], separator: string, limit?: number): string {
  const kept = [...parts];
  const over = () => countText(channel, kept.join(separator), limit === undefined ? {} : { limit }).over;
  while (kept.length > 2 && over()) kept.splice(kept.length - 2, 1);
  const text = kept.join(separator);
  return over() ? fitToChannel(channel, text, limit === undefined ? {} : { limit }) : text;
}

function mediaBrief(request: LayoutRequest): string {
  return fitToLength(request.bank.mediaBrief(request.facts) ?? '', 500);
}

function base(request: LayoutRequest): LaidOut {
  return {
    title: fitToLength(request.title, 200),
    body: '',
    thread: [],
    call_to_action: request.copy.cta,
    media_brief: mediaBrief(request),
    preheader: '',
  };
}

function fits(channel: ChannelId, text: string, limit?: number): boolean {
  return !countText(channel, text, limit === undefined ? {} : { limit }).over;
}

/**
 * A short post of a list: the hook and as many points as fit (two at least), else the hook with its first
 * point after the colon; null when not even that fits, so the hook never ends on a colon with no list.
 */
function shortList(request: LayoutRequest): string | null {
  const { copy, channel, bodyLimit } = request;
  const hook = withEmoji(copy.hook, request.emoji);
  const tail = [copy.lines[0], copy.cta].filter(Boolean);
  for (let count = copy.bullets.length; count >= 2; count -= 1) {
    const list = copy.bullets.slice(0, count).map((point) => `- ${point}`);
    for (const extra of [tail, tail.slice(-1)]) {
      const text = [`${hook}\n${list.join('\n')}`, ...extra].join('\n');
      if (fits(channel, text, bodyLimit)) return text;
    }
  }
  const [point] = copy.bullets;
  if (!point) return null;
  const inline = `${copy.hook} ${point}.`;
  for (const extra of [tail, tail.slice(-1)]) {
    const text = [inline, ...extra].join(' ');
    if (fits(channel, text, bodyLimit)) return text;
  }
  return null;
}

/** One post: hook, facts and call to action; short channels keep the strongest few lines. */
export function layOutPost(request: LayoutRequest): LaidOut {
  const short = isShort(request.channel);
  if (short && request.headline) {
    // A planned item opens with its title, unique in the plan, when the rest still has room.
    const rest = layOutPost({ ...request, headline: null });
    const titled = `${request.headline}\n\n${rest.body}`;
    if (!rest.body.includes(request.headline) && fits(request.channel, titled, request.bodyLimit))
      return { ...rest, body: titled };
    return rest;
  }
  if (short && request.copy.bullets.length > 0) {
    const list = shortList(request);
    // Without room for a point, the post goes on without the list and its hook.
    const body =
      list ??
      fitParts(
        request.channel,
        [...request.copy.lines.slice(0, 2), request.copy.cta].filter(Boolean),
        ' ',
        request.bodyLimit,
      );
    return { ...base(request), body };
  }
  const parts = sentences(request);
  const chosen = short ? [...parts.slice(0, 3), parts.at(-1) ?? ''] : parts;
  return {
    ...base(request),
    body: fitParts(request.channel, [...new Set(chosen)], short ? ' ' : '\n\n', request.bodyLimit),
  };
}

/** A thread: one idea per post, numbered; one long post where the channel has no threads. */
export function layOutThread(request: LayoutRequest): LaidOut {
  // One point of a list per post, so no post has to be cut.
  const { copy, emoji } = request;
  const hook = withEmoji(copy.hook, emoji);
  const headline = request.headline && !copy.hook.includes(request.headline) ? request.headline : null;
  const first = headline ? `${headline}\n\n${hook}` : hook;
  const ideas = [first, ...copy.bullets, ...copy.lines, copy.cta].filter(Boolean);
  if (!channelRule(request.channel).threads) return { ...base(request), body: ideas.join('\n\n') };
  const posts = ideas.map((idea, index) => {
    const marker = ` ${index + 1}/${ideas.length}`;
    const room = countText(request.channel, idea).limit - countText(request.channel, marker).count;
    return `${fitToChannel(request.channel, idea, { limit: room })}${marker}`;
  });
  // The first post carries the hook and, when it fits, the next idea too.
  const [opening = request.copy.hook, second, ...rest] = posts;
  const total = ideas.length - 1;
  const merged = second ? `${ideas[0]} ${ideas[1]} 1/${total}` : null;
  if (merged && !countText(request.channel, merged).over) {
    const renumber = (post: string, index: number) => post.replace(/ \d+\/\d+$/u, ` ${index}/${total}`);
    return { ...base(request), body: merged, thread: rest.map((post, index) => renumber(post, index + 2)) };
  }
  return { ...base(request), body: opening, thread: second ? [second, ...rest] : rest };
}

/** An email: greeting, paragraphs, call to action, sign-off; the subject and a preheader. */
export function layOutEmail(request: LayoutRequest): LaidOut {
  const { bank, facts, random, variant, acceptable } = request;
  const register = facts.casual ? 'informal' : 'formal';
  // A notice's preview is the notice itself; anything else gets a line that adds to the subject.
  const notice = request.copy.angle === 'notice' ? fitToLength(request.copy.lines[0] ?? '', 140) : null;
  const preheader =
    notice ??
    pickLine(
      bank.preheaders,
      facts,
      random,
      variant,
      (line) => acceptable(line) && line.length <= 140 && !request.subject.includes(line),
    ) ??
    '';
  const body = [
    bank.greeting[register](facts),
    ...sentences({ ...request, emoji: null }),
    bank.signOff[register](facts),
  ].filter(Boolean);
  return { ...base(request), title: request.subject, body: body.join('\n\n'), preheader };
}

/** An SMS: the business name, as much copy as fits one GSM-7 segment, the call to action, the opt-out. */
export function layOutSms(request: LayoutRequest): LaidOut {
  const { copy, facts } = request;
  // Lines carrying a profile fact first: an SMS has room for one or two.
  const factual = (line: string) =>
    [facts.benefit, facts.price, facts.proof].some((fact) => fact && line.includes(fact));
  const lines = [...copy.lines.filter(factual), ...copy.lines.filter((line) => !factual(line))];
  const parts = [copy.hook.includes(facts.name) ? copy.hook : `${facts.name}: ${copy.hook}`, ...lines];
  return { ...base(request), body: composeSms(parts, copy.cta, request.bank.smsOptOut), media_brief: '' };
}

/** A blog outline: a headline, an intro, then the H2 sections as bullet lines. */
export function layOutBlogOutline(request: LayoutRequest): LaidOut {
  const { bank, facts, copy } = request;
  const sections = bank.blogSections
    .map((section) => section(facts))
    .filter((section): section is string => section !== null && request.acceptable(section));
  const start = request.variant % Math.max(1, sections.length);
  const chosen = [...sections.slice(start), ...sections.slice(0, start)].slice(0, 4);
  // A list's hook ("Quick facts about X:") announces points an intro does not have.
  const opener = copy.hook.endsWith(':') ? null : copy.hook;
  const intro = [opener, ...copy.lines].filter(Boolean).slice(0, 2).join(' ');
  return {
    ...base(request),
    body: [
      `${bank.labels.headline}: ${request.title}`,
      `${bank.labels.intro}: ${intro}`,
      ...chosen.map((section) => `- ${bank.labels.section}: ${section}`),
      `- ${bank.labels.cta}: ${copy.cta}`,
    ].join('\n'),
  };
}

/** A short vertical video script: hook, three scenes with their on-screen text, call to action. */
export function layOutReelScript(request: LayoutRequest): LaidOut {
  const { bank, facts, copy, random, variant, acceptable } = request;
  const usable = bank.reelScenes
    .map((scene) => scene(facts))
    .filter((scene): scene is string => scene !== null && acceptable(scene));
  const start = Math.floor(random() * usable.length) + variant;
  const scenes = [0, 1, 2].map((step) => usable[(start + step) % Math.max(1, usable.length)]);
  const texts = [...copy.bullets, ...copy.lines];
  const timings = ['3-8s', '8-15s', '15-22s'];
  const lines = [
    `${bank.labels.hook} (0-3s): ${copy.hook}`,
    ...timings.map((timing, index) => {
      const scene = scenes[index] ?? facts.name;
      const text = texts[index];
      return `${bank.labels.scene} ${index + 1} (${timing}): ${scene}.${text ? ` ${bank.labels.onScreen}: "${text}"` : ''}`;
    }),
    `${bank.labels.cta} (22-30s): ${copy.cta}`,
  ];
  return { ...base(request), body: lines.join('\n') };
}

/** A story frame: the hook and one line over an image, and the call to action as the sticker text. */
export function layOutStory(request: LayoutRequest): LaidOut {
  const { copy } = request;
  const lines = [withEmoji(copy.hook, request.emoji), copy.lines[0] ?? copy.bullets[0], copy.cta];
  return { ...base(request), body: lines.filter(Boolean).join('\n') };
}

/** An ad: a short headline, primary text with the benefit and price, and the call to action. */
export function layOutAd(request: LayoutRequest): LaidOut {
  const short = isShort(request.channel);
  const parts = [request.copy.hook, ...request.copy.lines.slice(0, 2), request.copy.cta];
  const headline = request.facts.product && request.title.length > 40 ? request.facts.product : request.title;
  return {
    ...base(request),
    title: fitToLength(headline, 40),
    body: fitParts(request.channel, parts, short ? ' ' : '\n\n', request.bodyLimit),
  };
}

export const LAYOUTS: Record<ContentFormat, (request: LayoutRequest) => LaidOut> = {
  post: layOutPost,
  thread: layOutThread,
  story: layOutStory,
  reel_script: layOutReelScript,
  email: layOutEmail,
  ad: layOutAd,
  blog_outline: layOutBlogOutline,
  sms: layOutSms,
};
