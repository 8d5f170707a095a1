import type { OutputNote, RewriteContentInput, RewriteContentOutput } from '#shared/ai-tasks.schema.js';
import { extractHashtags, extractUrls } from '#shared/channel-text.js';
import { channelRule, countText, fitToChannel, normalizeHashtags } from '#shared/channels.js';
import { avoidedWordMatcher, languageName } from '../checks/output-checks.js';
import { checkLanguage } from '../checks/output-language.js';
import type { BusinessContext } from '../task.js';
import { ctaKindOf } from './brief-reader.js';
import { focusFor } from './business-facts.js';
import { composeCta } from './compose.js';
import { factsFor, linkFor } from './copy-facts.js';
import { splitPascal } from './hashtags.js';
import { type Acceptable, pickLine, repeatsItself } from './phrase-picker.js';
import { phraseBank, smsOptOutLine, writerLanguage } from './phrasebank/index.js';
import { ANGLES, type PhraseBank } from './phrasebank/types.js';
import { industryEmoji } from './phrases.js';
import { createRandom, hashSeed } from './prng.js';
import { fitSms } from './sms.js';
import { endSentence, splitSentences } from './text-tools.js';
import { contract, expandContractions, missingWordsToUse, voiceStyle } from './voice.js';

// Rewrites without a model, in the language of the text (the business's unless the text is clearly in
// another the writer knows): shorten by dropping filler and middle sentences, expand with profile facts and
// the phrase bank's sentences, shift tone with punctuation and emoji (and contractions in English), open a
// variant with another of the bank's hooks. A sentence of the text carrying a word the brand avoids is left
// out whole (and the answer says so), never printed with a hole; an added sentence is another phrasing.
// Translation needs a model: offline, the text comes back unchanged with a note saying so.

const FILLER = /\b(?:really|very|just|actually|basically|literally|truly|quite|simply|totally)\s+/giu;
const EMOJI = /\s*\p{Extended_Pictographic}\uFE0F?/gu;

/** Notes the offline rewriter adds; finalize keeps these alongside its own checks' notes. */
export const REWRITER_NOTE_CODES = ['not_translated', 'sentence_left_out'] as const;

interface Rewrite {
  input: RewriteContentInput;
  business: BusinessContext;
  bank: PhraseBank;
  acceptable: Acceptable;
  text: string;
}

/** The bank to write in: the text's own language when it clearly is another one the writer has. */
function bankFor(text: string, locale: string): PhraseBank {
  const verdict = checkLanguage(text, locale);
  const own = verdict.verdict === 'other' ? writerLanguage(verdict.detected, locale) : null;
  return phraseBank(own?.supported ? own.language : writerLanguage(undefined, locale).language);
}

/**
 * `text` without hashtags or sentences that carry a word to avoid, line by line so the layout stays; the
 * sentences left out, for the note.
 */
function withoutAvoided(text: string, acceptable: Acceptable): { text: string; left: string[] } {
  const left: string[] = [];
  const lines = text.split('\n').map((line) => {
    const tagless = line.replace(/(^|\s)#[\p{L}\p{N}_]+/gu, (tag, space: string) =>
      acceptable(splitPascal(tag.trim().slice(1))) ? tag : space,
    );
    const kept = splitSentences(tagless).filter((sentence) => {
      if (acceptable(sentence)) return true;
      left.push(sentence);
      return false;
    });
    return line.trim() === '' ? '' : kept.join(' ');
  });
  return {
    text: lines
      .join('\n')
      .replace(/\n{3,}/gu, '\n\n')
      .trim(),
    left,
  };
}

function factsOf(rewrite: Rewrite, turn = 0) {
  const { business, bank, text } = rewrite;
  const style = voiceStyle(business.brand.voice.tone);
  const random = createRandom(hashSeed('rewrite', text, turn));
  const facts = factsFor(
    { brief: text, language: bank.language, style, turn, topic: null },
    business,
    random,
  );
  return { facts, random, style };
}

function shorten({ input, bank, text }: Rewrite): string {
  const plain = bank.language === 'en' ? text.replace(FILLER, '') : text;
  const limit = countText(input.channel, plain).limit;
  const target = Math.min(limit, Math.max(40, Math.round(countText(input.channel, plain).count * 0.6)));
  const sentences = splitSentences(plain);
  // Keep the opening and the sentence carrying the link or call to action; drop from the middle out.
  const keep = (sentence: string, index: number) => index === 0 || extractUrls(sentence).length > 0;
  const kept = [...sentences];
  for (
    let index = kept.length - 2;
    index > 0 && countText(input.channel, kept.join(' ')).count > target;
    index -= 1
  ) {
    if (!keep(kept[index] ?? '', index)) kept.splice(index, 1);
  }
  return kept.join(' ');
}

function expand(rewrite: Rewrite): string {
  const { input, business, bank, acceptable, text } = rewrite;
  const { facts, random, style } = factsOf(rewrite);
  const [word = null] = missingWordsToUse(business.brand.voice, text, 1);
  const fits = (line: string) => acceptable(line) && !text.includes(line);
  const pick = (lines: Parameters<typeof pickLine>[0], withFacts = facts) =>
    pickLine(lines, withFacts, random, 0, fits);
  const cta = extractUrls(text).length
    ? null
    : composeCta({
        bank,
        facts,
        angle: 'story',
        pillar: 'general',
        kind: ctaKindOf(text),
        channel: input.channel,
        link: linkFor(business, facts.product),
        random,
        variant: 0,
        acceptable,
        enthusiastic: style.enthusiastic,
      });
  const additions = [
    facts.benefit && fits(facts.benefit) ? facts.benefit : null,
    pick(bank.audienceLines),
    word ? pick(bank.wordLines, { ...facts, word }) : null,
    cta && fits(cta) ? cta : null,
  ].filter((line): line is string => Boolean(line));
  const separator = channelRule(input.channel).limit > 500 ? '\n\n' : ' ';
  return [endSentence(text), ...additions].join(separator);
}

function shiftTone({ input, business, bank, text }: Rewrite): string {
  const tone = input.tone ?? '';
  const english = bank.language === 'en';
  const formal = /formal|professional|serious|polished|corporate|neutral/iu.test(tone);
  if (formal) return (english ? expandContractions(text) : text).replace(EMOJI, '').replace(/!+/gu, '.');
  let result = english ? contract(text) : text;
  if (/playful|fun|witty|light/iu.test(tone) && !/\p{Extended_Pictographic}/u.test(result)) {
    const emoji = industryEmoji(business, focusFor(text, business, createRandom(1)));
    result = result.replace(/([.!?])(\s|$)/u, ` ${emoji}$1$2`);
  }
  if (/enthusias|excit|energetic|bold|playful|fun/iu.test(tone)) result = result.replace(/\.(\s|$)/u, '!$1');
  return result;
}

function variant(rewrite: Rewrite): string {
  const { bank, acceptable, text } = rewrite;
  const { facts, random } = factsOf(rewrite, 1);
  const sentences = splitSentences(text);
  // Another opening from the bank (a question, a story, an offer or a tip; a list's hook would announce
  // points the text does not have), in front of the text's own sentences, which carry its facts.
  const angles = ANGLES.filter((angle) => angle !== 'list');
  const start = hashSeed('variant-angle', text) % angles.length;
  const hooks = angles.map((_, index) => bank.hooks[angles[(start + index) % angles.length] ?? 'story']);
  const differs = (line: string) =>
    acceptable(line) && !line.endsWith(':') && !text.includes(line) && !repeatsItself(line, facts);
  const hook = hooks.reduce<string | null>(
    (found, lines) => found ?? pickLine(lines, facts, random, 1, differs),
    null,
  );
  return hook ? [hook, ...sentences].join(' ') : text;
}

/**
 * The text for another network: the hashtags past what the channel takes well go (all of them where they do
 * nothing), and a text over the channel's limit is shortened as `shorten` does; a text that fits keeps its
 * sentences, so a person's own words survive the move.
 */
function tailor(rewrite: Rewrite): string {
  const { input, text } = rewrite;
  const rule = channelRule(input.channel);
  let kept = 0;
  const tagged = text
    .replace(/(^|\s)#[\p{L}\p{N}_]+/gu, (tag, space: string) => {
      kept += 1;
      return kept <= rule.suggestedHashtags ? tag : space;
    })
    .replace(/[ \t]{2,}/gu, ' ')
    .replace(/[ \t]+$/gmu, '')
    .trim();
  const fitted = { ...rewrite, text: tagged };
  return countText(input.channel, tagged).over ? shorten(fitted) : tagged;
}

/**
 * A rewrite of `input.text` in the brand's voice and the text's language, without words to avoid, fitted
 * to the channel; `warnings` say what the rewriter could not do (translate) or left out.
 * @example rewriteOffline({ channel: 'x', text: '…', mode: 'shorten' }, business)
 */
export function rewriteOffline(input: RewriteContentInput, business: BusinessContext): RewriteContentOutput {
  const bank = bankFor(input.text, business.locale);
  const matcher = avoidedWordMatcher(business.brand.voice.words_to_avoid, bank.language);
  const acceptable: Acceptable = (sentence) => !matcher.has(sentence);
  const warnings: OutputNote[] = [];
  if (input.mode === 'translate') {
    const target = input.language ?? 'en';
    if (checkLanguage(input.text, target).verdict !== 'expected') {
      warnings.push({
        field: 'text',
        code: 'not_translated',
        message: `The offline writer cannot translate, so the text is unchanged. Connect an AI provider in Settings → AI to translate it into ${languageName(target)}.`,
      });
    }
  }
  // A translation that did not happen changes nothing, not even a sentence (the checks flag its words).
  const { text: clean, left } =
    input.mode === 'translate' ? { text: input.text, left: [] } : withoutAvoided(input.text, acceptable);
  if (left.length > 0) {
    warnings.push({
      field: 'text',
      code: 'sentence_left_out',
      message: `Left out because they use a word the brand avoids: ${left.map((s) => `"${s}"`).join(' ')}`,
    });
  }
  const rewrite: Rewrite = { input, business, bank, acceptable, text: clean || input.text };
  const rewritten = {
    shorten: () => shorten(rewrite),
    expand: () => expand(rewrite),
    tone: () => shiftTone(rewrite),
    variant: () => variant(rewrite),
    translate: () => rewrite.text,
    tailor: () => tailor(rewrite),
  }[input.mode]();
  const text =
    input.channel === 'sms'
      ? // One segment, as the offline writer's SMS: a rewrite should not cost more to send.
        fitSms(rewritten, smsOptOutLine(bank.language, bank.language), 1)
      : fitToChannel(input.channel, rewritten.trim() || input.text);
  return {
    text,
    hashtags: normalizeHashtags(extractHashtags(text), channelRule(input.channel).maxHashtags),
    warnings,
  };
}
