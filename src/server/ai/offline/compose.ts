import type { ChannelId } from '#shared/channel-ids.js';
import { type Acceptable, pickLine, pickText } from './phrase-picker.js';
import { bare } from './phrasebank/helpers.js';
import type { Angle, CtaKind, Facts, PhraseBank, PillarKind } from './phrasebank/types.js';
import type { Random } from './prng.js';

// The sentences of one piece, chosen by angle: a question-led piece, a story, a list, an offer or a tip
// each open differently and put the facts in a different order, so variants differ in structure.

/** The copy of a piece before it is laid out for a format. */
export interface Copy {
  angle: Angle | 'notice';
  hook: string;
  /** Sentences after the hook, most important first. */
  lines: string[];
  /** Points of a list (without bullets), for the list angle. */
  bullets: string[];
  /** The call to action with its link (or an invitation to write). */
  cta: string;
}

export interface ComposeRequest {
  bank: PhraseBank;
  facts: Facts;
  angle: Angle;
  pillar: PillarKind;
  kind: CtaKind;
  channel: ChannelId;
  link: string | null;
  random: Random;
  variant: number;
  acceptable: Acceptable;
  enthusiastic: boolean;
}

/** The angles worth trying for a pillar, best first; variants walk through them. */
export const PILLAR_ANGLES: Record<PillarKind, readonly Angle[]> = {
  spotlight: ['list', 'question', 'offer', 'story'],
  howTo: ['tip', 'list', 'question', 'story'],
  behindScenes: ['story', 'list', 'question', 'tip'],
  stories: ['story', 'question', 'list', 'offer'],
  offers: ['offer', 'list', 'question', 'story'],
  community: ['question', 'story', 'list', 'tip'],
  general: ['question', 'story', 'list', 'offer'],
};

/** The call to action: a verb, then where to go (link, bio, profile) or an invitation to write. */
export function composeCta(request: ComposeRequest): string {
  const { bank, facts, random, variant, acceptable, channel, link } = request;
  const verbs = bank.ctas[request.kind][facts.casual ? 'informal' : 'formal'];
  const verb = pickText(verbs, random, variant, acceptable) ?? verbs[0] ?? '';
  const exclaim = request.enthusiastic && !facts.formal;
  const mark = exclaim ? '!' : '.';
  // Spanish opens an exclamation too.
  const open = exclaim && bank.language === 'es' ? '¡' : '';
  if (channel === 'instagram') return `${open}${verb}: ${bank.linkInBio}${mark}`;
  if (channel === 'tiktok') return `${open}${verb}: ${bank.linkInProfile}${mark}`;
  const linked = link ? `${verb}: ${link}` : null;
  if (linked && acceptable(linked)) return linked;
  return pickLine(bank.messageUs, facts, random, variant, acceptable) ?? `${open}${verb}${mark}`;
}

function present(...lines: ReadonlyArray<string | null>): string[] {
  return lines.filter((line): line is string => line !== null && line.trim() !== '');
}

/** The copy for a notice: the brief's facts between an opening and a closing line; no pitch. */
export function composeNotice(request: ComposeRequest, notice: readonly string[]): Copy {
  const { bank, facts, random, variant, acceptable } = request;
  const hook = pickLine(bank.notice.hooks, facts, random, variant, acceptable) ?? '';
  const closer = pickLine(bank.notice.closers, facts, random, variant, acceptable);
  return { angle: 'notice', hook, lines: present(...notice, closer), bullets: [], cta: '' };
}

/** The copy for an angle. */
export function composeCopy(request: ComposeRequest): Copy {
  const { bank, facts, random, variant, acceptable, pillar } = request;
  const pick = (lines: Parameters<typeof pickLine>[0]) => pickLine(lines, facts, random, variant, acceptable);
  const pillarLines = [
    ...bank.pillarLines[pillar],
    ...(pillar === 'general' ? [] : bank.pillarLines.general),
  ];
  const hook =
    pick(bank.hooks[request.angle]) ?? pick(bank.hooks.story) ?? pick(bank.pillarLines.general) ?? facts.name;
  const benefit = pick(bank.benefitLines);
  const proof = pick(bank.proofLines);
  const audience = pick(bank.audienceLines);
  const pillarLine = pick(pillarLines);
  const word = pick(bank.wordLines);
  const topic = pick(bank.topicLines);
  const hookHasPrice = facts.price !== null && hook.includes(facts.price);
  const price = hookHasPrice ? null : pick(bank.priceLines);
  const cta = composeCta(request);
  switch (request.angle) {
    case 'question':
      return {
        angle: 'question',
        hook,
        lines: present(topic, benefit, audience, proof, pillarLine, word),
        bullets: [],
        cta,
      };
    case 'story':
      return {
        angle: 'story',
        hook,
        lines: present(topic, pillarLine, benefit, proof, word, price),
        bullets: [],
        cta,
      };
    case 'list':
      return {
        angle: 'list',
        hook,
        lines: present(topic, pillarLine),
        bullets: present(facts.benefit, facts.proof, price, audience, word)
          .filter(acceptable)
          .map(bare)
          .slice(0, 4),
        cta,
      };
    case 'offer':
      return {
        angle: 'offer',
        hook,
        lines: present(benefit, price, audience, topic, pillarLine),
        bullets: [],
        cta,
      };
    case 'tip': {
      const tip = pick(bank.pillarLines.howTo);
      return { angle: 'tip', hook, lines: present(tip, topic, benefit, audience, word), bullets: [], cta };
    }
  }
}
